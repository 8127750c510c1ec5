// Package retries runs an attempt until it succeeds, is halted, or time
// runs out.
package retries

import (
	"context"
	"errors"
	"time"
)

// Err is an attempt's failure: Halt stops the retries.
type Err struct {
	Err  error
	Halt bool
}

func (e *Err) Error() string { return e.Err.Error() }

// Halt stops retrying with err.
func Halt(err error) *Err { return &Err{Err: err, Halt: true} }

// Continue retries after err.
func Continue(err error) *Err { return &Err{Err: err} }

// Retrier retries an operation until it succeeds or its timeout.
type Retrier[T any] struct {
	timeout     time.Duration
	shouldRetry func(error) bool
}

// New returns a retrier.
func New[T any](timeout time.Duration, shouldRetry func(error) bool) Retrier[T] {
	return Retrier[T]{timeout: timeout, shouldRetry: shouldRetry}
}

// Run runs fn until it succeeds, a failure it should not retry, or the
// timeout.
func (r Retrier[T]) Run(ctx context.Context, fn func(context.Context) (*T, error)) (*T, error) {
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	for {
		entity, err := fn(ctx)
		if err == nil {
			return entity, nil
		}
		if !r.shouldRetry(err) {
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

func shouldRetry(err error) bool {
	var e *Err
	return errors.As(err, &e) && !e.Halt
}

// Poll calls fn until it returns no error or a halting one.
func Poll[T any](ctx context.Context, timeout time.Duration, fn func() (*T, *Err)) (*T, error) {
	return New[T](timeout, shouldRetry).Run(ctx, func(context.Context) (*T, error) {
		res, err := fn()
		if err != nil {
			return res, err
		}
		return res, nil
	})
}
