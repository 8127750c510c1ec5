// Package dedupheader delivers webhooks with retries. A header that names
// the payload (an event id, a Standard Webhooks webhook-id) lets the
// receiver drop a repeat when its value is made once before the retry; a
// request id or a credential does not.
package dedupheader

import (
	"bytes"
	"context"
	"math/rand"
	"net/http"
	"strconv"
	"time"

	"github.com/avast/retry-go/v4"
)

type Event struct {
	ID      string
	Payload []byte
}

type Sender struct {
	http *http.Client
	url  string
	key  string
}

// The event's own id travels with every attempt.
func (s *Sender) DeliverEvent(ctx context.Context, e Event) error {
	return retry.Do(func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url+"/hooks", bytes.NewReader(e.Payload))
		if err != nil {
			return err
		}
		req.Header.Set("X-Event-Id", e.ID)
		resp, err := s.http.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// Standard Webhooks: webhook-id made once, before the retry.
func (s *Sender) DeliverStandard(ctx context.Context, payload []byte) error {
	msgID := "msg_" + time.Now().Format(time.RFC3339Nano)
	return retry.Do(func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url+"/hooks", bytes.NewReader(payload))
		if err != nil {
			return err
		}
		req.Header.Set("webhook-id", msgID)
		resp, err := s.http.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// A request id is for tracing: the receiver does not dedup on it.
func (s *Sender) DeliverTraced(ctx context.Context, e Event, requestID string) error {
	return retry.Do(func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url+"/hooks", bytes.NewReader(e.Payload))
		if err != nil {
			return err
		}
		req.Header.Set("X-Request-Id", requestID)
		req.Header.Set("X-Api-Key", s.key)
		resp, err := s.http.Do(req) // want `POST /hooks inside retry\.Do \(avast/retry-go\) runs again on every retry`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// A request id in a vendor's abbreviated spelling, made once before the
// retry, is still only for finding the request in logs.
func (s *Sender) DeliverLogged(ctx context.Context, e Event) error {
	reqID := strconv.FormatUint(rand.Uint64(), 10)
	return retry.Do(func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url+"/hooks", bytes.NewReader(e.Payload))
		if err != nil {
			return err
		}
		req.Header.Set("Vendor-Req-Id", reqID)
		resp, err := s.http.Do(req) // want `POST /hooks inside retry\.Do \(avast/retry-go\) runs again on every retry`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}
