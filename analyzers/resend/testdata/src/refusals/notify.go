// Package refusals is a notification-service client whose re-sends are all
// safe: each happens only after the server refused the request (401, 403,
// 407, 429), after a transport error (no response: a retry, unsaferetry's
// business), or is suppressed or declared idempotent.
package refusals

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Notifier sends notifications through the gateway.
type Notifier struct {
	hc    *http.Client
	base  string
	token string
}

func (n *Notifier) reauth(ctx context.Context) error { return nil }

func (n *Notifier) newSend(ctx context.Context, body []byte) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.base+"/v1/notifications", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+n.token)
	return req, nil
}

// Send re-sends only when the token was rejected.
func (n *Notifier) Send(ctx context.Context, body []byte) error {
	resp, err := n.hc.Post(n.base+"/v1/notifications", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden {
		if err := n.reauth(ctx); err != nil {
			return err
		}
		resp, err = n.hc.Post(n.base+"/v1/notifications", "application/json", bytes.NewReader(body))
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// SendThrottled waits and re-sends after 429 Too Many Requests.
func (n *Notifier) SendThrottled(ctx context.Context, body []byte) error {
	resp, err := n.hc.Post(n.base+"/v1/notifications", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusTooManyRequests {
		return nil
	}
	time.Sleep(time.Second)
	resp, err = n.hc.Post(n.base+"/v1/notifications", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// SendViaProxy re-sends after the corporate proxy asked for credentials.
func (n *Notifier) SendViaProxy(ctx context.Context, body []byte) error {
	resp, err := n.hc.Post(n.base+"/v1/notifications", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK, http.StatusAccepted:
		return nil
	case http.StatusProxyAuthRequired, http.StatusUnauthorized:
		if err := n.reauth(ctx); err != nil {
			return err
		}
		again, err := n.hc.Post(n.base+"/v1/notifications", "application/json", bytes.NewReader(body))
		if err != nil {
			return err
		}
		return again.Body.Close()
	}
	return nil
}

// SendAfterDialError re-sends only when no response arrived at all.
func (n *Notifier) SendAfterDialError(ctx context.Context, body []byte) error {
	req, err := n.newSend(ctx, body)
	if err != nil {
		return err
	}
	resp, err := n.hc.Do(req)
	if err != nil {
		again, err := n.newSend(ctx, body)
		if err != nil {
			return err
		}
		resp, err = n.hc.Do(again)
		if err != nil {
			return err
		}
	}
	return resp.Body.Close()
}

type ack struct {
	Success bool   `json:"success"`
	Message string `json:"message"`
}

// Broadcast posts two different announcements, the second only once the
// first was accepted: a follow-up write, not a duplicate.
func (n *Notifier) Broadcast(ctx context.Context, first, second []byte) error {
	resp, err := n.hc.Post(n.base+"/v1/notifications", "application/json", bytes.NewReader(first))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var a ack
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil {
		return err
	}
	if !a.Success {
		return nil
	}
	resp2, err := n.hc.Post(n.base+"/v1/notifications", "application/json", bytes.NewReader(second))
	if err != nil {
		return err
	}
	return resp2.Body.Close()
}

// SendNolint re-sends after a 5xx, but the gateway deduplicates on the
// message ID in the body; the finding is suppressed.
func (n *Notifier) SendNolint(ctx context.Context, body []byte) error {
	resp, err := n.hc.Post(n.base+"/v1/notifications", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode >= 500 {
		resp, err = n.hc.Post(n.base+"/v1/notifications", "application/json", bytes.NewReader(body)) //nolint:resend // deduplicated by message ID
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	if resp.StatusCode == http.StatusBadGateway {
		//nolint:twice // deduplicated by message ID
		resp, err = n.hc.Post(n.base+"/v1/notifications", "application/json", bytes.NewReader(body))
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// SendDeduplicated re-sends after a missing delivery header; the gateway
// deduplicates notifications by their ID.
//
//twice:idempotent
func (n *Notifier) SendDeduplicated(ctx context.Context, body []byte) error {
	resp, err := n.hc.Post(n.base+"/v1/notifications", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.Header.Get("X-Delivered") == "" {
		resp, err = n.hc.Post(n.base+"/v1/notifications", "application/json", bytes.NewReader(body))
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// ErrUnauthorized is what checkResponse returns for a rejected token.
var ErrUnauthorized = errors.New("gateway: unauthorized")

// checkResponse turns a response into an error: only 401 gives
// ErrUnauthorized.
func checkResponse(resp *http.Response) error {
	switch {
	case resp.StatusCode == http.StatusUnauthorized:
		return ErrUnauthorized
	case resp.StatusCode >= 300:
		return fmt.Errorf("gateway: status %d", resp.StatusCode)
	}
	return nil
}

// SendChecked re-sends only when the check helper said the token was
// rejected.
func (n *Notifier) SendChecked(ctx context.Context, body []byte) error {
	resp, err := n.hc.Post(n.base+"/v1/notifications", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp.Body.Close()
	err = checkResponse(resp)
	if errors.Is(err, ErrUnauthorized) {
		if err := n.reauth(ctx); err != nil {
			return err
		}
		resp, err = n.hc.Post(n.base+"/v1/notifications", "application/json", bytes.NewReader(body))
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return err
}

// isUnauthorized is the same check as a predicate.
func isUnauthorized(err error) bool { return errors.Is(err, ErrUnauthorized) }

// SendCheckedPredicate re-sends through the predicate, with the check
// inline in the if statement.
func (n *Notifier) SendCheckedPredicate(ctx context.Context, body []byte) error {
	resp, err := n.hc.Post(n.base+"/v1/notifications", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := checkResponse(resp); isUnauthorized(err) {
		_ = n.reauth(ctx)
		resp2, err := n.hc.Post(n.base+"/v1/notifications", "application/json", bytes.NewReader(body))
		if err != nil {
			return err
		}
		return resp2.Body.Close()
	}
	return nil
}
