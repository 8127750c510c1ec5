package store

import "context"

// DB is the inbox's own pool interface: adapters for pgx and database/sql
// implement it outside this package, so its methods have no body to see.
type DB interface {
	Exec(ctx context.Context, sql string, args ...any) (Result, error)
	QueryRow(ctx context.Context, sql string, args ...any) Row
}

// Result reports what a statement changed.
type Result interface{ RowsAffected() int64 }

// Row is one result row.
type Row interface{ Scan(dest ...any) error }

// Dialect adapts statements to the database in use.
type Dialect interface {
	// Rebind rewrites $n placeholders into the driver's style.
	Rebind(sql string) string
	// IsUniqueViolation reports a duplicate-key error.
	IsUniqueViolation(err error) bool
}
