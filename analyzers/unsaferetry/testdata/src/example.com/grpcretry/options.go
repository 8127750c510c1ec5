// Package grpcretry builds the dial options a client library installs on
// its connections: a retry interceptor on unary calls, its options in a
// local slice spread into the interceptor.
package grpcretry

import (
	grpc_retry "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
)

const maxRetries = 5

// DialOptions returns the retrying dial options, or none when disabled.
func DialOptions(enabled bool) []grpc.DialOption {
	if !enabled {
		return nil
	}
	opts := []grpc_retry.CallOption{
		grpc_retry.WithMax(maxRetries),
		grpc_retry.WithCodes(codes.Unavailable, codes.DeadlineExceeded),
	}
	return []grpc.DialOption{grpc.WithChainUnaryInterceptor(grpc_retry.UnaryClientInterceptor(opts...))}
}

// PlainOptions installs no retry.
func PlainOptions() []grpc.DialOption {
	return []grpc.DialOption{grpc.WithInsecure()}
}
