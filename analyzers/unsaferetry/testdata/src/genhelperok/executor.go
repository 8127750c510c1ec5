// Package genhelperok is genhelper with an executor that re-sends only
// after a rate limit (429): the server refused the request, nothing was
// applied, and the generated creates are safe to send again.
package genhelperok

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/cenkalti/backoff/v4"
)

type Executor struct {
	base string
	hc   *http.Client
}

func (e *Executor) NewRequest(method, path string, body any) (*http.Request, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	return http.NewRequest(method, e.base+path, bytes.NewReader(b))
}

var errLimited = errors.New("rate limited")

// Do sends req, again only when the server answered 429.
func (e *Executor) Do(ctx context.Context, req *http.Request) (*http.Response, error) {
	var resp *http.Response
	op := func() error {
		var err error
		resp, err = e.hc.Do(req.WithContext(ctx))
		if err != nil {
			return backoff.Permanent(err)
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			return errLimited
		}
		return nil
	}
	return resp, backoff.Retry(op, backoff.NewExponentialBackOff())
}
