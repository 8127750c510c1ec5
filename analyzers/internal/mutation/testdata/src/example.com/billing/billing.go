// Package billing is a payments SDK whose bodies the analysis cannot judge
// (they go through a generated transport); the -mutating and -idempotent
// flags say what its methods do.
package billing

import "context"

type Client struct {
	transport func(ctx context.Context, op string, in any) error
}

func (c *Client) Charge(ctx context.Context, customer string, cents int64) error {
	return c.transport(ctx, "charge", cents)
}

func (c *Client) ChargeOnce(ctx context.Context, customer string, cents int64) error {
	return c.transport(ctx, "charge-once", cents)
}

// CreateInvoice is idempotent by the SDK's own contract.
//
//twice:idempotent
func (c *Client) CreateInvoice(ctx context.Context, customer string) error {
	return c.transport(ctx, "invoice", customer)
}

func (c *Client) SendReceipt(ctx context.Context, customer string) error {
	return c.transport(ctx, "receipt", customer)
}
