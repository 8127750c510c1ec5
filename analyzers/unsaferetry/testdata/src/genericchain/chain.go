// Package genericchain is an API client whose requests go through a chain
// of handlers; the retry handler sends a fresh copy of the request (made
// by a helper that rewinds the body) on 502/504 and network timeouts,
// whatever the method. The services call generic helpers
// (postRequest[T], getRequest[T]) that build the request and call Do.
package genericchain

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"time"
)

type handler interface {
	Do(req *http.Request, v any) (*http.Response, error)
}

type httpHandler struct{ hc *http.Client }

func (h *httpHandler) Do(req *http.Request, v any) (*http.Response, error) {
	resp, err := h.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		return resp, errStatus
	}
	if v != nil {
		err = json.NewDecoder(resp.Body).Decode(v)
	}
	return resp, err
}

var errStatus = errors.New("unexpected status")

type retryHandler struct {
	next       handler
	maxRetries int
	backoff    func(int) time.Duration
}

func (h *retryHandler) Do(req *http.Request, v any) (*http.Response, error) {
	ctx := req.Context()
	for retries := 0; ; retries++ {
		attempt, err := copyRequest(req, ctx)
		if err != nil {
			return nil, err
		}
		resp, err := h.next.Do(attempt, v)
		if err != nil && retries < h.maxRetries && transient(resp, err) {
			select {
			case <-ctx.Done():
				return resp, err
			case <-time.After(h.backoff(retries)):
				continue
			}
		}
		return resp, err
	}
}

// copyRequest returns a copy of req with its body rewound.
func copyRequest(req *http.Request, ctx context.Context) (copied *http.Request, err error) {
	copied = req.Clone(ctx)
	if req.GetBody != nil {
		copied.Body, err = req.GetBody()
		if err != nil {
			return nil, err
		}
	}
	return copied, nil
}

func transient(resp *http.Response, err error) bool {
	var netErr net.Error
	switch {
	case errors.As(err, &netErr):
		return netErr.Timeout()
	case resp != nil:
		return resp.StatusCode == http.StatusBadGateway || resp.StatusCode == http.StatusGatewayTimeout
	}
	return false
}

type Client struct {
	endpoint string
	handler  handler
}

func NewClient(endpoint string) *Client {
	return &Client{endpoint: endpoint, handler: &retryHandler{
		next: &httpHandler{hc: http.DefaultClient}, maxRetries: 5,
		backoff: func(n int) time.Duration { return time.Duration(n) * time.Second },
	}}
}

func (c *Client) NewRequest(ctx context.Context, method, path string, body io.Reader) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, method, c.endpoint+path, body)
}

func (c *Client) Do(req *http.Request, v any) (*http.Response, error) {
	return c.handler.Do(req, v)
}

func getRequest[T any](ctx context.Context, c *Client, path string) (T, error) {
	var out T
	req, err := c.NewRequest(ctx, http.MethodGet, path, nil)
	if err != nil {
		return out, err
	}
	_, err = c.Do(req, &out)
	return out, err
}

func postRequest[T any](ctx context.Context, c *Client, path string, in any) (T, error) {
	var out T
	b, err := json.Marshal(in)
	if err != nil {
		return out, err
	}
	req, err := c.NewRequest(ctx, http.MethodPost, path, bytes.NewReader(b))
	if err != nil {
		return out, err
	}
	_, err = c.Do(req, &out)
	return out, err
}

func putRequest[T any](ctx context.Context, c *Client, path string, in any) (T, error) {
	var out T
	b, err := json.Marshal(in)
	if err != nil {
		return out, err
	}
	req, err := c.NewRequest(ctx, http.MethodPut, path, bytes.NewReader(b))
	if err != nil {
		return out, err
	}
	_, err = c.Do(req, &out)
	return out, err
}

type Volume struct{ ID, Name string }

type VolumeClient struct{ client *Client }

func (s *VolumeClient) Get(ctx context.Context, id string) (Volume, error) {
	return getRequest[Volume](ctx, s.client, "/volumes/"+id)
}

func (s *VolumeClient) Create(ctx context.Context, name string) (Volume, error) {
	return postRequest[Volume](ctx, s.client, "/volumes", map[string]string{"name": name}) // want `POST /volumes is retried by retryHandler.Do, which sends it again inside a retry loop`
}

func (s *VolumeClient) Update(ctx context.Context, v Volume) (Volume, error) {
	return putRequest[Volume](ctx, s.client, "/volumes/"+v.ID, v)
}
