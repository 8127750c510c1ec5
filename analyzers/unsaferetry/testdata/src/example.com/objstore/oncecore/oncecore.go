// Package oncecore is a lighter SDK core: its only implementation of the
// client interface sends each request once, so nothing is re-sent.
package oncecore

import (
	"net/http"

	"example.com/objstore/wire"
)

type Request struct {
	wire.Request
}

type Sender interface {
	Send(req *Request) (*http.Response, error)
}

type Direct struct{}

func (Direct) Send(req *Request) (*http.Response, error) { return wire.Execute(&req.Request) }

// CreateBucket posts through the send-once implementation: silent.
func CreateBucket(s Sender, name string) error {
	req := &Request{}
	req.SetMethod(http.MethodPost)
	req.SetPath("/v2/buckets/" + name)
	_, err := s.Send(req)
	return err
}
