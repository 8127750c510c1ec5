// Package doerclient is a retrying HTTP client library: Client.Do re-sends
// the request it is given through an injectable Doer (an *http.Client by
// default) on a network error or a 5xx, whatever the method, and the
// convenience methods Get/Post/Put/Patch build the request and call Do.
// A POST or PATCH executed by the server whose response is lost (a 5xx
// from a proxy, a reset connection) is sent again.
package doerclient

import (
	"bytes"
	"io"
	"net/http"
	"time"
)

// Doer is what the client sends requests through; an *http.Client or a
// caller's own implementation (tracing, mocks).
type Doer interface {
	Do(req *http.Request) (*http.Response, error)
}

type Client struct {
	doer    Doer
	retries int
	wait    time.Duration
}

func New(doer Doer, retries int) *Client {
	if doer == nil {
		doer = &http.Client{Timeout: 10 * time.Second}
	}
	return &Client{doer: doer, retries: retries, wait: 100 * time.Millisecond}
}

// Do sends req, again on an error or a 5xx.
func (c *Client) Do(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		body = b
	}
	var resp *http.Response
	var err error
	for i := 0; i <= c.retries; i++ {
		if body != nil {
			req.Body = io.NopCloser(bytes.NewReader(body))
		}
		resp, err = c.doer.Do(req)
		if err != nil {
			time.Sleep(c.wait)
			continue
		}
		if resp.StatusCode >= http.StatusInternalServerError {
			resp.Body.Close()
			time.Sleep(c.wait)
			continue
		}
		break
	}
	return resp, err
}

// Get is a read: silent.
func (c *Client) Get(url string, headers http.Header) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header = headers
	return c.Do(req)
}

// Post creates something on every execution.
func (c *Client) Post(url string, body io.Reader, headers http.Header) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, url, body)
	if err != nil {
		return nil, err
	}
	req.Header = headers
	return c.Do(req) // want `POST request is retried by Client.Do`
}

// Put replaces a resource: the same end state when repeated.
func (c *Client) Put(url string, body io.Reader, headers http.Header) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPut, url, body)
	if err != nil {
		return nil, err
	}
	req.Header = headers
	return c.Do(req)
}

// PostOnce sends through the Doer directly, without Do's loop: one attempt.
func (c *Client) PostOnce(url string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, url, body)
	if err != nil {
		return nil, err
	}
	return c.doer.Do(req)
}

// PostWithKey carries the caller's idempotency key, the same on every
// attempt: the server applies the POST once.
func (c *Client) PostWithKey(url string, body io.Reader, key string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, url, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Idempotency-Key", key)
	return c.Do(req)
}
