// Package request is a stub of github.com/aws/aws-sdk-go/aws/request for
// analyzer tests: a Request runs lists of handler funcs, and the HTTP call
// is made by a handler that the SDK installs elsewhere, so no body shows
// it.
package request

import (
	"context"
	"net/http"
)

type Operation struct {
	Name       string
	HTTPMethod string
	HTTPPath   string
}

type NamedHandler struct {
	Name string
	Fn   func(*Request)
}

type HandlerList struct{ list []NamedHandler }

func (l *HandlerList) Run(r *Request) {
	for _, h := range l.list {
		h.Fn(r)
	}
}

func (l *HandlerList) PushBackNamed(n NamedHandler) { l.list = append(l.list, n) }

type Handlers struct {
	Build, Send, Unmarshal, Retry HandlerList
}

type Request struct {
	Operation   *Operation
	Handlers    Handlers
	HTTPRequest *http.Request
	Params      interface{}
	Data        interface{}
	Error       error
	ctx         context.Context
	RetryCount  int
}

func (r *Request) SetContext(ctx context.Context) { r.ctx = ctx }

// Send sends the request, and runs the retry handlers after a failure
// that the SDK's retryer deems retryable.
func (r *Request) Send() error {
	for {
		r.Error = nil
		r.Handlers.Build.Run(r)
		r.Handlers.Send.Run(r)
		if r.Error == nil {
			r.Handlers.Unmarshal.Run(r)
			return r.Error
		}
		r.Handlers.Retry.Run(r)
		if r.Error != nil {
			return r.Error
		}
		r.RetryCount++
	}
}

func New(op *Operation, params, data interface{}) *Request {
	return &Request{Operation: op, Params: params, Data: data}
}
