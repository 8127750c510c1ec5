// Package pgx is a stub of github.com/jackc/pgx/v4 for analyzer tests: the
// real signatures of the functions twice matches.
package pgx

import (
	"context"
	"errors"

	"github.com/jackc/pgconn"
)

var ErrNoRows = errors.New("no rows in result set")

type Row interface {
	Scan(dest ...interface{}) error
}

type Rows interface {
	Close()
	Err() error
	Next() bool
	Scan(dest ...interface{}) error
}

type Batch struct{}

func (b *Batch) Queue(query string, arguments ...interface{}) {}

type BatchResults interface {
	Exec() (pgconn.CommandTag, error)
	Close() error
}

type TxOptions struct{}

type Tx interface {
	Begin(ctx context.Context) (Tx, error)
	Commit(ctx context.Context) error
	Rollback(ctx context.Context) error
	Exec(ctx context.Context, sql string, arguments ...interface{}) (commandTag pgconn.CommandTag, err error)
	Query(ctx context.Context, sql string, args ...interface{}) (Rows, error)
	QueryRow(ctx context.Context, sql string, args ...interface{}) Row
	SendBatch(ctx context.Context, b *Batch) BatchResults
}

type Conn struct{}

func Connect(ctx context.Context, connString string) (*Conn, error) { return &Conn{}, nil }

func (c *Conn) Exec(ctx context.Context, sql string, arguments ...interface{}) (pgconn.CommandTag, error) {
	return nil, nil
}
func (c *Conn) Query(ctx context.Context, sql string, args ...interface{}) (Rows, error) {
	return nil, nil
}
func (c *Conn) QueryRow(ctx context.Context, sql string, args ...interface{}) Row { return nil }
func (c *Conn) Begin(ctx context.Context) (Tx, error)                             { return nil, nil }
func (c *Conn) SendBatch(ctx context.Context, b *Batch) BatchResults              { return nil }
func (c *Conn) Close(ctx context.Context) error                                   { return nil }
