// Package pgtx runs functions in PostgreSQL transactions, retrying them on
// serialization failures.
package pgtx

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ErrSerialization is what the driver returns for SQLSTATE 40001.
var ErrSerialization = errors.New("pgtx: serialization failure")

const maxTxAttempts = 5

// InTx runs fn in a transaction and re-runs it only when the transaction
// failed before COMMIT: the failed attempt rolled back and left nothing.
func InTx(ctx context.Context, pool *pgxpool.Pool, fn func(pgx.Tx) error) error {
	for attempt := 0; attempt < maxTxAttempts; attempt++ {
		tx, err := pool.Begin(ctx)
		if err != nil {
			return err
		}
		if err := fn(tx); err != nil {
			_ = tx.Rollback(ctx)
			if errors.Is(err, ErrSerialization) {
				time.Sleep(time.Duration(attempt*10) * time.Millisecond)
				continue
			}
			return err
		}
		return tx.Commit(ctx)
	}
	return ErrSerialization
}

// InTxRetryCommit also re-runs fn when COMMIT failed: whether the first
// attempt committed is unknown, so its statements may take effect twice.
func InTxRetryCommit(ctx context.Context, pool *pgxpool.Pool, fn func(pgx.Tx) error) error {
	var err error
	for attempt := 0; attempt < maxTxAttempts; attempt++ {
		var tx pgx.Tx
		if tx, err = pool.Begin(ctx); err != nil {
			return err
		}
		if err = fn(tx); err != nil {
			_ = tx.Rollback(ctx)
			return err
		}
		if err = tx.Commit(ctx); err != nil {
			continue
		}
		return nil
	}
	return err
}
