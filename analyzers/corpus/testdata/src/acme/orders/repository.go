// Package orders is the order service's PostgreSQL repository. Statements
// live in constants; writes go through database/sql with a small retry
// loop for serialization failures and dropped connections.
package orders

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

const (
	insertOrder = `INSERT INTO orders (id, customer_id, total_cents, status, created_at)
		VALUES ($1, $2, $3, 'pending', now())`
	upsertOrder = `INSERT INTO orders (id, customer_id, total_cents, status, created_at)
		VALUES ($1, $2, $3, 'pending', now())
		ON CONFLICT (id) DO NOTHING`
	insertLine     = "INSERT INTO order_lines (order_id, sku, qty) VALUES ($1, $2, $3)"
	reserveStock   = "UPDATE stock SET available = available - $2 WHERE sku = $1"
	markPaid       = "UPDATE orders SET status = 'paid', paid_at = now() WHERE id = $1"
	deleteDraft    = "DELETE FROM orders WHERE id = $1 AND status = 'draft'"
	selectOrder    = "SELECT id, customer_id, total_cents, status FROM orders WHERE id = $1"
	bumpVersion    = "UPDATE orders SET version = version + 1, status = $2 WHERE id = $1"
	nextInvoiceNum = "SELECT nextval('invoice_numbers')"
)

// ErrNotFound is returned for unknown orders.
var ErrNotFound = errors.New("order not found")

// Order is one row of orders.
type Order struct {
	ID, CustomerID, Status string
	TotalCents             int64
}

// Line is one order line.
type Line struct {
	SKU string
	Qty int
}

// Repository stores orders.
type Repository struct {
	db *sql.DB
}

// NewRepository wraps db.
func NewRepository(db *sql.DB) *Repository { return &Repository{db: db} }

const maxAttempts = 3

// Create inserts the order, retrying on any error: a lost response after
// the INSERT committed inserts it again (or fails on the key, if any).
func (r *Repository) Create(ctx context.Context, o Order) error {
	var err error
	for attempt := 1; attempt <= maxAttempts; attempt++ {
		_, err = r.db.ExecContext(ctx, insertOrder, o.ID, o.CustomerID, o.TotalCents) // want `INSERT INTO orders inside a retry loop runs again on every retry`
		if err == nil {
			return nil
		}
		time.Sleep(time.Duration(attempt) * 100 * time.Millisecond)
	}
	return fmt.Errorf("creating order %s: %w", o.ID, err)
}

// CreateIdempotent uses ON CONFLICT DO NOTHING: safe to retry.
func (r *Repository) CreateIdempotent(ctx context.Context, o Order) error {
	var err error
	for attempt := 1; attempt <= maxAttempts; attempt++ {
		if _, err = r.db.ExecContext(ctx, upsertOrder, o.ID, o.CustomerID, o.TotalCents); err == nil {
			return nil
		}
		time.Sleep(time.Duration(attempt) * 100 * time.Millisecond)
	}
	return fmt.Errorf("creating order %s: %w", o.ID, err)
}

// AddLines inserts each line once: a loop over distinct items, which
// stops at the first error.
func (r *Repository) AddLines(ctx context.Context, orderID string, lines []Line) error {
	for _, l := range lines {
		if _, err := r.db.ExecContext(ctx, insertLine, orderID, l.SKU, l.Qty); err != nil {
			return fmt.Errorf("adding line %s: %w", l.SKU, err)
		}
	}
	return nil
}

// MarkPaid sets an absolute status: repeating it changes nothing.
func (r *Repository) MarkPaid(ctx context.Context, id string) error {
	var err error
	for i := 0; i < maxAttempts; i++ {
		if _, err = r.db.ExecContext(ctx, markPaid, id); err == nil {
			return nil
		}
	}
	return err
}

// DeleteDraft deletes in a retry loop: deleting twice deletes the same row.
func (r *Repository) DeleteDraft(ctx context.Context, id string) error {
	var err error
	for i := 0; i < maxAttempts; i++ {
		if _, err = r.db.ExecContext(ctx, deleteDraft, id); err == nil {
			return nil
		}
	}
	return err
}

// Get reads one order, retrying: reads are safe.
func (r *Repository) Get(ctx context.Context, id string) (*Order, error) {
	var o Order
	var err error
	for i := 0; i < maxAttempts; i++ {
		err = r.db.QueryRowContext(ctx, selectOrder, id).Scan(&o.ID, &o.CustomerID, &o.TotalCents, &o.Status)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, ErrNotFound
		}
		if err == nil {
			return &o, nil
		}
	}
	return nil, err
}

// Transition bumps a version counter in a retry loop.
func (r *Repository) Transition(ctx context.Context, id, status string) error {
	var err error
	for i := 0; i < maxAttempts; i++ {
		if _, err = r.db.ExecContext(ctx, bumpVersion, id, status); err == nil { // want `UPDATE orders inside a retry loop runs again on every retry`
			return nil
		}
	}
	return err
}

// NextInvoiceNumber draws from a sequence once.
func (r *Repository) NextInvoiceNumber(ctx context.Context) (int64, error) {
	var n int64
	err := r.db.QueryRowContext(ctx, nextInvoiceNum).Scan(&n)
	return n, err
}

// ArchiveOld moves old orders in batches until none is left: each
// iteration works on different rows.
func (r *Repository) ArchiveOld(ctx context.Context, before time.Time) error {
	for {
		res, err := r.db.ExecContext(ctx, `INSERT INTO orders_archive SELECT * FROM orders WHERE created_at < $1 LIMIT 500`, before)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		if n == 0 {
			return nil
		}
	}
}

// Reserve decrements stock in a retry loop: a repeat reserves twice.
func (r *Repository) Reserve(ctx context.Context, sku string, qty int) error {
	for i := 0; ; i++ {
		_, err := r.db.ExecContext(ctx, reserveStock, sku, qty) // want `UPDATE stock inside a retry loop runs again on every retry; the update can be applied twice`
		if err == nil || i == maxAttempts {
			return err
		}
	}
}
