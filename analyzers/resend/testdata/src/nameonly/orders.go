// Package nameonly re-sends calls whose bodies twice cannot see: only their
// names say they write, so the re-send is a check, reported only at
// -unsaferetry.confidence=low (TestNameOnly); by default it is silent.
package nameonly

import "context"

type Order struct{ SKU string }

type Reply struct {
	Accepted bool
	Pending  bool
}

// OrderAPI is implemented outside this program (a generated client).
type OrderAPI interface {
	SubmitOrder(ctx context.Context, o *Order) (*Reply, error)
	OrderStatus(ctx context.Context, sku string) (*Reply, error)
}

// Place submits again when the first reply says pending: only the name
// SubmitOrder says it writes.
func Place(ctx context.Context, api OrderAPI, o *Order) error {
	r, err := api.SubmitOrder(ctx, o)
	if err != nil {
		return err
	}
	if r.Pending {
		_, err = api.SubmitOrder(ctx, o)
	}
	return err
}

// Poll asks for the status again: a read, silent at every confidence.
func Poll(ctx context.Context, api OrderAPI, sku string) error {
	r, err := api.OrderStatus(ctx, sku)
	if err != nil {
		return err
	}
	if r.Pending {
		_, err = api.OrderStatus(ctx, sku)
	}
	return err
}
