package apperrors

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
)

type Ledger struct {
	db *sql.DB
}

const insertInvoice = `INSERT INTO invoices (id, account, amount) VALUES ($1, $2, $3)`

func (l *Ledger) refresh(ctx context.Context) error { return nil }

// AddInvoice re-runs the INSERT only after the store said the row was
// stale: every other error returns.
func (l *Ledger) AddInvoice(ctx context.Context, id, account string, amount int64) error {
	for attempt := 0; attempt < 3; attempt++ {
		_, err := l.db.ExecContext(ctx, insertInvoice, id, account, amount)
		if err == nil {
			return nil
		}
		if errors.Is(err, ErrStale) {
			if err := l.refresh(ctx); err != nil {
				return err
			}
			continue
		}
		return err
	}
	return ErrStale
}

// AddInvoiceQuota waits and goes round only on a *QuotaError.
func (l *Ledger) AddInvoiceQuota(ctx context.Context, id, account string, amount int64) error {
	for {
		_, err := l.db.ExecContext(ctx, insertInvoice, id, account, amount)
		if err != nil {
			if _, ok := err.(*QuotaError); ok {
				time.Sleep(time.Second)
				continue
			}
			return err
		}
		return nil
	}
}

// AddInvoiceCoded goes round only on the coded quota sentinel.
func (l *Ledger) AddInvoiceCoded(ctx context.Context, id, account string, amount int64) error {
	var err error
	for range 3 {
		if _, err = l.db.ExecContext(ctx, insertInvoice, id, account, amount); err == nil || !errors.Is(err, ErrQuotaSpent) {
			return err
		}
		time.Sleep(time.Second)
	}
	return err
}

// AddInvoiceStaleOrTimeout also goes round on a deadline: the INSERT may
// have been committed when the deadline hit.
func (l *Ledger) AddInvoiceStaleOrTimeout(ctx context.Context, id, account string, amount int64) error {
	for attempt := 0; attempt < 3; attempt++ {
		_, err := l.db.ExecContext(ctx, insertInvoice, id, account, amount) // want `INSERT INTO invoices inside a retry loop runs again on every retry`
		if err == nil {
			return nil
		}
		if errors.Is(err, ErrStale) || errors.Is(err, context.DeadlineExceeded) {
			continue
		}
		return err
	}
	return ErrStale
}

// AddInvoiceSessionGone goes round on a sentinel of the module whose text
// says the connection was closed.
func (l *Ledger) AddInvoiceSessionGone(ctx context.Context, id, account string, amount int64) error {
	for attempt := 0; attempt < 3; attempt++ {
		_, err := l.db.ExecContext(ctx, insertInvoice, id, account, amount) // want `INSERT INTO invoices inside a retry loop runs again on every retry`
		if errors.Is(err, ErrSessionGone) {
			continue
		}
		return err
	}
	return ErrSessionGone
}

// AddInvoiceFlushed goes round on a sentinel wrapping io.EOF.
func (l *Ledger) AddInvoiceFlushed(ctx context.Context, id, account string, amount int64) error {
	for attempt := 0; attempt < 3; attempt++ {
		_, err := l.db.ExecContext(ctx, insertInvoice, id, account, amount) // want `INSERT INTO invoices inside a retry loop runs again on every retry`
		if err != nil && errors.Is(err, ErrFlushed) {
			continue
		}
		return err
	}
	return nil
}

// AddInvoiceDeadline goes round on a sentinel named for a deadline.
func (l *Ledger) AddInvoiceDeadline(ctx context.Context, id, account string, amount int64) error {
	for attempt := 0; attempt < 3; attempt++ {
		_, err := l.db.ExecContext(ctx, insertInvoice, id, account, amount) // want `INSERT INTO invoices inside a retry loop runs again on every retry`
		if err == ErrDeadlineHit {
			continue
		}
		return err
	}
	return nil
}

// AddInvoiceAnyError goes round on any error.
func (l *Ledger) AddInvoiceAnyError(ctx context.Context, id, account string, amount int64) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = l.db.ExecContext(ctx, insertInvoice, id, account, amount); err == nil { // want `INSERT INTO invoices inside a retry loop runs again on every retry`
			return nil
		}
	}
	return err
}

// AddInvoiceAllBut goes round on every error except one: a stale version
// ends the loop, anything else (a timeout) goes round.
func (l *Ledger) AddInvoiceAllBut(ctx context.Context, id, account string, amount int64) error {
	for attempt := 0; attempt < 3; attempt++ {
		_, err := l.db.ExecContext(ctx, insertInvoice, id, account, amount) // want `INSERT INTO invoices inside a retry loop runs again on every retry`
		if err != nil && !errors.Is(err, ErrStale) {
			continue
		}
		return err
	}
	return nil
}

// AddInvoiceText goes round when the driver's message says the id is
// taken; a message about a reset connection is ambiguous.
func (l *Ledger) AddInvoiceText(ctx context.Context, id, account string, amount int64) error {
	for attempt := 0; attempt < 3; attempt++ {
		_, err := l.db.ExecContext(ctx, insertInvoice, id, account, amount)
		if err != nil && strings.Contains(err.Error(), "duplicate key value") {
			id = id + "-1"
			continue
		}
		return err
	}
	return nil
}

func (l *Ledger) AddInvoiceResetText(ctx context.Context, id, account string, amount int64) error {
	for attempt := 0; attempt < 3; attempt++ {
		_, err := l.db.ExecContext(ctx, insertInvoice, id, account, amount) // want `INSERT INTO invoices inside a retry loop runs again on every retry`
		if err != nil && strings.Contains(err.Error(), "connection reset") {
			continue
		}
		return err
	}
	return nil
}

// AddInvoiceCodeStale goes round when the store's code says stale.
func (l *Ledger) AddInvoiceCodeStale(ctx context.Context, id, account string, amount int64) error {
	for attempt := 0; attempt < 3; attempt++ {
		_, err := l.db.ExecContext(ctx, insertInvoice, id, account, amount)
		var se *StoreError
		if errors.As(err, &se) && se.Code == CodeStale {
			continue
		}
		return err
	}
	return nil
}

// AddInvoiceCodeUnavailable goes round when the store's code says it was
// unavailable: the statement may have run.
func (l *Ledger) AddInvoiceCodeUnavailable(ctx context.Context, id, account string, amount int64) error {
	for attempt := 0; attempt < 3; attempt++ {
		_, err := l.db.ExecContext(ctx, insertInvoice, id, account, amount) // want `INSERT INTO invoices inside a retry loop runs again on every retry`
		var se *StoreError
		if errors.As(err, &se) && se.Code == CodeUnavailable {
			continue
		}
		return err
	}
	return nil
}

// AddInvoiceWrapped goes round on any *WriteError, whatever its cause.
func (l *Ledger) AddInvoiceWrapped(ctx context.Context, id, account string, amount int64) error {
	for attempt := 0; attempt < 3; attempt++ {
		_, err := l.db.ExecContext(ctx, insertInvoice, id, account, amount) // want `INSERT INTO invoices inside a retry loop runs again on every retry`
		var we *WriteError
		if errors.As(err, &we) {
			continue
		}
		return err
	}
	return nil
}

// withSession runs action again only when it failed with ErrSessionGone,
// written as a mismatch test: every other outcome, success included,
// returns. ErrSessionGone's text says the connection closed, so the
// INSERT below may have been applied before the session went.
func (l *Ledger) withSession(ctx context.Context, action func(*sql.DB) error) (err error) {
	for range 3 {
		err = action(l.db)
		if err != ErrSessionGone {
			return
		}
	}
	return
}

func (l *Ledger) AddInvoiceSession(ctx context.Context, id, account string, amount int64) error {
	return l.withSession(ctx, func(db *sql.DB) error {
		_, err := db.ExecContext(ctx, insertInvoice, id, account, amount) // want `INSERT INTO invoices inside Ledger.withSession \(retries its func argument\) runs again on every retry`
		return err
	})
}

// AddInvoiceUntilFresh goes round only on the stale-version error, in the
// same mismatch form: silent.
func (l *Ledger) AddInvoiceUntilFresh(ctx context.Context, id, account string, amount int64) (err error) {
	for range 3 {
		_, err = l.db.ExecContext(ctx, insertInvoice, id, account, amount)
		if err != ErrStale {
			return err
		}
	}
	return err
}
