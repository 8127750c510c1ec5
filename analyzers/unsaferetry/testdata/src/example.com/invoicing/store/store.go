// Package store is the invoice store of example.com/invoicing: its errors
// are declared here and tested for by the service package.
package store

import (
	"context"
	"database/sql"
	"errors"
	"io"
)

var (
	// ErrStale: the row changed since it was read; nothing was written.
	ErrStale = errors.New("store: stale version")
	// ErrSessionGone has a neutral name, but its text says the connection
	// went away mid-statement: the write may have been applied.
	ErrSessionGone = errors.New("store: connection closed by peer")
)

type Store struct{ db *sql.DB }

func New(db *sql.DB) *Store { return &Store{db: db} }

// Add inserts an invoice.
func (s *Store) Add(ctx context.Context, id string, amount int64) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO invoices (id, amount) VALUES ($1, $2)`, id, amount)
	return err
}

// IsStale reports whether the store refused a write on a stale row.
func IsStale(err error) bool {
	return errors.Is(err, ErrStale)
}

// IsDropped reports whether the connection went away under a write: the
// write may have been applied.
func IsDropped(err error) bool {
	return errors.Is(err, ErrSessionGone) || errors.Is(err, io.EOF)
}
