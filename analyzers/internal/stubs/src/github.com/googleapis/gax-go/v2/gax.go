// Package gax is a minimal stub of github.com/googleapis/gax-go/v2, the
// call machinery of Google's generated Cloud clients.
package gax

import (
	"context"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
)

type CallSettings struct {
	GRPC []grpc.CallOption
	// Path overrides a REST call's path when set.
	Path string
}

type CallOption interface{ Resolve(*CallSettings) }

type APICall func(context.Context, CallSettings) error

type Retryer interface {
	Retry(err error) (pause time.Duration, shouldRetry bool)
}

type Backoff struct {
	Initial    time.Duration
	Max        time.Duration
	Multiplier float64
}

type option struct{}

func (option) Resolve(*CallSettings) {}

// Invoke calls call, retrying it as the WithRetry option among opts says.
func Invoke(ctx context.Context, call APICall, opts ...CallOption) error {
	var s CallSettings
	for _, o := range opts {
		o.Resolve(&s)
	}
	return call(ctx, s)
}

func WithRetry(fn func() Retryer) CallOption { return option{} }

func WithTimeout(t time.Duration) CallOption { return option{} }

func OnCodes(cc []codes.Code, bo Backoff) Retryer { return nil }

func InsertMetadataIntoOutgoingContext(ctx context.Context, mds ...string) context.Context {
	return ctx
}
