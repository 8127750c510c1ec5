package loops

import (
	"context"
	"time"
)

// Replicator pushes log entries to a follower.
type Replicator struct {
	trigger   chan struct{}
	stopCh    chan struct{}
	nextIndex uint64
	lastIndex uint64
}

func (r *Replicator) send(ctx context.Context, from, to uint64) (term uint64, err error) {
	return 0, nil
}

// writeBatch reports whether the batch was delivered: false after a failed
// send, true once it went through. `for !done { done = writeBatch() }`
// goes round until the send succeeded: a retry.
func (r *Replicator) writeBatch(ctx context.Context) bool {
	if _, err := r.send(ctx, r.nextIndex, r.lastIndex); err != nil {
		return false
	}
	return true
}

// DeliverOnce retries the batch on a backoff timer until it was delivered.
func (r *Replicator) DeliverOnce(ctx context.Context) {
	done := false
	for !done {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
			done = r.writeBatch(ctx) // want "retried by a retry loop"
		}
	}
}

// writeTo replicates up to last and reports whether replication must stop
// (a newer term was seen). Its result is false after a failed send and
// false after a successful one: it says "stop", not "done".
func (r *Replicator) writeTo(ctx context.Context, last uint64) (shouldStop bool) {
	term, err := r.send(ctx, r.nextIndex, last)
	if err != nil {
		return
	}
	if term > 1 {
		return true
	}
	r.nextIndex = last + 1
	return
}

// Run is the follower's event loop: every trigger replicates whatever is
// new, whether the last round succeeded or not, until a newer term stops
// it. A loop that goes round after a success is not a retry.
func (r *Replicator) Run(ctx context.Context) {
	shouldStop := false
	for !shouldStop {
		select {
		case <-r.stopCh:
			r.writeTo(ctx, r.lastIndex)
			return
		case <-r.trigger:
			shouldStop = r.writeTo(ctx, r.lastIndex)
		case <-time.After(time.Second):
			shouldStop = r.writeTo(ctx, r.lastIndex)
		}
	}
}
