// Package keyfix creates payments with an idempotency key generated on
// every attempt; the suggested fix moves the key before the retry.
package keyfix

import (
	"context"
	"net/http"

	"github.com/cenkalti/backoff/v4"
	"github.com/google/uuid"
)

type Payments struct {
	baseURL string
	http    *http.Client
}

func (p *Payments) Create(ctx context.Context) error {
	b := backoff.NewExponentialBackOff()
	err := backoff.Retry(func() error {
		key := uuid.NewString()
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.baseURL+"/v1/payments", nil)
		if err != nil {
			return err
		}
		req.Header.Set("Idempotency-Key", key)
		resp, err := p.http.Do(req) // want `POST /v1/payments inside backoff.Retry runs again on every retry, and its Idempotency-Key is generated inside the retried code`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}, b)
	return err
}
