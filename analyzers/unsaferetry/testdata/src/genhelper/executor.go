// Package genhelper is an API client whose resource methods are generated
// from an OpenAPI document and all send through one hand-written executor.
// The executor re-sends any request after a network error: the creates the
// generated methods pass it can be applied twice. The finding goes to the
// executor's retry, where the fix is; the generated file is not reported.
package genhelper

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"github.com/cenkalti/backoff/v4"
)

type Executor struct {
	base string
	hc   *http.Client
}

// NewRequest builds a request for the generated methods.
func (e *Executor) NewRequest(method, path string, body any) (*http.Request, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	return http.NewRequest(method, e.base+path, bytes.NewReader(b))
}

// Do sends req, again after a connection dropped mid-answer.
func (e *Executor) Do(ctx context.Context, req *http.Request, out any) (*http.Response, error) {
	var resp *http.Response
	op := func() error {
		var err error
		resp, err = e.hc.Do(req.WithContext(ctx))
		if errors.Is(err, io.EOF) {
			return err // the server may have acted before the connection dropped
		}
		if err != nil {
			return backoff.Permanent(err)
		}
		return nil
	}
	err := backoff.Retry(op, backoff.NewExponentialBackOff()) // want `POST /api/v1/widgets \(sent by WidgetResource\.CreateWidget, generated\) and 1 more write\(s\) of generated code are retried by Executor\.Do, which sends them again inside backoff\.Retry`
	if err != nil {
		return nil, err
	}
	return resp, json.NewDecoder(resp.Body).Decode(out)
}
