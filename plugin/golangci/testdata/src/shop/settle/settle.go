// Package settle charges orders from a job queue whose worker re-runs
// failed jobs. Submit only queues the job, so the retry is invisible to the
// analysis unless the plugin settings name Submit as a retry function.
package settle

import "context"

// Charges, the payment provider's client, is in charges.go: each Create
// posts a charge, which the provider numbers, so a re-run charges again.
// (The lines above Settle keep their count: tests name settle.go:26 as
// the finding's position.)

// Queue is a background job queue.
type Queue struct {
	jobs chan func() error
}

// Submit queues run; the worker runs it until it succeeds.
func (q *Queue) Submit(run func() error) {
	q.jobs <- run
}

// Settle charges the order from the queue.
func Settle(ctx context.Context, q *Queue, charges *Charges, orderID string, cents int64) {
	q.Submit(func() error {
		return charges.Create(ctx, orderID, cents) // want `(?i)create`
	})
}
