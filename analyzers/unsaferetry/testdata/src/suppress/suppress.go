// Package suppress is a billing client whose reviewed retries are
// suppressed with nolint comments and //twice:idempotent.
package suppress

import (
	"context"
	"net/http"
	"strings"

	"github.com/avast/retry-go/v4"
)

type Billing struct {
	baseURL string
	http    *http.Client
}

func (b *Billing) post(ctx context.Context, path, body string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, b.baseURL+path, strings.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := b.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// settle is safe to repeat: the server deduplicates settlements by the
// invoice number in the body.
//
//twice:idempotent
func (b *Billing) settle(ctx context.Context, invoice string) error {
	return b.post(ctx, "/v1/settlements", invoice)
}

func (b *Billing) Run(ctx context.Context, invoice string) error {
	return retry.Do(func() error {
		if err := b.post(ctx, "/v1/invoices", invoice); err != nil { //nolint:unsaferetry // the server deduplicates by invoice
			return err
		}
		if err := b.post(ctx, "/v1/invoices/send", invoice); err != nil { //nolint:twice
			return err
		}
		//nolint:errcheck,unsaferetry // reviewed: fire-and-forget audit entry
		_ = b.post(ctx, "/v1/audit", invoice)
		if err := b.post(ctx, "/v1/ledger", invoice); err != nil { //nolint:errcheck,twice
			return err
		}
		if err := b.settle(ctx, invoice); err != nil {
			return err
		}
		if err := b.post(ctx, "/v1/receipts", invoice); err != nil { //nolint:errcheck // want `Billing.post \(POST /v1/receipts\) inside retry.Do`
			return err
		}
		return nil
	})
}

// Settle retries a //twice:idempotent method value: silent.
func (b *Billing) Settle(ctx context.Context) error {
	return retry.Do(b.settleDefault)
}

//twice:idempotent
func (b *Billing) settleDefault() error {
	return b.post(context.Background(), "/v1/settlements/default", "")
}

// Notify: a trailing nolint covers its own line only, not the next one.
func (b *Billing) Notify(ctx context.Context, invoice string) error {
	return retry.Do(func() error {
		_ = b.post(ctx, "/v1/notices", invoice)      //nolint:unsaferetry // reviewed
		return b.post(ctx, "/v1/reminders", invoice) // want `Billing.post \(POST /v1/reminders\) inside retry.Do`
	})
}

// Heartbeat POSTs a heartbeat that the server counts once per minute, so
// the retry it performs itself is declared safe.
//
//twice:idempotent
func (b *Billing) Heartbeat(ctx context.Context) error {
	return retry.Do(func() error {
		return b.post(ctx, "/v1/heartbeat", "")
	})
}
