// Package client is an SDK's API client: every call goes through perform,
// which polls an attempt closure that a method builds from the call's
// method and URL.
package client

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/http"
	"time"

	"example.com/pollsdk/retries"
)

// ApiClient sends the SDK's requests.
type ApiClient struct {
	host string
	hc   *http.Client
}

// New returns a client for host.
func New(host string) *ApiClient { return &ApiClient{host: host, hc: http.DefaultClient} }

type Response struct{ Status int }

// Do sends method path with body, retrying IO errors and 503s.
func (c *ApiClient) Do(ctx context.Context, method, path string, body []byte) (*Response, error) {
	return c.perform(ctx, method, c.host+path, body)
}

func (c *ApiClient) perform(ctx context.Context, method, url string, body []byte) (*Response, error) {
	return retries.Poll(ctx, 5*time.Minute, c.attempt(ctx, method, url, body))
}

func (c *ApiClient) attempt(ctx context.Context, method, url string, body []byte) func() (*Response, *retries.Err) {
	return func() (*Response, *retries.Err) {
		req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
		if err != nil {
			return nil, retries.Halt(err)
		}
		resp, err := c.hc.Do(req)
		if err != nil {
			var ne net.Error
			if errors.As(err, &ne) {
				return nil, retries.Continue(err) // a timeout after the request was sent, too
			}
			return nil, retries.Halt(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode == http.StatusServiceUnavailable {
			return nil, retries.Continue(errors.New("unavailable"))
		}
		return &Response{Status: resp.StatusCode}, nil
	}
}
