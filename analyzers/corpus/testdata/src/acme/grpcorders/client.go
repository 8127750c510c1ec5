// Package grpcorders calls the orders service over gRPC: a generated
// client, used with retry-go and with the retry interceptor.
package grpcorders

import (
	"context"

	"github.com/avast/retry-go/v4"
	grpc_retry "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// CreateOrderRequest is the generated request message.
type CreateOrderRequest struct {
	RequestId  string
	CustomerId string
	Items      []string
}

// Order is the generated response message.
type Order struct{ Id string }

// GetOrderRequest is the generated request message.
type GetOrderRequest struct{ Id string }

// OrdersServiceClient is what protoc-gen-go-grpc generates.
type OrdersServiceClient interface {
	CreateOrder(ctx context.Context, in *CreateOrderRequest, opts ...grpc.CallOption) (*Order, error)
	GetOrder(ctx context.Context, in *GetOrderRequest, opts ...grpc.CallOption) (*Order, error)
}

type ordersServiceClient struct{ cc grpc.ClientConnInterface }

// NewOrdersServiceClient is generated.
func NewOrdersServiceClient(cc grpc.ClientConnInterface) OrdersServiceClient {
	return &ordersServiceClient{cc}
}

func (c *ordersServiceClient) CreateOrder(ctx context.Context, in *CreateOrderRequest, opts ...grpc.CallOption) (*Order, error) {
	out := new(Order)
	err := c.cc.Invoke(ctx, "/orders.v1.OrdersService/CreateOrder", in, out, opts...)
	return out, err
}

func (c *ordersServiceClient) GetOrder(ctx context.Context, in *GetOrderRequest, opts ...grpc.CallOption) (*Order, error) {
	out := new(Order)
	err := c.cc.Invoke(ctx, "/orders.v1.OrdersService/GetOrder", in, out, opts...)
	return out, err
}

// Gateway is the API gateway's orders backend.
type Gateway struct {
	orders   OrdersServiceClient // plain connection
	retrying OrdersServiceClient // connection with the retry interceptor
}

// Place retries CreateOrder on any error.
func (g *Gateway) Place(ctx context.Context, customer string, items []string) (*Order, error) {
	return retry.DoWithData(func() (*Order, error) {
		return g.orders.CreateOrder(ctx, &CreateOrderRequest{CustomerId: customer, Items: items}) // check `OrdersServiceClient\.CreateOrder \(an interface method with no body twice can see, named like a create\) inside retry\.DoWithData \(avast/retry-go\) runs again on every retry`
	}, retry.Attempts(3), retry.Context(ctx))
}

// PlaceOnce treats AlreadyExists as success: the server deduplicates by
// the request id the caller chose.
func (g *Gateway) PlaceOnce(ctx context.Context, requestID, customer string, items []string) error {
	return retry.Do(func() error {
		_, err := g.orders.CreateOrder(ctx, &CreateOrderRequest{RequestId: requestID, CustomerId: customer, Items: items})
		if status.Code(err) == codes.AlreadyExists {
			return nil
		}
		return err
	}, retry.Attempts(3))
}

// Lookup retries a read.
func (g *Gateway) Lookup(ctx context.Context, id string) (*Order, error) {
	return retry.DoWithData(func() (*Order, error) {
		return g.orders.GetOrder(ctx, &GetOrderRequest{Id: id})
	}, retry.Attempts(3))
}

// Dial connects twice: plainly, and with the retry interceptor retrying
// Unavailable and Aborted calls.
func Dial(ctx context.Context, addr string) (*Gateway, error) {
	plain, err := grpc.DialContext(ctx, addr, grpc.WithInsecure())
	if err != nil {
		return nil, err
	}
	conn, err := grpc.DialContext(ctx, addr, grpc.WithInsecure(),
		grpc.WithChainUnaryInterceptor(grpc_retry.UnaryClientInterceptor(
			grpc_retry.WithMax(4),
			grpc_retry.WithCodes(codes.Unavailable, codes.Aborted),
		)))
	if err != nil {
		return nil, err
	}
	return &Gateway{orders: NewOrdersServiceClient(plain), retrying: NewOrdersServiceClient(conn)}, nil
}

// Checkout creates the order once, but its connection retries.
func (g *Gateway) Checkout(ctx context.Context, customer string, items []string) (string, error) {
	o, err := g.retrying.CreateOrder(ctx, &CreateOrderRequest{CustomerId: customer, Items: items}) // check `OrdersServiceClient\.CreateOrder .*sent through the gRPC retry interceptor`
	if err != nil {
		return "", err
	}
	return o.Id, nil
}

// Status reads through the retrying connection: a read.
func (g *Gateway) Status(ctx context.Context, id string) (string, error) {
	o, err := g.retrying.GetOrder(ctx, &GetOrderRequest{Id: id})
	if err != nil {
		return "", err
	}
	return o.Id, nil
}
