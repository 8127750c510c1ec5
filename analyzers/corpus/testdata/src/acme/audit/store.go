// Package audit stores audit events with sqlx and prepared statements.
package audit

import (
	"context"
	"database/sql"
	"time"

	"github.com/jmoiron/sqlx"
)

// Event is one audit event.
type Event struct {
	ID     string    `db:"id"`
	Actor  string    `db:"actor"`
	Action string    `db:"action"`
	At     time.Time `db:"at"`
}

// Store writes audit events.
type Store struct {
	db  *sqlx.DB
	raw *sql.DB
}

// Record inserts with NamedExec, retried by a loop on any error.
func (s *Store) Record(ctx context.Context, e Event) error {
	var err error
	for i := 0; i < 3; i++ {
		if _, err = s.db.NamedExecContext(ctx, `INSERT INTO audit_events (id, actor, action, at) VALUES (:id, :actor, :action, :at)`, e); err == nil { // want `INSERT INTO audit_events inside a retry loop runs again on every retry`
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return err
}

// RecordOnce inserts with ON CONFLICT (id) DO NOTHING in the same loop.
func (s *Store) RecordOnce(ctx context.Context, e Event) error {
	var err error
	for i := 0; i < 3; i++ {
		if _, err = s.db.NamedExecContext(ctx, `INSERT INTO audit_events (id, actor, action, at) VALUES (:id, :actor, :action, :at) ON CONFLICT (id) DO NOTHING`, e); err == nil {
			return nil
		}
	}
	return err
}

// RecordBatch prepares once and inserts each event: distinct items.
func (s *Store) RecordBatch(ctx context.Context, events []Event) error {
	stmt, err := s.raw.PrepareContext(ctx, `INSERT INTO audit_events (id, actor, action, at) VALUES ($1, $2, $3, $4)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, e := range events {
		if _, err := stmt.ExecContext(ctx, e.ID, e.Actor, e.Action, e.At); err != nil {
			return err
		}
	}
	return nil
}

// Purge deletes old events in a retry loop: deleting twice is harmless.
func (s *Store) Purge(ctx context.Context, before time.Time) error {
	var err error
	for i := 0; i < 3; i++ {
		if _, err = s.raw.ExecContext(ctx, `DELETE FROM audit_events WHERE at < $1`, before); err == nil {
			return nil
		}
	}
	return err
}

// Count reads with sqlx Get in a retry loop.
func (s *Store) Count(ctx context.Context, actor string) (int, error) {
	var n int
	var err error
	for i := 0; i < 3; i++ {
		if err = s.db.GetContext(ctx, &n, `SELECT count(*) FROM audit_events WHERE actor = $1`, actor); err == nil {
			return n, nil
		}
	}
	return 0, err
}
