package ratelimit

import (
	"context"
	"database/sql"
	"errors"
)

// MySQLError is a driver's error with the server's error number.
type MySQLError struct {
	Number  uint16
	Message string
}

func (e *MySQLError) Error() string { return e.Message }

// Error numbers, untyped as drivers and servers publish them.
const (
	ErrLockDeadlock  = 1213
	ErrWriteConflict = 9007
	ErrQueryTimeout  = 3024
)

// retryableDeadlock holds for a deadlock or a write conflict: the server
// rolled the statement back.
func retryableDeadlock(err error) bool {
	var m *MySQLError
	if !errors.As(err, &m) {
		return false
	}
	switch m.Number {
	case ErrLockDeadlock, ErrWriteConflict:
		return true
	}
	return false
}

// retryableAny also retries a query timeout, after which the statement
// may have been applied.
func retryableAny(err error) bool {
	var m *MySQLError
	if !errors.As(err, &m) {
		return false
	}
	return m.Number == ErrLockDeadlock || m.Number == ErrQueryTimeout
}

// AddChunk retries its INSERT only after a deadlock or a write conflict.
func AddChunk(ctx context.Context, db *sql.DB) error {
	var err error
	for i := 0; i < 10; i++ {
		_, err = db.ExecContext(ctx, "INSERT INTO chunk VALUES (?, ?)", 1, 2)
		if err == nil || !retryableDeadlock(err) {
			return err
		}
	}
	return err
}

// AddChunkAfterTimeout also retries after a query timeout.
func AddChunkAfterTimeout(ctx context.Context, db *sql.DB) error {
	var err error
	for i := 0; i < 10; i++ {
		_, err = db.ExecContext(ctx, "INSERT INTO chunk VALUES (?, ?)", 1, 2) // want `INSERT INTO chunk inside a retry loop`
		if err == nil || !retryableAny(err) {
			return err
		}
	}
	return err
}
