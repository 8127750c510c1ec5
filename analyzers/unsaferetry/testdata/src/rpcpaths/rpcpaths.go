// Package rpcpaths is an RPC-style client: its helpers fix the method
// (POST) and retry whatever path their caller names. The write, if any, is
// decided by the path: each call is judged by the path it passes, and the
// helpers themselves are not reported.
package rpcpaths

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

type Client struct {
	hc   *http.Client
	base string
	addr string
}

// post retries a POST to the path it is given.
func (c *Client) post(ctx context.Context, path string, body []byte) error {
	var err error
	for i := 0; i < 3; i++ {
		var req *http.Request
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, bytes.NewReader(body))
		if err != nil {
			return err
		}
		var resp *http.Response
		resp, err = c.hc.Do(req)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

func (c *Client) Sign(ctx context.Context, b []byte) error   { return c.post(ctx, "/sign", b) }
func (c *Client) Search(ctx context.Context, b []byte) error { return c.post(ctx, "/v1/search", b) }
func (c *Client) Create(ctx context.Context, b []byte) error {
	return c.post(ctx, "/v1/orders", b) // want `POST /v1/orders is retried by Client.post, which sends it again inside a retry loop`
}

// doRetry retries the request it is handed.
func (c *Client) doRetry(req *http.Request) error {
	var err error
	for i := 0; i < 3; i++ {
		var resp *http.Response
		resp, err = c.hc.Do(req)
		if err == nil {
			resp.Body.Close()
			return nil
		}
	}
	return err
}

// request builds the POST as a literal, its path from the caller.
func (c *Client) request(ctx context.Context, path string) error {
	req := &http.Request{
		Method: http.MethodPost,
		URL:    &url.URL{Scheme: "http", Host: c.addr, Path: path},
	}
	return c.doRetry(req.WithContext(ctx))
}

func (c *Client) Ping(ctx context.Context) error   { return c.request(ctx, "/ping") }
func (c *Client) GetKey(ctx context.Context) error { return c.request(ctx, "/getKey") }
func (c *Client) Enqueue(ctx context.Context) error {
	return c.request(ctx, "/v1/jobs") // want `POST /v1/jobs is retried by Client.doRetry, which sends it again inside a retry loop`
}

// deliver retries a POST to a subscriber's address: its caller passes a
// URL it was given, so the finding stays at the helper.
func (c *Client) deliver(ctx context.Context, target string, body []byte) error {
	var err error
	for i := 0; i < 3; i++ {
		var resp *http.Response
		resp, err = c.hc.Post(target, "application/json", bytes.NewReader(body)) // want `POST request inside a retry loop runs again on every retry`
		if err == nil {
			resp.Body.Close()
			return nil
		}
	}
	return err
}

type Subscription struct{ URL string }

func (c *Client) Notify(ctx context.Context, sub Subscription, body []byte) error {
	return c.deliver(ctx, sub.URL, body)
}

// batchRequest names its RPC in a field the URL is built from, after a
// fixed endpoint (an API's "v1:batchGet" style custom methods).
type batchRequest struct {
	Items []string `json:"items"`
	op    string
}

// batch retries a POST to the custom method its caller's request names:
// each call is judged by that method, and the helper is not reported.
func (c *Client) batch(ctx context.Context, r *batchRequest) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		var req *http.Request
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf("%s/v1/items:%s", c.base, r.op), nil)
		if err != nil {
			return err
		}
		var resp *http.Response
		if resp, err = c.hc.Do(req); err == nil {
			resp.Body.Close()
			return nil
		}
	}
	return err
}

func (c *Client) BatchGet(ctx context.Context, ids []string) error {
	return c.batch(ctx, &batchRequest{Items: ids, op: "batchGet"})
}

func (c *Client) BatchCreate(ctx context.Context, names []string) error {
	return c.batch(ctx, &batchRequest{Items: names, op: "batchCreate"}) // want `POST /batchCreate is retried by Client.batch, which sends it again inside a retry loop`
}
