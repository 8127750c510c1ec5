// Package retry is a stub of github.com/avast/retry-go for analyzer tests:
// the real signatures of the functions twice matches, with minimal bodies.
package retry

import (
	"context"
	"time"
)

type RetryableFunc func() error

type Option func(*Config)

type Config struct {
	attempts uint
	ctx      context.Context
}

func Attempts(attempts uint) Option                  { return func(c *Config) { c.attempts = attempts } }
func Delay(delay time.Duration) Option               { return func(*Config) {} }
func Context(ctx context.Context) Option             { return func(c *Config) { c.ctx = ctx } }
func LastErrorOnly(lastErrorOnly bool) Option        { return func(*Config) {} }
func RetryIf(retryIf func(error) bool) Option        { return func(*Config) {} }
func OnRetry(onRetry func(n uint, err error)) Option { return func(*Config) {} }

func Unrecoverable(err error) error { return err }

func Do(retryableFunc RetryableFunc, opts ...Option) error {
	for i := 0; i < 3; i++ {
		if err := retryableFunc(); err == nil {
			return nil
		}
	}
	return nil
}

type RetryableFuncWithData[T any] func() (T, error)

func DoWithData[T any](retryableFunc RetryableFuncWithData[T], opts ...Option) (T, error) {
	return retryableFunc()
}
