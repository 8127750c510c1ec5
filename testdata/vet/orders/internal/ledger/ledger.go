// Package ledger declares the bookkeeping store. Its Record method's name
// says nothing about idempotency, so twice needs -unsaferetry.mutating to
// know that every call appends an entry.
package ledger

import "context"

// Entry is one booking.
type Entry struct {
	OrderID     string
	AmountCents int64
}

// Ledger is implemented by the accounting database.
type Ledger interface {
	Record(ctx context.Context, e Entry) error
}
