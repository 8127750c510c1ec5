// Package requeststruct is an SDK's internal transport: callers describe
// a request in a struct of their own (Method, URL, Body), and Do builds
// and sends it in a loop that asks each attempt whether to go round
// again; the attempt says so in the result struct it returns.
package requeststruct

import (
	"bytes"
	"context"
	"net/http"
	"time"
)

type Request struct {
	Method string
	URL    string
	Body   []byte
}

type HTTPClient struct {
	Client     *http.Client
	MaxRetries int
}

type attemptResult struct {
	Resp       *http.Response
	Err        error
	Retry      bool
	RetryAfter time.Duration
}

func (r *Request) build() (*http.Request, error) {
	return http.NewRequest(r.Method, r.URL, bytes.NewReader(r.Body))
}

func (c *HTTPClient) attempt(ctx context.Context, hr *http.Request, retries int) *attemptResult {
	resp, err := c.Client.Do(hr.WithContext(ctx))
	result := &attemptResult{Resp: resp, Err: err}
	result.Retry = retries < c.MaxRetries && (err != nil || resp.StatusCode >= 500)
	return result
}

// Do sends req, again while the attempt asks for it (network errors and
// 5xx: a message the server took can be sent twice).
func (c *HTTPClient) Do(ctx context.Context, req *Request) (*http.Response, error) {
	var result *attemptResult
	for retries := 0; ; retries++ {
		hr, err := req.build()
		if err != nil {
			return nil, err
		}
		result = c.attempt(ctx, hr, retries)
		if !result.Retry {
			break
		}
		time.Sleep(result.RetryAfter)
	}
	return result.Resp, result.Err
}
