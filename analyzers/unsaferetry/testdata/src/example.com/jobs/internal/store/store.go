// Package store is a job service's system database, behind an exported
// interface of an internal package: only the service's own packages use
// it, and its implementations are the ones below.
package store

import (
	"context"
	"database/sql"
)

// Store records workflows and messages.
type Store interface {
	// InsertWorkflow records a workflow under the id its caller chose.
	InsertWorkflow(ctx context.Context, id string) error
	// SendMessage appends a message to a workflow's inbox.
	SendMessage(ctx context.Context, id, body string) error
}

type pgStore struct{ db *sql.DB }

// New returns the Postgres store.
func New(db *sql.DB) Store { return &pgStore{db: db} }

func (s *pgStore) InsertWorkflow(ctx context.Context, id string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO workflows (id, status) VALUES ($1, 'PENDING') ON CONFLICT (id) DO NOTHING`, id)
	return err
}

func (s *pgStore) SendMessage(ctx context.Context, id, body string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO messages (workflow_id, body) VALUES ($1, $2)`, id, body)
	return err
}
