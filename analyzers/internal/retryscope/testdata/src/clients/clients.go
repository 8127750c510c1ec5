// Package clients sends orders through retrying HTTP clients.
package clients

import (
	"bytes"
	"context"
	"net/http"

	"github.com/go-resty/resty/v2"
	"github.com/hashicorp/go-retryablehttp"
	resty3 "resty.dev/v3"
)

const ordersPath = "/v1/orders"

type Order struct{ ID string }

// OrdersClient wraps go-retryablehttp.
type OrdersClient struct {
	baseURL string
	rc      *retryablehttp.Client
	http    *http.Client
}

func NewOrdersClient(baseURL string) *OrdersClient {
	rc := retryablehttp.NewClient()
	rc.RetryMax = 5
	return &OrdersClient{baseURL: baseURL, rc: rc, http: rc.StandardClient()}
}

func (c *OrdersClient) Create(ctx context.Context, body []byte) error {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+ordersPath, body)
	if err != nil {
		return err
	}
	_, err = c.rc.Do(req) // want "client retry: go-retryablehttp's Client \\(retries failed requests\\): POST /v1/orders"
	return err
}

func (c *OrdersClient) Post(body []byte) error {
	_, err := c.rc.Post(c.baseURL+"/v1/orders/import", "application/json", body) // want "client retry: go-retryablehttp's Client \\(retries failed requests\\): POST /v1/orders/import"
	return err
}

func (c *OrdersClient) Get(ctx context.Context, id string) error {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+ordersPath+"/"+id, nil)
	if err != nil {
		return err
	}
	_, err = c.rc.Do(req)
	return err
}

// CreateStd sends through the *http.Client from StandardClient(): it
// retries every method.
func (c *OrdersClient) CreateStd(ctx context.Context, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+ordersPath, bytes.NewReader(body))
	if err != nil {
		return err
	}
	_, err = c.http.Do(req) // want "client retry: an \\*http.Client from go-retryablehttp's StandardClient \\(retries every request\\): "
	return err
}

// PlainClient uses net/http without retries.
func PlainClient(ctx context.Context, body []byte) error {
	_, err := http.DefaultClient.Post("https://api.example.com/v1/orders", "application/json", bytes.NewReader(body))
	return err
}

// Resty v2 with retries configured on the client.
type Payments struct {
	client *resty.Client
	plain  *resty.Client
}

func NewPayments() *Payments {
	p := &Payments{client: resty.New().SetBaseURL("https://pay.example.com"), plain: resty.New()}
	p.client.SetRetryCount(3).SetRetryWaitTime(0)
	return p
}

func (p *Payments) Charge(ctx context.Context, o Order) error {
	_, err := p.client.R().SetContext(ctx).SetBody(o).Post("/v1/charges") // want "client retry: resty's SetRetryCount \\(retries failed requests\\): POST /v1/charges"
	return err
}

func (p *Payments) Execute(ctx context.Context, o Order) error {
	req := p.client.R().SetBody(o)
	_, err := req.Execute(http.MethodPatch, "/v1/charges/"+o.ID) // want "client retry: resty's SetRetryCount \\(retries failed requests\\): PATCH /v1/charges/{…}"
	return err
}

func (p *Payments) Refund(ctx context.Context, o Order) error {
	// A PUT is idempotent; the plain client does not retry.
	_, err := p.client.R().SetBody(o).Put("/v1/charges/" + o.ID)
	if err != nil {
		return err
	}
	_, err = p.plain.R().SetBody(o).Post("/v1/refunds")
	return err
}

// Resty v3 retries only idempotent methods unless told otherwise.
func V3(ctx context.Context, o Order) error {
	c := resty3.New().SetRetryCount(3)
	if _, err := c.R().SetBody(o).Post("/v1/orders"); err != nil {
		return err
	}
	unsafe := resty3.New().SetRetryCount(3).SetAllowNonIdempotentRetry(true)
	_, err := unsafe.R().SetBody(o).Post("/v1/orders") // want "client retry: resty's SetRetryCount with SetAllowNonIdempotentRetry\\(true\\): POST /v1/orders"
	return err
}

// NoRetries turns the retries off: a plain client.
type NoRetries struct{ rc *retryablehttp.Client }

func NewNoRetries() *NoRetries {
	rc := retryablehttp.NewClient()
	rc.RetryMax = 0
	return &NoRetries{rc: rc}
}

func (n *NoRetries) Post(body []byte) error {
	_, err := n.rc.Post("https://api.example.com/v1/orders", "application/json", body)
	return err
}
