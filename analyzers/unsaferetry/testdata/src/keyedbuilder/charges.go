package keyedbuilder

import "net/http"

// Charge: the backend keys the request; its retries carry the same key.
func Charge(b *Backend, body []byte) error {
	return b.Call(http.MethodPost, "/v1/charges", body)
}

// Refund goes through the unkeyed path: a retried POST.
func Refund(b *Backend, body []byte) error {
	return b.CallPlain(http.MethodPost, "/v1/refunds", body) // want `POST /v1/refunds is retried by Backend\.Do`
}
