// Package handlerchain is an API client whose requests pass through a chain
// of handlers assembled in the constructor; one handler retries the next on
// 502/504 and network timeouts (and on conflicts and rate limits), whatever
// the method. A POST sent through the chain can be executed twice.
package handlerchain

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
)

type handler interface {
	Do(req *http.Request, v any) (*http.Response, error)
}

type httpHandler struct {
	hc *http.Client
}

func (h *httpHandler) Do(req *http.Request, v any) (*http.Response, error) {
	resp, err := h.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		return resp, errors.New(resp.Status)
	}
	if v != nil {
		err = json.NewDecoder(resp.Body).Decode(v)
	}
	return resp, err
}

type retryHandler struct {
	handler    handler
	maxRetries int
}

func (h *retryHandler) Do(req *http.Request, v any) (*http.Response, error) {
	retries := 0
	for {
		cloned := req.Clone(req.Context())
		resp, err := h.handler.Do(cloned, v)
		if err != nil {
			if retries < h.maxRetries && retryPolicy(resp, err) {
				retries++
				continue
			}
		}
		return resp, err
	}
}

func retryPolicy(resp *http.Response, err error) bool {
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
	base    string
	handler handler
}

func NewClient(base string) *Client {
	return &Client{base: base, handler: &retryHandler{handler: &httpHandler{hc: http.DefaultClient}, maxRetries: 5}}
}

func (c *Client) NewRequest(ctx context.Context, method, path string, body any) (*http.Request, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	return http.NewRequestWithContext(ctx, method, c.base+path, bytes.NewReader(b))
}

func (c *Client) Do(req *http.Request, v any) (*http.Response, error) {
	return c.handler.Do(req, v)
}

type ImageClient struct {
	client *Client
}

// CreateImage takes a snapshot: a second POST takes a second one.
func (s *ImageClient) CreateImage(ctx context.Context, server string) error {
	req, err := s.client.NewRequest(ctx, http.MethodPost, "/servers/"+server+"/actions/create_image", nil)
	if err != nil {
		return err
	}
	_, err = s.client.Do(req, nil) // want `POST /servers/\{…\}/actions/create_image is retried by`
	return err
}

// Rename sends a PUT through the same chain: idempotent.
func (s *ImageClient) Rename(ctx context.Context, image, name string) error {
	req, err := s.client.NewRequest(ctx, http.MethodPut, "/images/"+image, map[string]string{"name": name})
	if err != nil {
		return err
	}
	_, err = s.client.Do(req, nil)
	return err
}
