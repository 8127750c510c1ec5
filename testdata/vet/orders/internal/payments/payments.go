// Package payments is the client of the payment service provider.
package payments

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// Client talks to the PSP's REST API.
type Client struct {
	BaseURL string
	HTTP    *http.Client
}

type chargeRequest struct {
	OrderID     string `json:"order_id"`
	AmountCents int64  `json:"amount_cents"`
}

// Charge captures the order's amount: POST /v1/charges creates a new
// charge on every call.
func (c *Client) Charge(ctx context.Context, orderID string, cents int64) error {
	body, err := json.Marshal(chargeRequest{OrderID: orderID, AmountCents: cents})
	if err != nil {
		return fmt.Errorf("encoding charge for order %s: %w", orderID, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.BaseURL+"/v1/charges", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return fmt.Errorf("charging order %s: %w", orderID, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("charging order %s: %s", orderID, resp.Status)
	}
	return nil
}

// Status reads a charge's state (GET: safe to repeat).
func (c *Client) Status(ctx context.Context, orderID string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.BaseURL+"/v1/charges/"+orderID, nil)
	if err != nil {
		return "", err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var out struct {
		Status string `json:"status"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", fmt.Errorf("decoding status of order %s: %w", orderID, err)
	}
	return out.Status, nil
}
