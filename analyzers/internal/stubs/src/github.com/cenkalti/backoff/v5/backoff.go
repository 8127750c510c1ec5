// Package backoff is a stub of github.com/cenkalti/backoff/v5 for analyzer
// tests: the real signatures of the functions twice matches, minimal bodies.
package backoff

import (
	"context"
	"time"
)

type BackOff interface {
	NextBackOff() time.Duration
	Reset()
}

type ExponentialBackOff struct{ InitialInterval time.Duration }

func NewExponentialBackOff() *ExponentialBackOff         { return &ExponentialBackOff{} }
func (b *ExponentialBackOff) NextBackOff() time.Duration { return -1 }
func (b *ExponentialBackOff) Reset()                     {}

type Operation[T any] func() (T, error)
type Notify func(error, time.Duration)
type RetryOption func(*retryOptions)
type retryOptions struct{ maxTries uint }

func WithBackOff(b BackOff) RetryOption              { return func(*retryOptions) {} }
func WithMaxTries(n uint) RetryOption                { return func(o *retryOptions) { o.maxTries = n } }
func WithMaxElapsedTime(d time.Duration) RetryOption { return func(*retryOptions) {} }
func WithNotify(n Notify) RetryOption                { return func(*retryOptions) {} }

type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return e.Err.Error() }
func Permanent(err error) error         { return &PermanentError{Err: err} }

func Retry[T any](ctx context.Context, operation Operation[T], opts ...RetryOption) (T, error) {
	return operation()
}
