// Package orders is an orders-service client with a base URL and a
// request builder, retried with avast/retry-go.
package orders

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/avast/retry-go/v4"
	"github.com/google/uuid"
)

type Order struct {
	ID     string `json:"id"`
	Amount int64  `json:"amount"`
}

type Client struct {
	baseURL string
	http    *http.Client
}

func (c *Client) newRequest(ctx context.Context, method, path string, body any) (*http.Request, error) {
	buf, err := json.Marshal(body)
	if err != nil {
		return nil, fmt.Errorf("encoding %s %s: %w", method, path, err)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.baseURL+path, bytes.NewReader(buf))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	return req, nil
}

func (c *Client) do(req *http.Request) error {
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("orders: %s", resp.Status)
	}
	return nil
}

// Create retries a POST without an idempotency key.
func (c *Client) Create(ctx context.Context, o Order) error {
	return retry.Do(func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/v1/orders", nil)
		if err != nil {
			return err
		}
		resp, err := c.http.Do(req) // want `POST /v1/orders inside retry.Do \(avast/retry-go\) runs again on every retry; .* if an attempt succeeded but its response was lost: send an Idempotency-Key header created before the retry`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}, retry.Attempts(3), retry.Context(ctx))
}

// CreateWithKey sends a key created once, before the retry: safe.
func (c *Client) CreateWithKey(ctx context.Context, o Order) error {
	key := uuid.NewString()
	return retry.Do(func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/v1/orders", nil)
		if err != nil {
			return err
		}
		req.Header.Set("Idempotency-Key", key)
		resp, err := c.http.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// CreateKeyInside generates the key on every attempt: each retry is a new
// order for the server.
func (c *Client) CreateKeyInside(ctx context.Context, o Order) error {
	return retry.Do(func() error {
		key := uuid.NewString()
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/v1/orders", nil)
		if err != nil {
			return err
		}
		req.Header.Set("Idempotency-Key", key)
		resp, err := c.http.Do(req) // want `POST /v1/orders inside retry.Do \(avast/retry-go\) runs again on every retry, and its Idempotency-Key is generated inside the retried code, so each attempt sends a new key`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// CreateKeyFromOrder derives the key from the order ID: stable across
// attempts wherever it is built.
func (c *Client) CreateKeyFromOrder(ctx context.Context, o Order) error {
	return retry.Do(func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/v1/orders", nil)
		if err != nil {
			return err
		}
		req.Header.Set("Idempotency-Key", "order-"+o.ID)
		resp, err := c.http.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// Replace uses PUT, which is idempotent.
func (c *Client) Replace(ctx context.Context, o Order) error {
	return retry.Do(func() error {
		req, err := c.newRequest(ctx, http.MethodPut, "/v1/orders/"+o.ID, o)
		if err != nil {
			return err
		}
		return c.do(req)
	})
}

// Fetch uses GET.
func (c *Client) Fetch(ctx context.Context, id string) error {
	return retry.Do(func() error {
		resp, err := c.http.Get(c.baseURL + "/v1/orders/" + id)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

func (c *Client) createOrder() error {
	resp, err := c.http.Post(c.baseURL+"/v1/orders", "application/json", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// CreateMethodValue retries a method value: the report is at the argument.
func (c *Client) CreateMethodValue(ctx context.Context) error {
	return retry.Do(c.createOrder, retry.Attempts(5)) // want `Client.createOrder \(POST /v1/orders\) inside retry.Do \(avast/retry-go\) runs again on every retry`
}

// CreateInLoop is a hand-written retry loop.
func (c *Client) CreateInLoop(ctx context.Context) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = c.createOrder(); err == nil { // want `Client.createOrder \(POST /v1/orders\) inside a retry loop runs again on every retry`
			return nil
		}
	}
	return err
}

// Rename sends a PATCH guarded by the ETag read before: a repeat after
// success fails the precondition instead of applying twice (CAS).
func (c *Client) Rename(ctx context.Context, id, etag, name string) error {
	return retry.Do(func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPatch, c.baseURL+"/v1/orders/"+id, strings.NewReader(name))
		if err != nil {
			return err
		}
		req.Header.Set("If-Match", etag)
		return c.do(req)
	})
}

// Annotate sends the same PATCH without a precondition.
func (c *Client) Annotate(ctx context.Context, id, note string) error {
	return retry.Do(func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPatch, c.baseURL+"/v1/orders/"+id+"/notes", strings.NewReader(note))
		if err != nil {
			return err
		}
		return c.do(req) // want `PATCH /v1/orders/{…}/notes inside retry.Do \(avast/retry-go\) runs again on every retry`
	})
}
