// Package wire is the HTTP layer of an object-store SDK: its own request
// type, whose method and path are set with setters and read with getters,
// turned into a net/http request by Execute (shaped like the vendor SDKs
// that keep their own request type instead of *http.Request).
package wire

import (
	"bytes"
	"net/http"
)

// Request is the SDK's request: fields behind getters and setters.
type Request struct {
	method string
	path   string
	header map[string]string
	body   []byte
}

func (r *Request) Method() string     { return r.method }
func (r *Request) SetMethod(m string) { r.method = m }
func (r *Request) Path() string       { return r.path }
func (r *Request) SetPath(p string)   { r.path = p }
func (r *Request) SetBody(b []byte)   { r.body = b }
func (r *Request) SetHeader(k, v string) {
	if r.header == nil {
		r.header = map[string]string{}
	}
	r.header[k] = v
}

// Execute sends r once.
func Execute(r *Request) (*http.Response, error) {
	hr, err := http.NewRequest(r.Method(), "https://store.example.com"+r.Path(), bytes.NewReader(r.body))
	if err != nil {
		return nil, err
	}
	for k, v := range r.header {
		hr.Header.Set(k, v)
	}
	return http.DefaultClient.Do(hr)
}
