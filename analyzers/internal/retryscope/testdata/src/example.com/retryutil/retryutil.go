// Package retryutil is a company's own retry package.
package retryutil

import (
	"context"
	"time"

	backoff "github.com/cenkalti/backoff/v4"
)

// Do calls fn until it succeeds, up to attempts times.
func Do(ctx context.Context, attempts int, fn func(context.Context) error) error {
	var err error
	for i := 0; i < attempts; i++ {
		if err = fn(ctx); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(i) * 100 * time.Millisecond):
		}
	}
	return err
}

// WithBackoff wraps backoff.Retry.
func WithBackoff(op func() error) error {
	return backoff.Retry(func() error { return op() }, backoff.NewExponentialBackOff())
}

// Retrier is a roko-like retrier object.
type Retrier struct{ max int }

func NewRetrier(max int) *Retrier { return &Retrier{max: max} }

// Do retries fn.
func (r *Retrier) Do(fn func(*Retrier) error) error {
	for attempt := 0; ; attempt++ {
		err := fn(r)
		if err == nil {
			return nil
		}
		if attempt >= r.max {
			return err
		}
		time.Sleep(time.Second)
	}
}

// Option configures DoWith.
type Option func(*Retrier)

// DoWith retries fn with options: the func parameter precedes a variadic
// one.
func DoWith(fn func() error, opts ...Option) error {
	r := &Retrier{max: 3}
	for _, o := range opts {
		o(r)
	}
	return r.Do(func(*Retrier) error { return fn() })
}

// Twice calls fn twice, on purpose: not a retry.
func Twice(fn func() error) error {
	if err := fn(); err != nil {
		return err
	}
	return fn()
}

// Value retries fn until it returns a value (generic helper).
func Value[T any](ctx context.Context, attempts int, fn func(context.Context) (T, error)) (T, error) {
	var zero T
	var err error
	for i := 0; i < attempts; i++ {
		var v T
		if v, err = fn(ctx); err == nil {
			return v, nil
		}
		time.Sleep(time.Second)
	}
	return zero, err
}

// Typed is a generic retrier.
type Typed[T any] struct{ Attempts int }

// Run retries fn.
func (r *Typed[T]) Run(fn func() (T, error)) (T, error) {
	var v T
	var err error
	for i := 0; i < r.Attempts; i++ {
		if v, err = fn(); err == nil {
			return v, nil
		}
	}
	return v, err
}
