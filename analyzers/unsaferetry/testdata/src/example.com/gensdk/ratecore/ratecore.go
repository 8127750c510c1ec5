// Package ratecore is a generated client's runtime whose retrier goes
// round only when the server refused the request with a 429: nothing was
// executed, so re-sending repeats no write.
package ratecore

import (
	"context"
	"net/http"
	"time"
)

// Retrier re-issues a request the server rate-limited.
type Retrier struct{ attempts uint }

// Run issues request with fn, again after a 429.
func (r *Retrier) Run(fn func(*http.Request) (*http.Response, error), request *http.Request) (*http.Response, error) {
	return r.run(fn, request, 0)
}

func (r *Retrier) run(fn func(*http.Request) (*http.Response, error), request *http.Request, attempt uint) (*http.Response, error) {
	response, err := fn(request)
	if err != nil {
		return nil, err
	}
	if response.StatusCode == http.StatusTooManyRequests && attempt+1 < r.attempts {
		response.Body.Close()
		time.Sleep(time.Second)
		return r.run(fn, request, attempt+1)
	}
	return response, nil
}

// Caller sends the API's requests.
type Caller struct {
	client  *http.Client
	retrier *Retrier
}

// Post sends a POST to url.
func (c *Caller) Post(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.retrier.Run(c.client.Do, req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Send sends a request with the given method to url.
func (c *Caller) Send(ctx context.Context, method, url string) error {
	req, err := http.NewRequestWithContext(ctx, method, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.retrier.Run(c.client.Do, req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
