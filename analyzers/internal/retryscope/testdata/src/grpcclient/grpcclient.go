// Package grpcclient calls an orders service over gRPC connections with
// and without the retry interceptor.
package grpcclient

import (
	"context"

	grpc_retry "github.com/grpc-ecosystem/go-grpc-middleware/retry"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
)

type CreateOrderRequest struct{ ID string }
type Order struct{ ID string }

// OrdersClient is what protoc-gen-go-grpc generates.
type OrdersClient interface {
	writeOrder(ctx context.Context, in *CreateOrderRequest, opts ...grpc.CallOption) (*Order, error)
}

type ordersClient struct{ cc grpc.ClientConnInterface }

func (c *ordersClient) writeOrder(ctx context.Context, in *CreateOrderRequest, opts ...grpc.CallOption) (*Order, error) {
	return &Order{}, nil
}

func NewOrdersClient(cc grpc.ClientConnInterface) OrdersClient { return &ordersClient{cc} }

type Service struct {
	orders OrdersClient
	plain  OrdersClient
}

func New(ctx context.Context, addr string) (*Service, error) {
	conn, err := grpc.DialContext(ctx, addr,
		grpc.WithInsecure(),
		grpc.WithUnaryInterceptor(grpc_retry.UnaryClientInterceptor(
			grpc_retry.WithMax(3),
			grpc_retry.WithCodes(codes.Unavailable),
		)))
	if err != nil {
		return nil, err
	}
	// The interceptor retries nothing unless WithMax is set.
	plainConn, err := grpc.Dial(addr, grpc.WithUnaryInterceptor(grpc_retry.UnaryClientInterceptor()))
	if err != nil {
		return nil, err
	}
	return &Service{orders: NewOrdersClient(conn), plain: NewOrdersClient(plainConn)}, nil
}

func (s *Service) Place(ctx context.Context, id string) error {
	if _, err := s.orders.writeOrder(ctx, &CreateOrderRequest{ID: id}); err != nil { // want "client retry: the gRPC retry interceptor of its connection"
		return err
	}
	_, err := s.plain.writeOrder(ctx, &CreateOrderRequest{ID: id})
	return err
}

// PlaceOnce turns the connection's retries off for this call.
func (s *Service) PlaceOnce(ctx context.Context, id string) error {
	if _, err := s.orders.writeOrder(ctx, &CreateOrderRequest{ID: id}, grpc_retry.Disable()); err != nil {
		return err
	}
	_, err := s.orders.writeOrder(ctx, &CreateOrderRequest{ID: id}, grpc_retry.WithMax(0))
	return err
}
