// Package checkout completes orders: payment, warehouse notification,
// stock reservation, bookkeeping.
package checkout

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/avast/retry-go/v4"

	"example.com/orders/internal/jobs"
	"example.com/orders/internal/ledger"
	"example.com/orders/internal/payments"
	"example.com/orders/internal/retryx"
)

// Order is a placed order.
type Order struct {
	ID         string `json:"id"`
	TotalCents int64  `json:"total_cents"`
}

// Service completes orders.
type Service struct {
	Payments     *payments.Client
	Ledger       ledger.Ledger
	Jobs         *jobs.Queue
	WarehouseURL string
	InventoryURL string
	AuditURL     string
	ReceiptURL   string
}

// NotifyWarehouse tells the warehouse to ship the order. A timeout after
// the warehouse stored the order makes retry.Do post it again.
func (s *Service) NotifyWarehouse(o Order) error {
	body, err := json.Marshal(o)
	if err != nil {
		return err
	}
	return retry.Do(func() error {
		resp, err := http.Post(s.WarehouseURL+"/shipments", "application/json", bytes.NewReader(body)) // want unsaferetry `(?i)post`
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if resp.StatusCode >= 500 {
			return fmt.Errorf("warehouse: %s", resp.Status)
		}
		return nil
	}, retry.Attempts(5))
}

// Pay charges the customer with the shop's own retry helper, which lives in
// another package: a charge that succeeded but timed out is charged again.
func (s *Service) Pay(ctx context.Context, o Order) error {
	return retryx.Do(ctx, 3, func(ctx context.Context) error {
		return s.Payments.Charge(ctx, o.ID, o.TotalCents) // want unsaferetry `(?i)charge`
	})
}

// SendReceipt retries a method value; the report is at the argument.
func (s *Service) SendReceipt(o Order) error {
	return retry.Do(s.postReceipt) // want unsaferetry `(?i)postReceipt`
}

func (s *Service) postReceipt() error {
	resp, err := http.Post(s.ReceiptURL, "text/plain", bytes.NewBufferString("thank you"))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Reserve sets the reservation with PUT, which is idempotent: no finding.
func (s *Service) Reserve(ctx context.Context, o Order) error {
	return retry.Do(func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPut, s.InventoryURL+"/reservations/"+o.ID, nil)
		if err != nil {
			return err
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}, retry.Context(ctx))
}

// Audit is retried on purpose: the audit service deduplicates by order.
func (s *Service) Audit(o Order) error {
	return retry.Do(func() error {
		resp, err := http.Post(s.AuditURL, "text/plain", bytes.NewBufferString(o.ID)) //nolint:unsaferetry // deduplicated by order ID
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// Settle charges in the background job queue, which re-runs failed jobs.
func (s *Service) Settle(ctx context.Context, o Order) {
	s.Jobs.Submit("settle-"+o.ID, func() error {
		return s.Payments.Charge(ctx, o.ID, o.TotalCents) // want[flags] unsaferetry `(?i)charge`
	})
}

// Book records the order in the ledger, retrying transient failures.
func (s *Service) Book(ctx context.Context, o Order) error {
	return retry.Do(func() error {
		return s.Ledger.Record(ctx, ledger.Entry{OrderID: o.ID, AmountCents: o.TotalCents}) // want[flags] unsaferetry `(?i)record`
	}, retry.Context(ctx))
}
