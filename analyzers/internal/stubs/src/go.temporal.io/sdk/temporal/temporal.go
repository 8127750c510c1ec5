// Package temporal is a stub of go.temporal.io/sdk/temporal: the retry
// policy of activities.
package temporal

import "time"

// RetryPolicy says how the server retries a failed activity. A zero
// MaximumAttempts means unlimited; 1 disables retries.
type RetryPolicy struct {
	InitialInterval        time.Duration
	BackoffCoefficient     float64
	MaximumInterval        time.Duration
	MaximumAttempts        int32
	NonRetryableErrorTypes []string
}
