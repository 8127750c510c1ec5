// Package noretry builds its interceptor with WithMax(0): it retries
// nothing, so its inserts are sent once.
package noretry

import (
	"context"

	grpc_retry "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry"
	"google.golang.org/grpc"
)

type InsertRequest struct{ Rows [][]byte }
type InsertResponse struct{ IDs []int64 }

type VectorServiceClient interface {
	Insert(ctx context.Context, in *InsertRequest, opts ...grpc.CallOption) (*InsertResponse, error)
}

func dialOptions() []grpc.DialOption {
	return []grpc.DialOption{grpc.WithChainUnaryInterceptor(grpc_retry.UnaryClientInterceptor(grpc_retry.WithMax(0)))}
}

func Dial(addr string) (*grpc.ClientConn, error) { return grpc.NewClient(addr, dialOptions()...) }

func Insert(ctx context.Context, svc VectorServiceClient, rows [][]byte) error {
	_, err := svc.Insert(ctx, &InsertRequest{Rows: rows})
	return err
}
