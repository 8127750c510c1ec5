// Package runner retries the store's writes on transient database errors.
package runner

import (
	"context"
	"time"

	"example.com/jobs/internal/store"
)

func retry(ctx context.Context, f func() error) error {
	var err error
	for i := 0; i < 5; i++ {
		if err = f(); err == nil {
			return nil
		}
		time.Sleep(time.Duration(i) * 100 * time.Millisecond)
	}
	return err
}

// Start records the workflow: the implementation is an upsert on the id,
// so the retry is safe although the method is named like an insert.
func Start(ctx context.Context, s store.Store, id string) error {
	return retry(ctx, func() error { return s.InsertWorkflow(ctx, id) })
}

// Notify appends a message: the implementation is a plain INSERT, so a
// retried attempt whose commit was not acknowledged adds a second row.
func Notify(ctx context.Context, s store.Store, id, body string) error {
	return retry(ctx, func() error { return s.SendMessage(ctx, id, body) }) // want `SendMessage`
}
