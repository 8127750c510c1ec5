package ratelimit

import (
	"context"
	"database/sql"
	"errors"

	"github.com/cenkalti/backoff/v4"
)

// Ledger runs its statements through retry helpers that read the error.
type Ledger struct{ db *sql.DB }

type sqlStater interface{ SQLState() string }

func errCode(err error) string {
	var se sqlStater
	if errors.As(err, &se) {
		return se.SQLState()
	}
	return ""
}

// isSerializationFailure holds when the database aborted the statement
// (40001, 40P01): nothing was written.
func isSerializationFailure(err error) bool {
	code := errCode(err)
	return code == "40001" || code == "40P01"
}

// runAborted re-runs fn only after an abort.
func runAborted(ctx context.Context, fn func(context.Context) error) error {
	var err error
	for n := 0; n < 10; n++ {
		err = fn(ctx)
		if err == nil || !isSerializationFailure(err) {
			return err
		}
	}
	return err
}

// runAny re-runs fn after any error.
func runAny(ctx context.Context, fn func(context.Context) error) error {
	var err error
	for n := 0; n < 10; n++ {
		if err = fn(ctx); err == nil {
			return nil
		}
	}
	return err
}

func (l *Ledger) Post(ctx context.Context, account string, amount int64) error {
	return runAborted(ctx, func(ctx context.Context) error {
		_, err := l.db.ExecContext(ctx, "INSERT INTO postings (account, amount) VALUES ($1, $2)", account, amount)
		return err
	})
}

func (l *Ledger) PostOnAnyError(ctx context.Context, account string, amount int64) error {
	return runAny(ctx, func(ctx context.Context) error {
		_, err := l.db.ExecContext(ctx, "INSERT INTO postings (account, amount) VALUES ($1, $2)", account, amount) // want `INSERT INTO postings inside ratelimit.runAny \(retries its func argument\) runs again on every retry`
		return err
	})
}

// NonceError is an ACME badNonce rejection.
type NonceError struct{ Detail string }

func (e *NonceError) Error() string { return e.Detail }

// Order posts a signed request and retries only a rejected nonce
// (everything else is permanent).
func (c *Client) Order(ctx context.Context, body []byte) error {
	return backoff.RetryNotify(func() error {
		resp, err := c.post(ctx, "/acme/new-order", body)
		if err != nil {
			var ne *NonceError
			if errors.As(err, &ne) {
				return err
			}
			return backoff.Permanent(err)
		}
		resp.Body.Close()
		return nil
	}, backoff.NewExponentialBackOff(), nil)
}
