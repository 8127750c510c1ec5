// Package payments is a card-payments gateway client. Charges are POSTed;
// the gateway sits behind a load balancer that answers 502/503 when an
// upstream is slow — after the charge may already have been captured.
package payments

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Client is the gateway client.
type Client struct {
	hc      *http.Client
	base    string
	apiKey  string
	backoff time.Duration
}

// ChargeRequest is the body of POST /v1/charges.
type ChargeRequest struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
	Source   string `json:"source"`
	OrderID  string `json:"order_id"`
}

// Charge is the gateway's answer.
type Charge struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

// Charge charges a card, and charges it again when the gateway answers
// 502 or 503: the first charge may have gone through.
func (c *Client) Charge(ctx context.Context, in ChargeRequest) (*Charge, error) {
	body, err := json.Marshal(in)
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Post(c.base+"/v1/charges", "application/json", bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("payments: charge: %w", err)
	}
	if resp.StatusCode == http.StatusBadGateway || resp.StatusCode == http.StatusServiceUnavailable {
		resp.Body.Close()
		time.Sleep(c.backoff)
		resp, err = c.hc.Post(c.base+"/v1/charges", "application/json", bytes.NewReader(body)) // want `POST .*/v1/charges is sent again after inspecting the response status \(5xx\)`
		if err != nil {
			return nil, fmt.Errorf("payments: charge: %w", err)
		}
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("payments: charge: %s", resp.Status)
	}
	var ch Charge
	if err := json.NewDecoder(resp.Body).Decode(&ch); err != nil {
		return nil, fmt.Errorf("payments: charge: decoding: %w", err)
	}
	return &ch, nil
}

// Refund posts a refund and posts it again unless the gateway answered
// with a 2xx.
func (c *Client) Refund(ctx context.Context, chargeID string, amount int64) error {
	body, _ := json.Marshal(map[string]any{"charge": chargeID, "amount": amount})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/refunds", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return nil
	}
	retry, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/refunds", bytes.NewReader(body))
	if err != nil {
		return err
	}
	retry.Header.Set("Authorization", "Bearer "+c.apiKey)
	resp, err = c.hc.Do(retry) // want `POST .*/v1/refunds is sent again after inspecting the response status \(not 2xx\)`
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

func newIdempotencyKey() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Payout is safe: one Idempotency-Key, created before the first send, goes
// with both requests, so the gateway pays out at most once.
func (c *Client) Payout(ctx context.Context, body []byte) error {
	key := newIdempotencyKey()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/payouts", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", key)
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusBadGateway {
		again, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/payouts", bytes.NewReader(body))
		if err != nil {
			return err
		}
		again.Header.Set("Idempotency-Key", key)
		resp, err = c.hc.Do(again)
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// Capture retries in a loop while the gateway answers 5xx: one call site
// repeated by a retry loop is unsaferetry's finding, not resend's.
func (c *Client) Capture(ctx context.Context, chargeID string) error {
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.hc.Post(c.base+"/v1/charges/"+chargeID+"/capture", "application/json", nil)
		if err != nil {
			lastErr = err
			continue
		}
		resp.Body.Close()
		if resp.StatusCode < 500 {
			return nil
		}
		lastErr = errors.New(resp.Status)
	}
	return lastErr
}

// ErrUpstream is what checkStatus returns when the load balancer answered
// for a slow upstream.
var ErrUpstream = errors.New("payments: upstream unavailable")

// checkStatus maps a response to an error.
func checkStatus(resp *http.Response) error {
	if resp.StatusCode == http.StatusBadGateway || resp.StatusCode == http.StatusServiceUnavailable {
		return fmt.Errorf("payments: %s: %w", resp.Status, ErrUpstream)
	}
	if resp.StatusCode >= 300 {
		return errors.New(resp.Status)
	}
	return nil
}

// Transfer re-sends when the check helper says the upstream was slow:
// the sentinel is returned for 502/503, after which the transfer may have
// been executed.
func (c *Client) Transfer(ctx context.Context, body []byte) error {
	resp, err := c.hc.Post(c.base+"/v1/transfers", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp.Body.Close()
	if errors.Is(checkStatus(resp), ErrUpstream) {
		resp, err = c.hc.Post(c.base+"/v1/transfers", "application/json", bytes.NewReader(body)) // want `POST .*/v1/transfers is sent again after inspecting the response`
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}
