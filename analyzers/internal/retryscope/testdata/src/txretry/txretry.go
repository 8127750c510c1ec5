// Package txretry has hand-written transaction retry helpers.
package txretry

import (
	"context"
	"database/sql"
	"errors"
)

// errDeadlock reads like an application error, but its text says the
// statement was interrupted (an ambiguous outcome): RunInTx stays a retry.
var errDeadlock = errors.New("deadlock detected: statement interrupted")

func writeInsert(ctx context.Context, tx *sql.Tx) error { return nil }

// RunInTx retries fn after an interrupted statement before COMMIT only:
// the transaction rolled back, its statements did not take effect.
func RunInTx(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
	for i := 0; i < 3; i++ {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if err := fn(tx); err != nil {
			_ = tx.Rollback()
			if errors.Is(err, errDeadlock) {
				continue
			}
			return err
		}
		return tx.Commit()
	}
	return errDeadlock
}

// RunInTxCommitRetry also retries when COMMIT failed: the outcome is
// unknown and the statements may run twice.
func RunInTxCommitRetry(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
	for {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if err := fn(tx); err != nil {
			_ = tx.Rollback()
			return err
		}
		if err = tx.Commit(); err != nil {
			continue
		}
		return nil
	}
}

func Save(ctx context.Context, db *sql.DB) error {
	if err := RunInTx(ctx, db, func(tx *sql.Tx) error {
		return writeInsert(ctx, tx) // want "retried by txretry.RunInTx \\(retries its func argument\\) \\(before commit\\)"
	}); err != nil {
		return err
	}
	return RunInTxCommitRetry(ctx, db, func(tx *sql.Tx) error {
		return writeInsert(ctx, tx) // want "retried by txretry.RunInTxCommitRetry, which also re-runs the transaction when COMMIT failed"
	})
}
