// Package backoff is a stub of github.com/cenkalti/backoff/v4 for analyzer
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

const Stop time.Duration = -1

type ExponentialBackOff struct {
	InitialInterval time.Duration
	MaxElapsedTime  time.Duration
}

func NewExponentialBackOff() *ExponentialBackOff          { return &ExponentialBackOff{} }
func (b *ExponentialBackOff) NextBackOff() time.Duration  { return Stop }
func (b *ExponentialBackOff) Reset()                      {}
func NewConstantBackOff(d time.Duration) *ConstantBackOff { return &ConstantBackOff{} }

type ConstantBackOff struct{}

func (b *ConstantBackOff) NextBackOff() time.Duration { return Stop }
func (b *ConstantBackOff) Reset()                     {}

type BackOffContext interface {
	BackOff
	Context() context.Context
}

func WithContext(b BackOff, ctx context.Context) BackOffContext { return nil }
func WithMaxRetries(b BackOff, max uint64) BackOff              { return b }

type Operation func() error
type OperationWithData[T any] func() (T, error)
type Notify func(error, time.Duration)
type Timer interface {
	Start(duration time.Duration)
	Stop()
	C() <-chan time.Time
}

type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return e.Err.Error() }
func Permanent(err error) error         { return &PermanentError{Err: err} }

func Retry(o Operation, b BackOff) error                              { return o() }
func RetryNotify(operation Operation, b BackOff, notify Notify) error { return operation() }
func RetryNotifyWithTimer(operation Operation, b BackOff, notify Notify, t Timer) error {
	return operation()
}
func RetryWithData[T any](operation OperationWithData[T], b BackOff) (T, error) { return operation() }
func RetryNotifyWithData[T any](operation OperationWithData[T], b BackOff, notify Notify) (T, error) {
	return operation()
}
