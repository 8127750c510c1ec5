// Package pgconn is a stub of github.com/jackc/pgx/v5/pgconn for analyzer
// tests.
package pgconn

type CommandTag struct{ s string }

func (ct CommandTag) RowsAffected() int64 { return 0 }

type PgError struct {
	Code    string
	Message string
}

func (pe *PgError) Error() string { return pe.Message }

// SafeToRetry reports whether err is guaranteed to have occurred before
// any data was sent to the server.
func SafeToRetry(err error) bool {
	if e, ok := err.(interface{ SafeToRetry() bool }); ok {
		return e.SafeToRetry()
	}
	return false
}
