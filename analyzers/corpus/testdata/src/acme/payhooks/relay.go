// Package payhooks relays the payment provider's webhooks: it verifies
// the signature, records the event (deduplicated by the provider's event
// id), forwards it to the orders service and books it on the ledger.
//
// The provider itself re-delivers an event until we answer 2xx, so the
// event id is the natural idempotency key; the bugs are where a relay
// forgets to pass it on.
package payhooks

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/sethvargo/go-retry"
)

// Event is the provider's webhook payload.
type Event struct {
	ID       string          `json:"id"`
	Type     string          `json:"type"`
	Merchant string          `json:"merchant"`
	Amount   int64           `json:"amount"`
	Data     json.RawMessage `json:"data"`
}

// Relay is the webhook endpoint.
type Relay struct {
	db        *pgxpool.Pool
	forward   *retryablehttp.Client
	ledger    *http.Client
	ordersURL string
	ledgerURL string
	merchants string
	secret    []byte
}

// NewRelay builds the relay; forwarded requests are retried up to four
// times by go-retryablehttp.
func NewRelay(db *pgxpool.Pool, ordersURL, ledgerURL string, secret []byte) *Relay {
	rc := retryablehttp.NewClient()
	rc.RetryMax = 4
	rc.RetryWaitMin = 100 * time.Millisecond
	return &Relay{
		db:        db,
		forward:   rc,
		ledger:    &http.Client{Timeout: 10 * time.Second},
		ordersURL: ordersURL,
		ledgerURL: ledgerURL,
		secret:    secret,
	}
}

// ServeHTTP verifies, records and forwards one delivery.
func (r *Relay) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	payload, err := io.ReadAll(io.LimitReader(req.Body, 1<<20))
	if err != nil || !r.verifySignature(payload, req.Header.Get("X-Signature")) {
		http.Error(w, "bad signature", http.StatusBadRequest)
		return
	}
	var ev Event
	if err := json.Unmarshal(payload, &ev); err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	fresh, err := r.record(req.Context(), ev, payload)
	if err != nil {
		http.Error(w, "try again", http.StatusServiceUnavailable)
		return
	}
	if fresh {
		if err := r.forwardToOrders(req.Context(), ev, payload); err != nil {
			http.Error(w, "try again", http.StatusServiceUnavailable)
			return
		}
	}
	w.WriteHeader(http.StatusNoContent)
}

// verifySignature checks the HMAC of the payload.
func (r *Relay) verifySignature(payload []byte, sig string) bool {
	mac := hmac.New(sha256.New, r.secret)
	mac.Write(payload)
	want := hex.EncodeToString(mac.Sum(nil))
	return hmac.Equal([]byte(want), []byte(sig))
}

// record stores the event once: a retried insert of an event already
// stored does nothing.
func (r *Relay) record(ctx context.Context, ev Event, payload []byte) (bool, error) {
	var inserted bool
	b := retry.WithMaxRetries(3, retry.NewExponential(50*time.Millisecond))
	err := retry.Do(ctx, b, func(ctx context.Context) error {
		tag, err := r.db.Exec(ctx, `INSERT INTO webhook_events (event_id, type, payload)
			VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING`, ev.ID, ev.Type, payload)
		if err != nil {
			return retry.RetryableError(err)
		}
		inserted = tag.RowsAffected() == 1
		return nil
	})
	return inserted, err
}

// forwardToOrders posts the event to the orders service through the
// retrying client, with the provider's event id as Idempotency-Key.
func (r *Relay) forwardToOrders(ctx context.Context, ev Event, payload []byte) error {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, r.ordersURL+"/internal/payment-events", payload)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", ev.ID)
	resp, err := r.forward.Do(req)
	if err != nil {
		return fmt.Errorf("forwarding %s: %w", ev.ID, err)
	}
	return resp.Body.Close()
}

// NotifyMerchant posts a summary to the merchant-notifications service
// through the same retrying client, without a key: a notification whose
// response is lost is sent twice.
func (r *Relay) NotifyMerchant(ctx context.Context, ev Event) error {
	body, _ := json.Marshal(map[string]any{"merchant": ev.Merchant, "event": ev.Type, "amount": ev.Amount})
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, r.merchants+"/v1/notifications", body)
	if err != nil {
		return err
	}
	resp, err := r.forward.Do(req) // want `POST /v1/notifications sent through go-retryablehttp's Client`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// BookOnLedger books the payment on the ledger, retried by go-retry on
// transport errors and 5xx: the ledger has no idempotency support and a
// booking answered with a 502 by the gateway was already applied.
func (r *Relay) BookOnLedger(ctx context.Context, ev Event) error {
	body, _ := json.Marshal(map[string]any{"reference": ev.ID, "amount": ev.Amount})
	b := retry.WithMaxRetries(5, retry.NewFibonacci(100*time.Millisecond))
	return retry.Do(ctx, b, func(ctx context.Context) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.ledgerURL+"/v2/bookings", bytes.NewReader(body))
		if err != nil {
			return err
		}
		resp, err := r.ledger.Do(req) // check `POST /v2/bookings inside retry\.Do \(sethvargo/go-retry\) runs again on every retry`
		if err != nil {
			return retry.RetryableError(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode >= 500 {
			return retry.RetryableError(fmt.Errorf("ledger: %s", resp.Status))
		}
		return nil
	})
}

// markProcessed sets an absolute timestamp: safe to repeat.
func (r *Relay) markProcessed(ctx context.Context, eventID string) error {
	b := retry.WithMaxRetries(3, retry.NewConstant(time.Second))
	return retry.Do(ctx, b, func(ctx context.Context) error {
		_, err := r.db.Exec(ctx, `UPDATE webhook_events SET processed_at = now() WHERE event_id = $1`, eventID)
		return retry.RetryableError(err)
	})
}

// CountDelivery counts the provider's deliveries of an event, retried: a
// repeated increment over-counts.
func (r *Relay) CountDelivery(ctx context.Context, eventID string) error {
	b := retry.WithMaxRetries(3, retry.NewConstant(time.Second))
	return retry.Do(ctx, b, func(ctx context.Context) error {
		_, err := r.db.Exec(ctx, `UPDATE webhook_events SET deliveries = deliveries + 1 WHERE event_id = $1`, eventID) // want `UPDATE webhook_events inside retry\.Do \(sethvargo/go-retry\) runs again on every retry`
		return retry.RetryableError(err)
	})
}

// AckProvider acknowledges the event at the provider with a PUT: a repeat
// acknowledges the same event again.
func (r *Relay) AckProvider(ctx context.Context, providerURL, eventID string) error {
	b := retry.WithMaxRetries(3, retry.NewExponential(time.Second))
	return retry.Do(ctx, b, func(ctx context.Context) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPut, providerURL+"/v1/events/"+eventID+"/ack", nil)
		if err != nil {
			return err
		}
		resp, err := r.ledger.Do(req)
		if err != nil {
			return retry.RetryableError(err)
		}
		return resp.Body.Close()
	})
}

// ForwardLegacy posts to the legacy settlement endpoint, which answers
// with X-Accepted: true; when the header is missing the relay posts again —
// but the legacy endpoint omits it on some successful answers.
func (r *Relay) ForwardLegacy(ctx context.Context, legacyURL string, payload []byte) error {
	resp, err := r.ledger.Post(legacyURL+"/settle", "application/json", bytes.NewReader(payload))
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.Header.Get("X-Accepted") != "true" {
		resp, err = r.ledger.Post(legacyURL+"/settle", "application/json", bytes.NewReader(payload)) // want `POST .*/settle is sent again after inspecting the response`
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// OpenDisputes searches the provider's disputes with a POST custom
// method (/v1/disputes:search), retried: a query, not a write.
func (r *Relay) OpenDisputes(ctx context.Context, providerURL, merchant string) ([]byte, error) {
	body, _ := json.Marshal(map[string]string{"merchant": merchant, "status": "open"})
	var out []byte
	b := retry.WithMaxRetries(3, retry.NewExponential(200*time.Millisecond))
	err := retry.Do(ctx, b, func(ctx context.Context) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, providerURL+"/v1/disputes:search", bytes.NewReader(body))
		if err != nil {
			return err
		}
		resp, err := r.ledger.Do(req)
		if err != nil {
			return retry.RetryableError(err)
		}
		defer resp.Body.Close()
		out, err = io.ReadAll(resp.Body)
		return err
	})
	return out, err
}
