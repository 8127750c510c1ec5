// Package retry is a stub of github.com/sethvargo/go-retry for analyzer
// tests: the real signatures of the functions twice matches, minimal bodies.
package retry

import (
	"context"
	"time"
)

type Backoff interface {
	Next() (next time.Duration, stop bool)
}

type RetryFunc func(ctx context.Context) error
type RetryFuncValue[T any] func(ctx context.Context) (T, error)

func NewExponential(base time.Duration) Backoff                  { return nil }
func NewConstant(t time.Duration) Backoff                        { return nil }
func NewFibonacci(base time.Duration) Backoff                    { return nil }
func WithMaxRetries(max uint64, next Backoff) Backoff            { return next }
func WithCappedDuration(cap time.Duration, next Backoff) Backoff { return next }
func RetryableError(err error) error                             { return err }

func Do(ctx context.Context, b Backoff, f RetryFunc) error { return f(ctx) }
func DoValue[T any](ctx context.Context, b Backoff, f RetryFuncValue[T]) (T, error) {
	return f(ctx)
}
