package repo

import (
	"context"
	"database/sql"
	"errors"
)

var errSerialization = errors.New("pq: could not serialize access due to concurrent update")

// inTx re-runs fn after a serialization failure, which happens before
// COMMIT: the rolled-back attempt left nothing behind.
func (r *Repo) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	for attempt := 0; attempt < 3; attempt++ {
		tx, err := r.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if err := fn(tx); err != nil {
			_ = tx.Rollback()
			if errors.Is(err, errSerialization) {
				continue
			}
			return err
		}
		return tx.Commit()
	}
	return errSerialization
}

// inTxRetryCommit also re-runs fn when COMMIT failed, whose outcome is
// unknown: the INSERTs may already be committed.
func (r *Repo) inTxRetryCommit(ctx context.Context, fn func(*sql.Tx) error) error {
	for {
		tx, err := r.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if err := fn(tx); err != nil {
			_ = tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			continue
		}
		return nil
	}
}

func (r *Repo) Transfer(ctx context.Context, from, to string, amount int64) error {
	return r.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, insertEntry, from, -amount); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, insertEntry, to, amount)
		return err
	})
}

func (r *Repo) TransferRetryCommit(ctx context.Context, from, to string, amount int64) error {
	return r.inTxRetryCommit(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, insertEntry, from, -amount) // want `INSERT INTO ledger_entries inside Repo.inTxRetryCommit, which also re-runs the transaction when COMMIT failed, runs again on every retry; the INSERT may already be committed`
		return err
	})
}
