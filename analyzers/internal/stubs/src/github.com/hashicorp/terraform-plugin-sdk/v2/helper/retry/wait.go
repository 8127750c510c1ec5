// Package retry is a stub of
// github.com/hashicorp/terraform-plugin-sdk/v2/helper/retry for analyzer
// tests: the real signatures of the functions twice matches.
package retry

import (
	"context"
	"time"
)

type RetryFunc func() *RetryError

type RetryError struct {
	Err       error
	Retryable bool
}

func (e *RetryError) Unwrap() error { return e.Err }

func RetryableError(err error) *RetryError    { return &RetryError{Err: err, Retryable: true} }
func NonRetryableError(err error) *RetryError { return &RetryError{Err: err} }

func RetryContext(ctx context.Context, timeout time.Duration, f RetryFunc) error {
	for {
		rerr := f()
		if rerr == nil {
			return nil
		}
		if !rerr.Retryable {
			return rerr.Err
		}
		select {
		case <-ctx.Done():
			return rerr.Err
		case <-time.After(time.Second):
		}
	}
}

func Retry(timeout time.Duration, f RetryFunc) error {
	return RetryContext(context.Background(), timeout, f)
}
