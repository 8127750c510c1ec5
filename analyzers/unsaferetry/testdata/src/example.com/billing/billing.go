// Package billing is the billing service's client.
package billing

import (
	"context"
	"net/http"
	"strings"
)

type Client struct {
	BaseURL string
	HTTP    *http.Client
}

// Charge creates a charge.
func (c *Client) Charge(ctx context.Context, account string, cents int64) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.BaseURL+"/v1/charges", strings.NewReader(account))
	if err != nil {
		return err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Capture captures an authorized charge; the billing API treats a second
// capture of the same charge as a no-op.
//
//twice:idempotent
func (c *Client) Capture(ctx context.Context, chargeID string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.BaseURL+"/v1/charges/"+chargeID+"/capture", nil)
	if err != nil {
		return err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// CloseDay posts the day's settlement batch.
func (c *Client) CloseDay(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.BaseURL+"/v1/settlements", nil)
	if err != nil {
		return err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
