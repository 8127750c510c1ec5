// Package webhooks delivers event notifications to customers' endpoints.
package webhooks

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// Event is one event to deliver.
type Event struct {
	ID      string          `json:"id"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload"`
}

// Subscription is a customer's endpoint.
type Subscription struct {
	URL    string
	Secret string
}

// Sender delivers webhooks.
type Sender struct {
	retrying *retryablehttp.Client
	plain    *http.Client
}

// NewSender builds a sender whose retrying client retries 5 times.
func NewSender() *Sender {
	rc := retryablehttp.NewClient()
	rc.RetryMax = 5
	rc.RetryWaitMin = 500 * time.Millisecond
	return &Sender{retrying: rc, plain: &http.Client{Timeout: 5 * time.Second}}
}

// Deliver posts through go-retryablehttp without a delivery id: the
// receiver cannot tell a retry from a new event.
func (s *Sender) Deliver(ctx context.Context, sub Subscription, ev Event) error {
	body, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, sub.URL, body)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.retrying.Do(req) // want `POST request sent through .*retryablehttp.* runs again on every retry`
	if err != nil {
		return fmt.Errorf("delivering %s: %w", ev.ID, err)
	}
	return resp.Body.Close()
}

// Ping checks an endpoint with HEAD through the retrying client.
func (s *Sender) Ping(ctx context.Context, sub Subscription) error {
	resp, err := s.retrying.Head(sub.URL)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// DeliverOnce re-posts once when the receiver answered 5xx: a receiver
// that processed the event and then failed gets it twice.
func (s *Sender) DeliverOnce(ctx context.Context, sub Subscription, ev Event) error {
	body, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	resp, err := s.plain.Post(sub.URL, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode >= 500 {
		time.Sleep(time.Second)
		resp, err = s.plain.Post(sub.URL, "application/json", bytes.NewReader(body)) // want `POST request is sent again after inspecting the response status \(5xx\)`
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	if resp.StatusCode >= 300 {
		return fmt.Errorf("webhook %s: %s", sub.URL, resp.Status)
	}
	return nil
}

// DeliverAfterRateLimit re-posts only after 429 Too Many Requests.
func (s *Sender) DeliverAfterRateLimit(ctx context.Context, sub Subscription, ev Event) error {
	body, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	resp, err := s.plain.Post(sub.URL, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusTooManyRequests {
		time.Sleep(2 * time.Second)
		if resp, err = s.plain.Post(sub.URL, "application/json", bytes.NewReader(body)); err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// Fanout delivers one event to every subscription: distinct targets.
func (s *Sender) Fanout(ctx context.Context, subs []Subscription, ev Event) []error {
	var errs []error
	body, _ := json.Marshal(ev)
	for _, sub := range subs {
		resp, err := s.plain.Post(sub.URL, "application/json", bytes.NewReader(body))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		resp.Body.Close()
	}
	return errs
}

// DeliverWithID sends the event id as the idempotency key: stable data,
// the same on every attempt.
func (s *Sender) DeliverWithID(ctx context.Context, sub Subscription, ev Event) error {
	body, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, sub.URL, body)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", ev.ID)
	resp, err := s.retrying.Do(req)
	if err != nil {
		return fmt.Errorf("delivering %s: %w", ev.ID, err)
	}
	return resp.Body.Close()
}
