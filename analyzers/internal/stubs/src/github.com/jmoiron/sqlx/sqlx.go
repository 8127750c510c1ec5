// Package sqlx is a stub of github.com/jmoiron/sqlx for analyzer tests: the
// real signatures of the functions twice matches.
package sqlx

import (
	"context"
	"database/sql"
)

type Row struct{ err error }

func (r *Row) Scan(dest ...interface{}) error    { return r.err }
func (r *Row) StructScan(dest interface{}) error { return r.err }

type Rows struct{ *sql.Rows }

type DB struct {
	*sql.DB
	driverName string
}

func Open(driverName, dataSourceName string) (*DB, error)    { return &DB{}, nil }
func Connect(driverName, dataSourceName string) (*DB, error) { return &DB{}, nil }

func (db *DB) MustExec(query string, args ...interface{}) sql.Result { return nil }
func (db *DB) MustExecContext(ctx context.Context, query string, args ...interface{}) sql.Result {
	return nil
}
func (db *DB) NamedExec(query string, arg interface{}) (sql.Result, error) { return nil, nil }
func (db *DB) NamedExecContext(ctx context.Context, query string, arg interface{}) (sql.Result, error) {
	return nil, nil
}
func (db *DB) Get(dest interface{}, query string, args ...interface{}) error { return nil }
func (db *DB) GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (db *DB) Select(dest interface{}, query string, args ...interface{}) error { return nil }
func (db *DB) SelectContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (db *DB) QueryRowx(query string, args ...interface{}) *Row { return &Row{} }
func (db *DB) QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row {
	return &Row{}
}
func (db *DB) Queryx(query string, args ...interface{}) (*Rows, error) { return &Rows{}, nil }
func (db *DB) Beginx() (*Tx, error)                                    { return &Tx{}, nil }
func (db *DB) BeginTxx(ctx context.Context, opts *sql.TxOptions) (*Tx, error) {
	return &Tx{}, nil
}

type Tx struct {
	*sql.Tx
}

func (tx *Tx) MustExec(query string, args ...interface{}) sql.Result { return nil }
func (tx *Tx) MustExecContext(ctx context.Context, query string, args ...interface{}) sql.Result {
	return nil
}
func (tx *Tx) NamedExec(query string, arg interface{}) (sql.Result, error) { return nil, nil }
func (tx *Tx) NamedExecContext(ctx context.Context, query string, arg interface{}) (sql.Result, error) {
	return nil, nil
}
func (tx *Tx) Get(dest interface{}, query string, args ...interface{}) error { return nil }
func (tx *Tx) GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (tx *Tx) QueryRowx(query string, args ...interface{}) *Row { return &Row{} }
