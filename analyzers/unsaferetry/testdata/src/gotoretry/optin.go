package gotoretry

import (
	"context"
	"errors"
	"net/http"
	"net/url"
)

// RetryFunc decides, from a status, whether a CA request is tried again.
type RetryFunc func(status int) bool

// CAOption configures a CAClient.
type CAOption func(*CAClient)

// WithRetryFunc turns retries on: the caller's predicate decides which
// statuses are tried again.
func WithRetryFunc(fn RetryFunc) CAOption {
	return func(c *CAClient) { c.retryFunc = fn }
}

// CAClient retries only when its caller supplied a predicate: the package
// repeats nothing on its own, and its renewals stay silent.
type CAClient struct {
	endpoint  *url.URL
	retryFunc RetryFunc
}

func (c *CAClient) retryOnError(r *http.Response) bool {
	if c.retryFunc != nil {
		if c.retryFunc(r.StatusCode) {
			r.Body.Close()
			return true
		}
	}
	return false
}

func (c *CAClient) Renew(ctx context.Context, tr http.RoundTripper) error {
	var retried bool
	u := c.endpoint.ResolveReference(&url.URL{Path: "/renew"})
	httpClient := &http.Client{Transport: tr}
retry:
	req, err := http.NewRequestWithContext(ctx, "POST", u.String(), http.NoBody)
	if err != nil {
		return err
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode >= 400 {
		if !retried && c.retryOnError(resp) {
			retried = true
			goto retry
		}
		return errors.New("renew failed")
	}
	return resp.Body.Close()
}

// RetryingCA retries 5xx by default: its own predicate.
type RetryingCA struct {
	endpoint    *url.URL
	shouldRetry func(status int) bool
}

func NewRetryingCA(endpoint *url.URL) *RetryingCA {
	return &RetryingCA{endpoint: endpoint, shouldRetry: func(status int) bool { return status >= 500 }}
}

func (c *RetryingCA) retryOnError(r *http.Response) bool {
	return c.shouldRetry(r.StatusCode)
}

func (c *RetryingCA) Rekey(ctx context.Context) error {
	var retried bool
	u := c.endpoint.ResolveReference(&url.URL{Path: "/rekey"})
retry:
	req, err := http.NewRequestWithContext(ctx, "POST", u.String(), http.NoBody)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `POST /\{…\}/rekey inside a retry loop runs again on every retry`
	if err != nil {
		return err
	}
	if resp.StatusCode >= 400 {
		if !retried && c.retryOnError(resp) {
			retried = true
			goto retry
		}
		return errors.New("rekey failed")
	}
	return resp.Body.Close()
}
