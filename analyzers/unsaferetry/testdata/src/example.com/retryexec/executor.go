// Package retryexec is a retry executor that holds the operation in a
// field: Execute runs ExecutionHandler until it says not to go round
// again, up to MaxRetries more times. Its callers put the operation in
// the field, so they are where a retried write is reported.
package retryexec

import (
	"context"
	"time"
)

// ExecutionHandlerFunc runs one attempt; shouldRetry asks for another.
type ExecutionHandlerFunc func() (shouldRetry bool, err error)

type RetryExecutor struct {
	Context          context.Context
	MaxRetries       int
	Interval         time.Duration
	ExecutionHandler ExecutionHandlerFunc
}

func (r *RetryExecutor) Execute() error {
	var err error
	var shouldRetry bool
	for i := 0; i <= r.MaxRetries; i++ {
		shouldRetry, err = r.ExecutionHandler()
		if !shouldRetry {
			return err
		}
		if r.Context != nil && r.Context.Err() != nil {
			return r.Context.Err()
		}
		time.Sleep(r.Interval)
	}
	return err
}

// Describe calls a func field too, but once, with no loop: not a retry.
type Describer struct {
	Format func(string) string
}

func (d *Describer) Describe(s string) string { return d.Format(s) }

// Links retries the func its caller gives it, recovering the link through
// a func field of its own between attempts: the func argument is what is
// retried, not the field.
type Links struct {
	Recover func() error
}

func (l *Links) Retry(fn func() error) error {
	var err error
	for i := 0; i < 3; i++ {
		if i > 0 {
			if rerr := l.Recover(); rerr != nil {
				return rerr
			}
		}
		if err = fn(); err == nil {
			return nil
		}
	}
	return err
}
