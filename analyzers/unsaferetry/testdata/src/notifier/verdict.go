package notifier

import (
	"context"
	"fmt"
	"time"
)

// Verdict is an integration's answer to one delivery: the error, if any,
// and whether another attempt is worth it. Integrations return it instead
// of a bare error so that the stage can honour Retry-After.
type Verdict struct {
	Err        error
	Retry      bool
	RetryAfter time.Duration
}

func (v Verdict) Error() error         { return v.Err }
func (v Verdict) ShouldRetry() bool    { return v.Retry }
func (v Verdict) Delay() time.Duration { return v.RetryAfter }

// Receiver delivers alerts to one receiver and says how it went.
type Receiver interface {
	Notify(ctx context.Context, alerts ...string) Verdict
}

type VerdictStage struct {
	receiver Receiver
}

// Deliver tests the verdict's error field: a failure that may be retried
// goes round the timer loop again.
func (s *VerdictStage) Deliver(ctx context.Context, alerts ...string) error {
	tick := time.NewTimer(0)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			v := s.receiver.Notify(ctx, alerts...) // want `Receiver\.Notify .* inside a retry loop runs again on every retry`
			tick.Reset(v.RetryAfter + time.Second)
			if v.Err != nil {
				if !v.Retry {
					return v.Err
				}
				continue
			}
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// DeliverLogged takes the error from the verdict in the if statement, with
// bookkeeping between the attempt and its test.
func (s *VerdictStage) DeliverLogged(ctx context.Context, alerts ...string) error {
	tick := time.NewTimer(0)
	defer tick.Stop()
	attempts := 0
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		default:
		}
		select {
		case <-tick.C:
			start := time.Now()
			verdict := s.receiver.Notify(ctx, alerts...) // want `Receiver\.Notify .* inside a retry loop runs again on every retry`
			attempts++
			tick.Reset(max(time.Second, verdict.Delay()))
			_ = time.Since(start)
			if err := verdict.Error(); err != nil {
				if !verdict.ShouldRetry() {
					return fmt.Errorf("notify failed after %d attempts: %w", attempts, err)
				}
			} else {
				return nil
			}
		case <-ctx.Done():
		}
	}
}

// Fanout notifies each batch once: a failed verdict ends the loop and a
// success moves on to the next batch, so nothing is repeated.
func (s *VerdictStage) Fanout(ctx context.Context, batches <-chan []string) error {
	for {
		select {
		case batch, ok := <-batches:
			if !ok {
				return nil
			}
			if v := s.receiver.Notify(ctx, batch...); v.Err != nil {
				return v.Err
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
