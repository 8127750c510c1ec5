// Package retryx is the shop's own retry helper.
package retryx

import (
	"context"
	"fmt"
	"time"
)

// Do calls op until it succeeds, ctx is done or attempts run out, backing
// off exponentially in between.
func Do(ctx context.Context, attempts int, op func(context.Context) error) error {
	var err error
	for i := 0; i < attempts; i++ {
		if err = op(ctx); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(1<<i) * 50 * time.Millisecond):
		}
	}
	return fmt.Errorf("giving up after %d attempts: %w", attempts, err)
}
