// Package retry is a local stand-in for github.com/avast/retry-go/v4 with
// the real signatures of the API the fixtures use.
package retry

import (
	"context"
	"time"
)

// RetryableFunc is the operation Do retries.
type RetryableFunc func() error

// Option configures Do.
type Option func(*Config)

// Config holds Do's options.
type Config struct {
	attempts uint
	delay    time.Duration
	ctx      context.Context
}

// Attempts sets how many times the operation runs at most.
func Attempts(attempts uint) Option { return func(c *Config) { c.attempts = attempts } }

// Delay sets the pause between attempts.
func Delay(delay time.Duration) Option { return func(c *Config) { c.delay = delay } }

// Context stops retrying when ctx is done.
func Context(ctx context.Context) Option { return func(c *Config) { c.ctx = ctx } }

// Do runs retryableFunc until it returns nil or the attempts run out.
func Do(retryableFunc RetryableFunc, opts ...Option) error {
	c := &Config{attempts: 10, delay: 100 * time.Millisecond, ctx: context.Background()}
	for _, o := range opts {
		o(c)
	}
	var err error
	for n := uint(0); n < c.attempts; n++ {
		if err = retryableFunc(); err == nil {
			return nil
		}
		select {
		case <-c.ctx.Done():
			return c.ctx.Err()
		case <-time.After(c.delay):
		}
	}
	return err
}
