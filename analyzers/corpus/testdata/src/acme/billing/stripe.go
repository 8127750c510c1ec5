// Package billing charges subscriptions through Stripe's Go SDK, retrying
// transient API errors with cenkalti/backoff.
package billing

import (
	"context"
	"fmt"
	"time"

	"github.com/cenkalti/backoff/v4"
	"github.com/google/uuid"
	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/charge"
	"github.com/stripe/stripe-go/v76/paymentintent"
	"github.com/stripe/stripe-go/v76/refund"
)

// Invoice is one subscription period to charge.
type Invoice struct {
	ID       string
	Customer string
	Amount   int64
}

func policy(ctx context.Context) backoff.BackOff {
	b := backoff.NewExponentialBackOff()
	b.MaxElapsedTime = 30 * time.Second
	return backoff.WithContext(backoff.WithMaxRetries(b, 5), ctx)
}

// ChargeInvoice retries charge.New without an idempotency key.
func ChargeInvoice(ctx context.Context, inv Invoice) (*stripe.Charge, error) {
	var ch *stripe.Charge
	op := func() error {
		var err error
		ch, err = charge.New(&stripe.ChargeParams{ // want `Stripe charge\.New inside backoff\.Retry runs again on every retry`
			Amount:   stripe.Int64(inv.Amount),
			Currency: stripe.String("eur"),
			Customer: stripe.String(inv.Customer),
		})
		return err
	}
	if err := backoff.Retry(op, policy(ctx)); err != nil {
		return nil, fmt.Errorf("charging invoice %s: %w", inv.ID, err)
	}
	return ch, nil
}

// ChargeInvoiceOnce sends the invoice ID as Stripe's idempotency key.
func ChargeInvoiceOnce(ctx context.Context, inv Invoice) (*stripe.Charge, error) {
	return backoff.RetryWithData(func() (*stripe.Charge, error) {
		params := &stripe.ChargeParams{
			Amount:   stripe.Int64(inv.Amount),
			Currency: stripe.String("eur"),
			Customer: stripe.String(inv.Customer),
		}
		params.SetIdempotencyKey("invoice-" + inv.ID)
		return charge.New(params)
	}, policy(ctx))
}

// CreateIntent makes the key before the retry.
func CreateIntent(ctx context.Context, inv Invoice) (*stripe.PaymentIntent, error) {
	key := uuid.NewString()
	var pi *stripe.PaymentIntent
	err := backoff.RetryNotify(func() error {
		params := &stripe.PaymentIntentParams{Amount: stripe.Int64(inv.Amount), Currency: stripe.String("eur")}
		params.SetIdempotencyKey(key)
		var err error
		pi, err = paymentintent.New(params)
		return err
	}, policy(ctx), func(err error, d time.Duration) {
		fmt.Printf("payment intent for %s: retrying in %s: %v\n", inv.ID, d, err)
	})
	return pi, err
}

// CreateIntentFreshKey generates the key inside the operation.
func CreateIntentFreshKey(ctx context.Context, inv Invoice) (*stripe.PaymentIntent, error) {
	var pi *stripe.PaymentIntent
	err := backoff.Retry(func() error {
		params := &stripe.PaymentIntentParams{Amount: stripe.Int64(inv.Amount), Currency: stripe.String("eur")}
		params.SetIdempotencyKey(uuid.NewString())
		var err error
		pi, err = paymentintent.New(params) // want `Stripe paymentintent\.New inside backoff\.Retry runs again on every retry, and its IdempotencyKey is generated inside the retried code, so each attempt sends a new key and the payment intent can be created twice`
		return err
	}, policy(ctx))
	return pi, err
}

// IntentStatus polls an intent: reads only.
func IntentStatus(ctx context.Context, id string) (string, error) {
	var status string
	err := backoff.Retry(func() error {
		pi, err := paymentintent.Get(id, nil)
		if err != nil {
			return err
		}
		status = pi.ID
		return nil
	}, policy(ctx))
	return status, err
}

// RefundInvoice refunds without retrying: a single call is not a repeat.
func RefundInvoice(ctx context.Context, chargeID string) error {
	_, err := refund.New(&stripe.RefundParams{Charge: stripe.String(chargeID)})
	return err
}
