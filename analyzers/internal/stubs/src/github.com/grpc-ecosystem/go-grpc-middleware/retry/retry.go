// Package grpc_retry is a stub of github.com/grpc-ecosystem/go-grpc-middleware/retry for analyzer
// tests: the real signatures of the functions twice matches.
package grpc_retry

import (
	"context"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
)

type options struct {
	max uint
}

type CallOption struct {
	grpc.EmptyCallOption
	applyFunc func(opt *options)
}

type BackoffFunc func(ctx context.Context, attempt uint) time.Duration

func WithMax(maxRetries uint) CallOption {
	return CallOption{applyFunc: func(o *options) { o.max = maxRetries }}
}
func WithBackoff(bf BackoffFunc) CallOption                { return CallOption{} }
func WithCodes(retryCodes ...codes.Code) CallOption        { return CallOption{} }
func WithPerRetryTimeout(timeout time.Duration) CallOption { return CallOption{} }
func Disable() CallOption                                  { return WithMax(0) }

func BackoffLinear(waitBetween time.Duration) BackoffFunc { return nil }
func BackoffExponential(scalar time.Duration) BackoffFunc { return nil }

func UnaryClientInterceptor(optFuncs ...CallOption) grpc.UnaryClientInterceptor {
	return nil
}
