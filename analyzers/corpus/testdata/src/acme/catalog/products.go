// Package catalog updates products in the catalog service, using ETags
// for optimistic concurrency.
package catalog

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// ErrConflict is a 412/409 from the catalog.
var ErrConflict = errors.New("catalog: precondition failed")

// Client is the catalog client.
type Client struct {
	http    *http.Client
	baseURL string
}

func (c *Client) url(id string) string { return fmt.Sprintf("%s/v1/products/%s", c.baseURL, id) }

func (c *Client) etag(ctx context.Context, id string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, c.url(id), nil)
	if err != nil {
		return "", err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return "", err
	}
	resp.Body.Close()
	return resp.Header.Get("ETag"), nil
}

// SetPrice patches with If-Match: a repeat after success fails the
// precondition instead of applying twice.
func (c *Client) SetPrice(ctx context.Context, id string, cents int64) error {
	body, _ := json.Marshal(map[string]int64{"price": cents})
	for attempt := 0; attempt < 3; attempt++ {
		tag, err := c.etag(ctx, id)
		if err != nil {
			return err
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPatch, c.url(id), bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.Header.Set("If-Match", tag)
		resp, err := c.http.Do(req)
		if err != nil {
			continue
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusPreconditionFailed {
			continue
		}
		return nil
	}
	return ErrConflict
}

// AddStock patches a relative change without a precondition, retrying.
func (c *Client) AddStock(ctx context.Context, id string, delta int) error {
	body, _ := json.Marshal(map[string]int{"stock_delta": delta})
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		req, err := http.NewRequestWithContext(ctx, "PATCH", c.url(id)+"/stock", bytes.NewReader(body))
		if err != nil {
			return err
		}
		resp, err := c.http.Do(req) // want `PATCH /v1/products/\{…\}/stock inside a retry loop runs again on every retry; the change can be applied twice`
		if err != nil {
			lastErr = err
			time.Sleep(time.Second)
			continue
		}
		resp.Body.Close()
		return nil
	}
	return lastErr
}

// Replace PUTs the whole product in a retry loop: idempotent.
func (c *Client) Replace(ctx context.Context, id string, product any) error {
	body, _ := json.Marshal(product)
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPut, c.url(id), bytes.NewReader(body))
		if err != nil {
			return err
		}
		resp, err := c.http.Do(req)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		lastErr = err
	}
	return lastErr
}

// CreateIfAbsent posts and treats 409 Conflict as "already there".
func (c *Client) CreateIfAbsent(ctx context.Context, product map[string]any) error {
	body, _ := json.Marshal(product)
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.http.Post(c.baseURL+"/v1/products", "application/json", bytes.NewReader(body))
		if err != nil {
			continue
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusConflict || resp.StatusCode < 300 {
			return nil
		}
	}
	return errors.New("catalog: create failed")
}

// WaitIndexed polls the search index until the product appears: GETs.
func (c *Client) WaitIndexed(ctx context.Context, id string) error {
	for i := 0; i < 30; i++ {
		resp, err := c.http.Get(c.baseURL + "/v1/search?id=" + id)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(time.Second)
	}
	return errors.New("catalog: not indexed")
}
