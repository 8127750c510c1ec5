// Package settle charges orders from a job queue whose worker re-runs
// failed jobs. Submit only queues the job, so the retry is invisible to the
// analysis unless the plugin settings name Submit as a retry function.
package settle

import "context"

// Charges is the payment provider's client (a generated SDK interface).
type Charges interface {
	Create(ctx context.Context, orderID string, cents int64) error
}

// Queue is a background job queue.
type Queue struct {
	jobs chan func() error
}

// Submit queues run; the worker runs it until it succeeds.
func (q *Queue) Submit(run func() error) {
	q.jobs <- run
}

// Settle charges the order from the queue.
func Settle(ctx context.Context, q *Queue, charges Charges, orderID string, cents int64) {
	q.Submit(func() error {
		return charges.Create(ctx, orderID, cents) // want `(?i)create`
	})
}
