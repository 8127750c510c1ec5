// Package workflow is a stub of go.temporal.io/sdk/workflow: the calls
// that schedule activities, which the server retries by default.
package workflow

import (
	"time"

	"go.temporal.io/sdk/temporal"
)

type Context interface {
	Value(key interface{}) interface{}
}

type Future interface {
	Get(ctx Context, valuePtr interface{}) error
}

type ActivityOptions struct {
	TaskQueue              string
	ScheduleToCloseTimeout time.Duration
	StartToCloseTimeout    time.Duration
	HeartbeatTimeout       time.Duration
	RetryPolicy            *temporal.RetryPolicy
}

type LocalActivityOptions struct {
	ScheduleToCloseTimeout time.Duration
	StartToCloseTimeout    time.Duration
	RetryPolicy            *temporal.RetryPolicy
}

func WithActivityOptions(ctx Context, options ActivityOptions) Context { return ctx }

func WithLocalActivityOptions(ctx Context, options LocalActivityOptions) Context { return ctx }

func ExecuteActivity(ctx Context, activity interface{}, args ...interface{}) Future { return nil }

func ExecuteLocalActivity(ctx Context, activity interface{}, args ...interface{}) Future { return nil }
