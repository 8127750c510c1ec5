// Package retryutil is the platform team's retry helper.
package retryutil

import (
	"context"
	"time"
)

// Policy bounds the attempts.
type Policy struct {
	Attempts int
	Delay    time.Duration
}

// Do calls fn until it succeeds or the policy gives up.
func Do(ctx context.Context, p Policy, fn func(context.Context) error) error {
	var err error
	for attempt := 0; attempt < p.Attempts; attempt++ {
		if err = fn(ctx); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(p.Delay):
		}
	}
	return err
}

// Default retries with the default policy: a helper through Do.
func Default(ctx context.Context, fn func(context.Context) error) error {
	return Do(ctx, Policy{Attempts: 3, Delay: time.Second}, fn)
}
