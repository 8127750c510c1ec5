// Package ledger books postings in PostgreSQL (pgx), inside transactions
// run by acme/internal/pgtx.
package ledger

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"acme/internal/pgtx"
)

const (
	insertPosting  = "INSERT INTO postings (account_id, amount_cents, ref) VALUES ($1, $2, $3)"
	creditBalance  = "UPDATE balances SET cents = cents + $2 WHERE account_id = $1"
	upsertBalance  = "INSERT INTO balances (account_id, cents) VALUES ($1, $2) ON CONFLICT (account_id) DO UPDATE SET cents = EXCLUDED.cents"
	selectBalance  = "SELECT cents FROM balances WHERE account_id = $1"
	insertAuditRow = "INSERT INTO audit_log (actor, action) VALUES ($1, $2)"
)

// Ledger books postings.
type Ledger struct {
	pool *pgxpool.Pool
}

// Book posts and credits in one transaction, retried before commit only.
func (l *Ledger) Book(ctx context.Context, account int64, cents int64, ref string) error {
	return pgtx.InTx(ctx, l.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, insertPosting, account, cents, ref); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, creditBalance, account, cents)
		return err
	})
}

// BookRetryingCommit uses the helper that also retries a failed COMMIT:
// the posting can be booked twice.
func (l *Ledger) BookRetryingCommit(ctx context.Context, account int64, cents int64, ref string) error {
	return pgtx.InTxRetryCommit(ctx, l.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, insertPosting, account, cents, ref); err != nil { // want `INSERT INTO postings inside pgtx\.InTxRetryCommit, which also re-runs the transaction when COMMIT failed, runs again on every retry; the INSERT may already be committed`
			return err
		}
		return nil
	})
}

// SetBalance writes an absolute balance through the commit-retrying
// helper: an upsert, safe to repeat.
func (l *Ledger) SetBalance(ctx context.Context, account int64, cents int64) error {
	return pgtx.InTxRetryCommit(ctx, l.pool, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, upsertBalance, account, cents)
		return err
	})
}

// Balance reads a balance.
func (l *Ledger) Balance(ctx context.Context, account int64) (int64, error) {
	var cents int64
	err := pgtx.InTxRetryCommit(ctx, l.pool, func(tx pgx.Tx) error {
		return tx.QueryRow(ctx, selectBalance, account).Scan(&cents)
	})
	return cents, err
}

// Audit inserts one audit row, not retried.
func (l *Ledger) Audit(ctx context.Context, actor, action string) error {
	_, err := l.pool.Exec(ctx, insertAuditRow, actor, action)
	return err
}
