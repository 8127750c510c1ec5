// Package retryutil is the platform's own retry helper: exponential
// backoff with jitter around any operation.
package retryutil

import (
	"context"
	"math/rand"
	"time"
)

// Policy says how often and how long to retry.
type Policy struct {
	Attempts int
	Base     time.Duration
}

// Default is three attempts from 100ms.
var Default = Policy{Attempts: 3, Base: 100 * time.Millisecond}

// Do calls op until it succeeds, the attempts are used up or ctx ends.
func Do(ctx context.Context, p Policy, op func(context.Context) error) error {
	var err error
	for attempt := 0; attempt < p.Attempts; attempt++ {
		if err = op(ctx); err == nil {
			return nil
		}
		d := p.Base<<attempt + time.Duration(rand.Int63n(int64(p.Base)))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(d):
		}
	}
	return err
}

// Each calls fn once per item (no retry): a batch helper.
func Each[T any](ctx context.Context, items []T, fn func(context.Context, T) error) error {
	for _, it := range items {
		if err := fn(ctx, it); err != nil {
			return err
		}
	}
	return nil
}
