package grpc

import "context"

// ClientStream is the client side of a streaming RPC.
type ClientStream interface {
	Header() (map[string][]string, error)
	Trailer() map[string][]string
	CloseSend() error
	Context() context.Context
	SendMsg(m any) error
	RecvMsg(m any) error
}

// BidiStreamingClient is the client side of a bidirectional stream (the
// generic form newer protoc-gen-go-grpc versions alias).
type BidiStreamingClient[Req any, Res any] interface {
	Send(*Req) error
	Recv() (*Res, error)
	ClientStream
}

// ClientStreamingClient is the client side of a client-streaming RPC.
type ClientStreamingClient[Req any, Res any] interface {
	Send(*Req) error
	CloseAndRecv() (*Res, error)
	ClientStream
}

// StreamDesc describes a streaming RPC.
type StreamDesc struct {
	StreamName    string
	ServerStreams bool
	ClientStreams bool
}

func (cc *ClientConn) NewStream(ctx context.Context, desc *StreamDesc, method string, opts ...CallOption) (ClientStream, error) {
	return nil, nil
}

// ServerStream is the server side of a streaming RPC.
type ServerStream interface {
	SetHeader(map[string][]string) error
	SendHeader(map[string][]string) error
	SetTrailer(map[string][]string)
	Context() context.Context
	SendMsg(m any) error
	RecvMsg(m any) error
}

// ServerStreamingServer is the server side of a server-streaming RPC.
type ServerStreamingServer[Res any] interface {
	Send(*Res) error
	ServerStream
}
