// Package widgetpb is shaped like the protobuf/gRPC package a Google Cloud
// client wraps: messages and the generated service client.
package widgetpb

import (
	"context"

	"google.golang.org/grpc"
)

type Widget struct {
	DisplayName string
	Description string
}

type CreateWidgetRequest struct {
	Parent string
	Widget *Widget
}

type GetWidgetRequest struct{ Path string }

type WidgetServiceClient interface {
	CreateWidget(ctx context.Context, in *CreateWidgetRequest, opts ...grpc.CallOption) (*Widget, error)
	GetWidget(ctx context.Context, in *GetWidgetRequest, opts ...grpc.CallOption) (*Widget, error)
}

type widgetServiceClient struct{ cc grpc.ClientConnInterface }

func NewWidgetServiceClient(cc grpc.ClientConnInterface) WidgetServiceClient {
	return &widgetServiceClient{cc}
}

func (c *widgetServiceClient) CreateWidget(ctx context.Context, in *CreateWidgetRequest, opts ...grpc.CallOption) (*Widget, error) {
	out := new(Widget)
	return out, c.cc.Invoke(ctx, "/example.widgets.v1.WidgetService/CreateWidget", in, out, opts...)
}

func (c *widgetServiceClient) GetWidget(ctx context.Context, in *GetWidgetRequest, opts ...grpc.CallOption) (*Widget, error) {
	out := new(Widget)
	return out, c.cc.Invoke(ctx, "/example.widgets.v1.WidgetService/GetWidget", in, out, opts...)
}
