// Package sigv4 signs requests the way S3 client libraries do: it takes the
// request by value and returns a pointer to the signed copy.
package sigv4

import "net/http"

func sign(req http.Request, accessKey, secretKey string) *http.Request {
	if accessKey == "" {
		return &req // anonymous: nothing to sign
	}
	req.Header = req.Header.Clone()
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+accessKey)
	return &req
}

// SignV4 returns a signed copy of req.
func SignV4(req http.Request, accessKey, secretKey string) *http.Request {
	return sign(req, accessKey, secretKey)
}
