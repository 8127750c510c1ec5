// Package invoicing sends invoices to the accounting system, retried with
// the platform helper acme/internal/retryutil.
package invoicing

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"acme/internal/retryutil"
)

// Invoice is one invoice.
type Invoice struct {
	Number string `json:"number"`
	Total  int64  `json:"total"`
}

// Service talks to the accounting system.
type Service struct {
	http    *http.Client
	baseURL string
}

func (s *Service) do(ctx context.Context, method, path string, body any) error {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(body); err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, method, s.baseURL+path, &buf)
	if err != nil {
		return err
	}
	resp, err := s.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("%s %s: %s", method, path, resp.Status)
	}
	return nil
}

// Submit posts the invoice under the helper's retry.
func (s *Service) Submit(ctx context.Context, inv Invoice) error {
	return retryutil.Do(ctx, retryutil.Default, func(ctx context.Context) error {
		return s.do(ctx, http.MethodPost, "/api/invoices", inv) // check `POST /api/invoices inside retryutil\.Do .*runs again on every retry`
	})
}

// Replace puts the invoice under the helper's retry: idempotent.
func (s *Service) Replace(ctx context.Context, inv Invoice) error {
	return retryutil.Do(ctx, retryutil.Default, func(ctx context.Context) error {
		return s.do(ctx, http.MethodPut, "/api/invoices/"+inv.Number, inv)
	})
}

// Void deletes under the helper's retry: idempotent.
func (s *Service) Void(ctx context.Context, number string) error {
	return retryutil.Do(ctx, retryutil.Default, func(ctx context.Context) error {
		return s.do(ctx, http.MethodDelete, "/api/invoices/"+number, nil)
	})
}

// SubmitAll sends each invoice once with retryutil.Each: not a retry.
func (s *Service) SubmitAll(ctx context.Context, invs []Invoice) error {
	return retryutil.Each(ctx, invs, func(ctx context.Context, inv Invoice) error {
		return s.do(ctx, http.MethodPost, "/api/invoices", inv)
	})
}

// Reminder is one dunning reminder.
type Reminder struct{ Invoice string }

func (r Reminder) send(ctx context.Context) error {
	body, _ := json.Marshal(r)
	resp, err := http.Post("https://mailer.internal/v1/reminders", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Remind passes a method value to the retry helper: the write happens in
// Reminder.send.
func (s *Service) Remind(ctx context.Context, r Reminder) error {
	return retryutil.Do(ctx, retryutil.Default, r.send) // check `Reminder\.send \(POST /v1/reminders\) inside retryutil\.Do .*runs again on every retry`
}

func (s *Service) ping(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.baseURL+"/health", nil)
	if err != nil {
		return err
	}
	resp, err := s.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// WaitHealthy passes a read-only method value.
func (s *Service) WaitHealthy(ctx context.Context) error {
	return retryutil.Do(ctx, retryutil.Default, s.ping)
}
