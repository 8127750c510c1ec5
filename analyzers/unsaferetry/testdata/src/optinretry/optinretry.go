// Package optinretry is an SDK whose hand-written retry loops are bounded
// by a count its users set. A count that nothing in the package sets to a
// positive number (a functional option, an exported field, a config field
// without a default) is zero as shipped: the loop sends once, and the
// retry is the user's choice. Counts with a default of the package's own
// (a local fallback, a `default:"3"` tag) retry as shipped and are
// reported.
package optinretry

import (
	"bytes"
	"context"
	"net/http"
)

type Client struct {
	hc      *http.Client
	base    string
	retries int
	// MaxRetries is set by users who want their calls retried.
	MaxRetries int
	attempts   int
	resends    int
}

type Option func(*Client)

// WithRetries turns retries on.
func WithRetries(n int) Option { return func(c *Client) { c.retries = n } }

// Config is what users fill in; retries are off unless they ask.
type Config struct {
	Base     string
	Attempts int
	Resends  int `default:"3"`
}

func New(cfg Config, opts ...Option) *Client {
	c := &Client{hc: http.DefaultClient, base: cfg.Base, attempts: cfg.Attempts, resends: cfg.Resends}
	for _, o := range opts {
		o(c)
	}
	return c
}

func (c *Client) post(ctx context.Context, path string, body []byte) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

// CreateOrder retries only when the user passed WithRetries.
func (c *Client) CreateOrder(ctx context.Context, body []byte) error {
	var err error
	for i := 0; i <= c.retries; i++ {
		var resp *http.Response
		if resp, err = c.post(ctx, "/orders", body); err == nil {
			resp.Body.Close()
			return nil
		}
	}
	return err
}

// CreateInvoice retries only when the user set MaxRetries.
func (c *Client) CreateInvoice(ctx context.Context, body []byte) error {
	var err error
	for attempt := 0; attempt < c.MaxRetries+1; attempt++ {
		var resp *http.Response
		if resp, err = c.post(ctx, "/invoices", body); err == nil {
			resp.Body.Close()
			return nil
		}
	}
	return err
}

// CreateRefund copies the count from the user's Config, which has no
// default for it.
func (c *Client) CreateRefund(ctx context.Context, body []byte) error {
	var err error
	max := c.attempts
	for attempt := 1; attempt <= max; attempt++ {
		var resp *http.Response
		if resp, err = c.post(ctx, "/refunds", body); err == nil {
			resp.Body.Close()
			return nil
		}
	}
	return err
}

// CreatePayout falls back to two retries when the user set none.
func (c *Client) CreatePayout(ctx context.Context, body []byte) error {
	var err error
	n := c.retries
	if n == 0 {
		n = 2
	}
	for i := 0; i <= n; i++ {
		var resp *http.Response
		if resp, err = c.post(ctx, "/payouts", body); err == nil { // want `Client.post \(POST /payouts\) inside a retry loop runs again on every retry`
			resp.Body.Close()
			return nil
		}
	}
	return err
}

// CreateCharge's count comes from Config.Resends, which a config loader
// sets to 3 when the user leaves it out.
func (c *Client) CreateCharge(ctx context.Context, body []byte) error {
	var err error
	for i := 0; i <= c.resends; i++ {
		var resp *http.Response
		if resp, err = c.post(ctx, "/charges", body); err == nil { // want `Client.post \(POST /charges\) inside a retry loop runs again on every retry`
			resp.Body.Close()
			return nil
		}
	}
	return err
}

// CreateTransfer leaves once its counter reaches the user's MaxRetries:
// at the default of zero, after the first attempt.
func (c *Client) CreateTransfer(ctx context.Context, body []byte) error {
	for attempt := 0; ; attempt++ {
		resp, err := c.post(ctx, "/transfers", body)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		if attempt >= c.MaxRetries || ctx.Err() != nil {
			return err
		}
	}
}

// Ledger retries by default: its constructor sets three retries.
type Ledger struct {
	c       *Client
	retries int
}

func NewLedger(c *Client) *Ledger { return &Ledger{c: c, retries: 3} }

func (l *Ledger) CreateEntry(ctx context.Context, body []byte) error {
	for i := 0; ; i++ {
		resp, err := l.c.post(ctx, "/entries", body) // want `Client.post \(POST /entries\) inside a retry loop runs again on every retry`
		if err == nil {
			resp.Body.Close()
			return nil
		}
		if i == l.retries {
			return err
		}
	}
}
