// Package apiclient is a REST client whose one sending helper retries
// failed requests (network errors and 5xx) whatever their method; the
// method and path come from the caller, directly or in an options struct.
package apiclient

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/cenkalti/backoff/v4"
)

type Client struct {
	base       string
	http       *http.Client
	maxRetries int
}

func New(base string) *Client { return &Client{base: base, http: http.DefaultClient, maxRetries: 4} }

// do sends one request, again after a network error or a 5xx.
func (c *Client) do(ctx context.Context, method, path string, body, out any) error {
	buf, err := json.Marshal(body)
	if err != nil {
		return err
	}
	var lastErr error
	for attempt := 0; attempt < c.maxRetries; attempt++ {
		if attempt > 0 {
			time.Sleep(time.Duration(attempt) * 200 * time.Millisecond)
		}
		req, err := http.NewRequestWithContext(ctx, method, c.base+path, bytes.NewReader(buf))
		if err != nil {
			return err
		}
		resp, err := c.http.Do(req)
		if err != nil {
			lastErr = err
			continue
		}
		if resp.StatusCode >= 500 {
			resp.Body.Close()
			lastErr = fmt.Errorf("%s %s: %s", method, path, resp.Status)
			continue
		}
		defer resp.Body.Close()
		if out == nil {
			return nil
		}
		return json.NewDecoder(resp.Body).Decode(out)
	}
	return lastErr
}

// Request is the exported entry point: a wrapper layer over do.
func (c *Client) Request(ctx context.Context, method, path string, body, out any) error {
	return c.do(ctx, method, path, body, out)
}

// RequestOptions describes one call for Send.
type RequestOptions struct {
	Method         string
	Path           string
	Body           any
	IdempotencyKey string
}

// Send sends opts with exponential backoff.
func (c *Client) Send(ctx context.Context, opts RequestOptions, out any) error {
	return backoff.Retry(func() error {
		req, err := http.NewRequestWithContext(ctx, opts.Method, c.base+opts.Path, nil)
		if err != nil {
			return backoff.Permanent(err)
		}
		if opts.IdempotencyKey != "" {
			req.Header.Set("Idempotency-Key", opts.IdempotencyKey)
		}
		resp, err := c.http.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if resp.StatusCode >= 500 {
			return errors.New(resp.Status)
		}
		return nil
	}, backoff.NewExponentialBackOff())
}

// CallOnce sends opts once; its callers may retry it.
func (c *Client) CallOnce(opts RequestOptions) error {
	return c.httpRequest(opts.Method, opts.Path)
}

func (c *Client) httpRequest(method, path string) error {
	req, err := http.NewRequest(method, c.base+path, nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type Webhook struct{ URL string }

// CreateWebhook passes POST to the retrying helper from inside the client.
func (c *Client) CreateWebhook(ctx context.Context, w Webhook) error {
	return c.Request(ctx, http.MethodPost, "/v1/webhooks", w, nil) // want `POST /v1/webhooks is retried by Client\.do, which sends it again inside a retry loop; the request can be applied twice`
}

func (c *Client) Webhook(ctx context.Context, id string) (*Webhook, error) {
	var w Webhook
	err := c.Request(ctx, http.MethodGet, "/v1/webhooks/"+id, nil, &w)
	return &w, err
}
