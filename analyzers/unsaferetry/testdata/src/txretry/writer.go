// Package txretry writes relationship tuples in one transaction each,
// and re-runs the transaction when the database aborted it (a
// serialization failure, a unique violation, or an error pgconn says
// came before anything was sent): the aborted attempt wrote nothing, so
// the retry is silent. A retry after a dropped connection is not: the
// COMMIT may have been executed.
package txretry

import (
	"context"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"txretry/utils"
)

const maxRetries = 3

type DataWriter struct{ pool *pgxpool.Pool }

func (w *DataWriter) write(ctx context.Context, tenant, tuple string) error {
	tx, err := w.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback(ctx) }()
	var xid uint64
	if err := tx.QueryRow(ctx, "INSERT INTO transactions (tenant_id) VALUES ($1) RETURNING id", tenant).Scan(&xid); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "INSERT INTO relation_tuples (tenant_id, tuple, xid) VALUES ($1, $2, $3)", tenant, tuple, xid); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

func (w *DataWriter) Write(ctx context.Context, tenant, tuple string) error {
	for i := 0; i <= maxRetries; i++ {
		err := w.write(ctx, tenant, tuple)
		if err != nil {
			if utils.IsSerializationRelatedError(err) || pgconn.SafeToRetry(err) {
				continue
			}
			return err
		}
		return nil
	}
	return nil
}

func (w *DataWriter) WriteAfterDrop(ctx context.Context, tenant, tuple string) error {
	for i := 0; i <= maxRetries; i++ {
		err := w.write(ctx, tenant, tuple) // want `DataWriter\.write \(INSERT INTO transactions\) inside a retry loop`
		if err != nil {
			if utils.IsConnectionError(err) {
				continue
			}
			return err
		}
		return nil
	}
	return nil
}
