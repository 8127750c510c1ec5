// Package suppressed pushes prices to partner marketplaces whose APIs
// deduplicate writes; the team documented that with suppressions.
package suppressed

import (
	"bytes"
	"context"
	"net/http"

	"github.com/avast/retry-go/v4"
)

// Partner is one marketplace.
type Partner struct {
	http    *http.Client
	baseURL string
}

// PushPrice: the partner deduplicates by SKU and timestamp.
func (p *Partner) PushPrice(ctx context.Context, body []byte) error {
	return retry.Do(func() error {
		resp, err := p.http.Post(p.baseURL+"/prices", "application/json", bytes.NewReader(body)) //nolint:unsaferetry // partner dedups by sku+ts
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}, retry.Attempts(3))
}

// PushStock uses the umbrella suppression on the line before.
func (p *Partner) PushStock(ctx context.Context, body []byte) error {
	return retry.Do(func() error {
		//nolint:twice // stock snapshots are absolute on the partner side
		resp, err := p.http.Post(p.baseURL+"/stock", "application/json", bytes.NewReader(body))
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}, retry.Attempts(3))
}

// upsertListing is declared safe to repeat: the partner's POST /listings
// is an upsert keyed by SKU.
//
//twice:idempotent
func (p *Partner) upsertListing(ctx context.Context, body []byte) error {
	resp, err := p.http.Post(p.baseURL+"/listings", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// PushListing retries the declared-idempotent helper.
func (p *Partner) PushListing(ctx context.Context, body []byte) error {
	return retry.Do(func() error {
		return p.upsertListing(ctx, body)
	}, retry.Attempts(3))
}

// PushPromotion is not suppressed.
func (p *Partner) PushPromotion(ctx context.Context, body []byte) error {
	return retry.Do(func() error {
		resp, err := p.http.Post(p.baseURL+"/promotions", "application/json", bytes.NewReader(body)) // want `POST /promotions inside retry\.Do \(avast/retry-go\) runs again on every retry`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}, retry.Attempts(3))
}
