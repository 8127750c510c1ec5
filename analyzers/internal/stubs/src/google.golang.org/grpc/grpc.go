// Package grpc is a minimal stub of google.golang.org/grpc for analyzer
// tests: client connections, dial options and interceptors.
package grpc

import "context"

type ClientConnInterface interface {
	Invoke(ctx context.Context, method string, args any, reply any, opts ...CallOption) error
}

type ClientConn struct{}

func (cc *ClientConn) Invoke(ctx context.Context, method string, args, reply any, opts ...CallOption) error {
	return nil
}
func (cc *ClientConn) Close() error { return nil }

type CallOption interface{ before() error }

type EmptyCallOption struct{}

func (EmptyCallOption) before() error { return nil }

type DialOption interface{ apply() }

type dialOption struct{}

func (dialOption) apply() {}

type UnaryInvoker func(ctx context.Context, method string, req, reply any, cc *ClientConn, opts ...CallOption) error
type UnaryClientInterceptor func(ctx context.Context, method string, req, reply any, cc *ClientConn, invoker UnaryInvoker, opts ...CallOption) error

func WithUnaryInterceptor(f UnaryClientInterceptor) DialOption { return dialOption{} }
func WithChainUnaryInterceptor(interceptors ...UnaryClientInterceptor) DialOption {
	return dialOption{}
}
func WithInsecure() DialOption { return dialOption{} }
func WithBlock() DialOption    { return dialOption{} }

func Dial(target string, opts ...DialOption) (*ClientConn, error) { return &ClientConn{}, nil }
func DialContext(ctx context.Context, target string, opts ...DialOption) (*ClientConn, error) {
	return &ClientConn{}, nil
}
func NewClient(target string, opts ...DialOption) (*ClientConn, error) { return &ClientConn{}, nil }
