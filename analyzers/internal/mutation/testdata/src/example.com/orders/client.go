// Package orders is an HTTP client of an orders service: a base URL, a
// request builder and a sender helper, as real service clients are written.
package orders

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/google/uuid"
)

const ordersPath = "/v1/orders"

var ErrOrderAlreadyExists = errors.New("order already exists")

type Order struct {
	ID     string `json:"id"`
	Amount int64  `json:"amount"`
}

type Client struct {
	baseURL string
	hc      *http.Client
	method  string
}

// newRequest builds a JSON request against the base URL.
func (c *Client) newRequest(ctx context.Context, method, path string, body any) (*http.Request, error) {
	var buf bytes.Buffer
	if body != nil {
		if err := json.NewEncoder(&buf).Encode(body); err != nil {
			return nil, err
		}
	}
	req, err := http.NewRequestWithContext(ctx, method, c.baseURL+path, &buf)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	return req, nil
}

// do sends a request built by newRequest.
func (c *Client) do(ctx context.Context, method, path string, body any) (*http.Response, error) {
	req, err := c.newRequest(ctx, method, path, body)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

// send sends a request the caller built.
func (c *Client) send(req *http.Request) (*http.Response, error) {
	return c.hc.Do(req)
}

func (c *Client) CreateOrder(ctx context.Context, o Order) error {
	_, err := c.do(ctx, http.MethodPost, ordersPath, o) // want `mutating: POST /v1/orders$`
	return err
}

func (c *Client) GetOrder(ctx context.Context, id string) error {
	_, err := c.do(ctx, http.MethodGet, ordersPath+"/"+id, nil)
	return err
}

func (c *Client) ReplaceOrder(ctx context.Context, o Order) error {
	_, err := c.do(ctx, http.MethodPut, ordersPath+"/"+o.ID, o)
	return err
}

func (c *Client) CancelOrder(ctx context.Context, id string) error {
	_, err := c.do(ctx, "DELETE", ordersPath+"/"+id, nil)
	return err
}

// PatchOrder sends a JSON Patch document: its effect cannot be read from
// its type, so it is a write.
func (c *Client) PatchOrder(ctx context.Context, id string, ops json.RawMessage) error {
	_, err := c.do(ctx, "patch", ordersPath+"/"+id, ops) // want `mutating: PATCH /v1/orders/\{…\}$`
	return err
}

// EditOrder sets the order's fields to the values it carries: sent twice,
// the order is as if sent once.
func (c *Client) EditOrder(ctx context.Context, o Order) error {
	_, err := c.do(ctx, http.MethodPatch, ordersPath+"/"+o.ID, o)
	return err
}

func (c *Client) Refund(ctx context.Context, id string) error {
	req, err := c.newRequest(ctx, http.MethodPost, fmt.Sprintf("/v1/orders/%s/refunds", id), nil)
	if err != nil {
		return err
	}
	_, err = c.send(req) // want `mutating: POST /v1/orders/\{…\}/refunds$`
	return err
}

// CreateOrderKeyed sends the caller's idempotency key.
func (c *Client) CreateOrderKeyed(ctx context.Context, o Order, key string) error {
	req, err := c.newRequest(ctx, http.MethodPost, ordersPath, o)
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", key)
	_, err = c.hc.Do(req) // want `mutating: POST /v1/orders; key Idempotency-Key \(stable\)$`
	return err
}

// CreateOrderFreshKey makes a new key on every call.
func (c *Client) CreateOrderFreshKey(ctx context.Context, o Order) error {
	key := uuid.NewString()
	req, err := c.newRequest(ctx, http.MethodPost, ordersPath, o)
	if err != nil {
		return err
	}
	req.Header["X-Idempotency-Key"] = []string{key}
	_, err = c.hc.Do(req) // want `mutating: POST /v1/orders; key X-Idempotency-Key \(fresh\)$`
	return err
}

// CreateIfMissing treats 409 as "already there".
func (c *Client) CreateIfMissing(ctx context.Context, o Order) error {
	resp, err := c.do(ctx, http.MethodPost, ordersPath, o) // want `mutating: POST /v1/orders; create-if-missing$`
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusConflict {
		return nil
	}
	return nil
}

// UpdateIfUnchanged sends a JSON Patch document (a write by itself) under
// If-Match.
func (c *Client) UpdateIfUnchanged(ctx context.Context, id string, ops json.RawMessage, etag string) error {
	req, err := c.newRequest(ctx, http.MethodPatch, ordersPath+"/"+id, ops)
	if err != nil {
		return err
	}
	req.Header.Set("If-Match", etag)
	_, err = c.hc.Do(req) // want `mutating: PATCH /v1/orders/\{…\}; cas$`
	return err
}

func (c *Client) Direct(ctx context.Context, body io.Reader) error {
	if _, err := http.Post(c.baseURL+"/v1/payments", "application/json", body); err != nil { // want `mutating: POST /v1/payments$`
		return err
	}
	if _, err := c.hc.PostForm("https://api.example.com/v1/forms?src=web", url.Values{}); err != nil { // want `mutating: POST /v1/forms$`
		return err
	}
	if _, err := http.Get(c.baseURL + "/v1/payments"); err != nil {
		return err
	}
	req := &http.Request{Method: http.MethodPost}
	if _, err := http.DefaultClient.Do(req); err != nil { // want `mutating: POST request$`
		return err
	}
	get := &http.Request{}
	if _, err := http.DefaultClient.Do(get); err != nil {
		return err
	}
	put, _ := http.NewRequest(http.MethodPut, c.baseURL+"/v1/items/1", body)
	put.Method = "PATCH"
	if _, err := c.hc.Do(put); err != nil { // want `mutating: PATCH /v1/items/1$`
		return err
	}
	if _, err := http.DefaultTransport.RoundTrip(put); err != nil { // want `mutating: PATCH /v1/items/1$`
		return err
	}
	return nil
}

// Methods the analysis cannot resolve stay silent.
func (c *Client) Unknown(ctx context.Context, method string) error {
	m := "POST"
	if strings.HasPrefix(method, "G") {
		m = "GET"
	}
	req, _ := http.NewRequestWithContext(ctx, m, c.baseURL+"/v1/x", nil)
	if _, err := c.hc.Do(req); err != nil {
		return err
	}
	r2, _ := http.NewRequestWithContext(ctx, c.method, c.baseURL+"/v1/y", nil)
	if _, err := c.hc.Do(r2); err != nil {
		return err
	}
	const verb = "post"
	r3, _ := http.NewRequestWithContext(ctx, verb, c.baseURL+"/v1/z", nil)
	_, err := c.hc.Do(r3) // want `mutating: POST /v1/z$`
	return err
}

// Local writes are not remote writes.
func (c *Client) SaveLocal(o Order, cache map[string]Order) error {
	cache[o.ID] = o
	return os.WriteFile("/tmp/order.json", []byte(o.ID), 0o600)
}

// CreateOrChecked reports a duplicate as an error that callers check.
func (c *Client) CreateOrChecked(ctx context.Context, o Order) error {
	err := c.CreateOrder(ctx, o) // want `mutating: Client.CreateOrder \(POST /v1/orders\); create-if-missing$`
	if errors.Is(err, ErrOrderAlreadyExists) {
		return nil
	}
	return err
}
