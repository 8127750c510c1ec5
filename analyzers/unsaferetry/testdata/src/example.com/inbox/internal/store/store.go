// Package store is an inbox service's database layer, behind an exported
// interface of an internal package: its implementation is the one below,
// which renders every statement through a dialect and runs it on the
// service's own pool interface.
package store

import (
	"context"
	"errors"
	"fmt"

	"example.com/inbox/bus"
	"github.com/google/uuid"
)

// Store is what the workers use.
type Store interface {
	// InsertThread opens a thread under the id its caller chose.
	InsertThread(ctx context.Context, id, title string) error
	// AppendMessage adds a message to a thread.
	AppendMessage(ctx context.Context, thread, body string) error
	// SendNotice records a notice for a recipient.
	SendNotice(ctx context.Context, recipient, text string) error
	// CreateReceipt records that a thread was read, once.
	CreateReceipt(ctx context.Context, thread, reader string) error
	// SendDigest forwards a thread's digest downstream.
	SendDigest(ctx context.Context, thread string) error
	// InsertReadMark records how far a reader got: the first time it is
	// created, afterwards moved.
	InsertReadMark(ctx context.Context, reader string, pos int64) error
	// AppendNote adds a note to a thread, or only touches the thread when
	// the note is empty.
	AppendNote(ctx context.Context, thread, text string) error
}

// ErrReceiptExists is returned when the receipt was already recorded.
var ErrReceiptExists = errors.New("receipt exists")

type pgStore struct {
	db      DB
	dialect Dialect
	schema  string
	out     bus.Deliverer
}

// New returns the Postgres store.
func New(db DB, d Dialect, schema string, out bus.Deliverer) Store {
	return &pgStore{db: db, dialect: d, schema: schema, out: out}
}

// render fills the schema into a statement and rebinds its placeholders.
func (s *pgStore) render(format string, args ...any) string {
	return s.dialect.Rebind(fmt.Sprintf(format, args...))
}

func (s *pgStore) InsertThread(ctx context.Context, id, title string) error {
	q := s.render(`INSERT INTO %sthreads (id, title) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`, s.schema)
	_, err := s.db.Exec(ctx, q, id, title)
	return err
}

func (s *pgStore) AppendMessage(ctx context.Context, thread, body string) error {
	q := s.render(`INSERT INTO %smessages (thread_id, body) VALUES ($1, $2)`, s.schema)
	_, err := s.db.Exec(ctx, q, thread, body)
	return err
}

// noticeID names a notice: a new one each time.
func noticeID() (id string) {
	id = uuid.NewString()
	return id
}

func (s *pgStore) SendNotice(ctx context.Context, recipient, text string) error {
	q := s.render(`INSERT INTO %snotices (notice_id, recipient, text) VALUES ($1, $2, $3) ON CONFLICT (notice_id) DO NOTHING`, s.schema)
	id := noticeID()
	_, err := s.db.Exec(ctx, q, id, recipient, text)
	return err
}

func (s *pgStore) CreateReceipt(ctx context.Context, thread, reader string) error {
	q := s.render(`INSERT INTO %sreceipts (thread_id, reader) VALUES ($1, $2)`, s.schema)
	if _, err := s.db.Exec(ctx, q, thread, reader); err != nil {
		if s.dialect.IsUniqueViolation(err) {
			return ErrReceiptExists // (thread_id, reader) is the key: already recorded
		}
		return err
	}
	return nil
}

func (s *pgStore) SendDigest(ctx context.Context, thread string) error {
	var title string
	q := s.render(`SELECT title FROM %sthreads WHERE id = $1`, s.schema)
	if err := s.db.QueryRow(ctx, q, thread).Scan(&title); err != nil {
		return err
	}
	return s.out.Deliver(ctx, []byte(title))
}

func (s *pgStore) InsertReadMark(ctx context.Context, reader string, pos int64) error {
	last := int64(-1)
	q := s.render(`SELECT pos FROM %sread_marks WHERE reader = $1`, s.schema)
	if err := s.db.QueryRow(ctx, q, reader).Scan(&last); err != nil {
		last = -1
	}
	return s.writeMark(ctx, reader, pos, last)
}

// writeMark creates the reader's row or moves it, as the caller found it.
func (s *pgStore) writeMark(ctx context.Context, reader string, pos, last int64) error {
	if last < 0 {
		_, err := s.db.Exec(ctx, s.render(`INSERT INTO %sread_marks (reader, pos) VALUES ($1, $2)`, s.schema), reader, pos)
		return err
	}
	_, err := s.db.Exec(ctx, s.render(`UPDATE %sread_marks SET pos = $2 WHERE reader = $1`, s.schema), reader, pos)
	return err
}

func (s *pgStore) AppendNote(ctx context.Context, thread, text string) error {
	if text != "" {
		_, err := s.db.Exec(ctx, s.render(`INSERT INTO %snotes (thread_id, text) VALUES ($1, $2)`, s.schema), thread, text)
		return err
	}
	_, err := s.db.Exec(ctx, s.render(`UPDATE %sthreads SET touched_at = now() WHERE id = $1`, s.schema), thread)
	return err
}
