// Package buckets is one service of the SDK: one function per API
// operation, each building a request with setters and sending it through
// the Caller it is given.
package buckets

import (
	"net/http"

	"example.com/objstore/core"
)

// ObjectRequest is the service's request.
type ObjectRequest struct {
	core.Request
}

func send(cli core.Caller, req *ObjectRequest) error {
	resp, err := cli.Call(&req.Request)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// StartUpload creates a multipart upload: each POST makes a new upload id.
func StartUpload(cli core.Caller, bucket, key string) error {
	req := &ObjectRequest{}
	req.SetMethod(http.MethodPost)
	req.SetPath("/v2/buckets/" + bucket + "/uploads?key=" + key)
	return send(cli, req) // want `POST /v2/buckets/\{…\}/uploads is retried by Client\.Call, which sends it again inside a retry loop; the request can be applied twice .*Idempotency-Key`
}

// ListUploads reads: a GET through the same client.
func ListUploads(cli core.Caller, bucket string) error {
	req := &ObjectRequest{}
	req.SetMethod(http.MethodGet)
	req.SetPath("/v2/buckets/" + bucket + "/uploads")
	return send(cli, req)
}

// StartUploadOnce sends a client token the API deduplicates on, created
// by the caller once for all attempts: silent.
func StartUploadOnce(cli core.Caller, bucket, token string) error {
	req := &ObjectRequest{}
	req.SetMethod(http.MethodPost)
	req.SetHeader("Idempotency-Key", token)
	req.SetPath("/v2/buckets/" + bucket + "/uploads")
	return send(cli, req)
}
