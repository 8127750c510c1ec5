// Package retrying builds its dial options in a helper, with the retry
// interceptor on every unary call, and dials with them spread: the
// generated client's calls all go through the interceptor.
package retrying

import (
	"context"

	grpc_retry "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
)

type InsertRequest struct{ Rows [][]byte }
type InsertResponse struct{ IDs []int64 }
type QueryRequest struct{ Expr string }
type QueryResponse struct{ Rows [][]byte }

type VectorServiceClient interface {
	Insert(ctx context.Context, in *InsertRequest, opts ...grpc.CallOption) (*InsertResponse, error)
	Query(ctx context.Context, in *QueryRequest, opts ...grpc.CallOption) (*QueryResponse, error)
}

type vectorServiceClient struct{ cc *grpc.ClientConn }

func NewVectorServiceClient(cc *grpc.ClientConn) VectorServiceClient { return &vectorServiceClient{cc} }

func (c *vectorServiceClient) Insert(ctx context.Context, in *InsertRequest, opts ...grpc.CallOption) (*InsertResponse, error) {
	out := new(InsertResponse)
	return out, c.cc.Invoke(ctx, "/vector.v1.VectorService/Insert", in, out, opts...)
}

func (c *vectorServiceClient) Query(ctx context.Context, in *QueryRequest, opts ...grpc.CallOption) (*QueryResponse, error) {
	out := new(QueryResponse)
	return out, c.cc.Invoke(ctx, "/vector.v1.VectorService/Query", in, out, opts...)
}

type Client struct{ service VectorServiceClient }

func dialOptions() []grpc.DialOption {
	return []grpc.DialOption{
		grpc.WithInsecure(),
		grpc.WithChainUnaryInterceptor(grpc_retry.UnaryClientInterceptor(
			grpc_retry.WithMax(6),
			grpc_retry.WithCodes(codes.Unavailable),
		)),
	}
}

func New(addr string) (*Client, error) {
	conn, err := grpc.NewClient(addr, dialOptions()...)
	if err != nil {
		return nil, err
	}
	return &Client{service: NewVectorServiceClient(conn)}, nil
}

func (c *Client) Insert(ctx context.Context, rows [][]byte) ([]int64, error) {
	resp, err := c.service.Insert(ctx, &InsertRequest{Rows: rows}) // want `VectorServiceClient\.Insert .*sent through the gRPC retry interceptor`
	if err != nil {
		return nil, err
	}
	return resp.IDs, nil
}

func (c *Client) Query(ctx context.Context, expr string) ([][]byte, error) {
	resp, err := c.service.Query(ctx, &QueryRequest{Expr: expr})
	if err != nil {
		return nil, err
	}
	return resp.Rows, nil
}
