// Package checkout charges customers through the billing client, retried
// with the platform's retry helper from another package.
package checkout

import (
	"context"

	"example.com/billing"
	"example.com/retryutil"
)

type Checkout struct {
	billing *billing.Client
}

func (c *Checkout) Pay(ctx context.Context, account string, cents int64) error {
	return retryutil.Do(ctx, retryutil.Policy{Attempts: 3}, func(ctx context.Context) error {
		return c.billing.Charge(ctx, account, cents) // want `Client.Charge \(POST /v1/charges\) inside retryutil.Do \(retries its func argument\) runs again on every retry`
	})
}

func (c *Checkout) PayDefault(ctx context.Context, account string, cents int64) error {
	return retryutil.Default(ctx, func(ctx context.Context) error {
		return c.billing.Charge(ctx, account, cents) // want `Client.Charge \(POST /v1/charges\) inside retryutil.Default \(retries its func argument\) runs again on every retry`
	})
}

func (c *Checkout) Capture(ctx context.Context, chargeID string) error {
	return retryutil.Default(ctx, func(ctx context.Context) error {
		return c.billing.Capture(ctx, chargeID)
	})
}

// Settle retries a method value of another package: reported at the
// argument, with the POST inside billing as related information.
func (c *Checkout) Settle(ctx context.Context) error {
	return retryutil.Default(ctx, c.billing.CloseDay) // want `Client.CloseDay \(POST /v1/settlements\) inside retryutil.Default \(retries its func argument\) runs again on every retry; .*send an Idempotency-Key header`
}
