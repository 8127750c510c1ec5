// Package repo is a ledger repository on database/sql and pgxpool whose
// writes are retried with cenkalti/backoff.
package repo

import (
	"context"
	"database/sql"

	"github.com/cenkalti/backoff/v4"
	"github.com/jackc/pgx/v5/pgxpool"
)

const (
	insertEntry = `INSERT INTO ledger_entries (account_id, amount) VALUES ($1, $2)`
	upsertEntry = `INSERT INTO ledger_entries (id, account_id, amount) VALUES ($1, $2, $3)
		ON CONFLICT (id) DO NOTHING`
	bumpBalance = `UPDATE accounts SET balance = balance + $1 WHERE id = $2`
	setStatus   = `UPDATE accounts SET status = $1 WHERE id = $2`
	deleteHold  = `DELETE FROM holds WHERE id = $1`
)

type Repo struct {
	db   *sql.DB
	pool *pgxpool.Pool
}

func (r *Repo) policy(ctx context.Context) backoff.BackOff {
	return backoff.WithContext(backoff.WithMaxRetries(backoff.NewExponentialBackOff(), 3), ctx)
}

func (r *Repo) AddEntry(ctx context.Context, account string, amount int64) error {
	return backoff.Retry(func() error {
		_, err := r.db.ExecContext(ctx, insertEntry, account, amount) // want `INSERT INTO ledger_entries inside backoff.Retry runs again on every retry; .*: make the statement idempotent`
		return err
	}, r.policy(ctx))
}

func (r *Repo) AddEntryOnce(ctx context.Context, id, account string, amount int64) error {
	return backoff.Retry(func() error {
		_, err := r.db.ExecContext(ctx, upsertEntry, id, account, amount)
		return err
	}, r.policy(ctx))
}

func (r *Repo) Credit(ctx context.Context, account string, amount int64) error {
	return backoff.Retry(func() error {
		_, err := r.pool.Exec(ctx, bumpBalance, amount, account) // want `UPDATE accounts .*inside backoff.Retry runs again on every retry`
		return err
	}, r.policy(ctx))
}

func (r *Repo) Freeze(ctx context.Context, account string) error {
	return backoff.Retry(func() error {
		if _, err := r.pool.Exec(ctx, setStatus, "frozen", account); err != nil {
			return err
		}
		_, err := r.pool.Exec(ctx, deleteHold, account)
		return err
	}, r.policy(ctx))
}
