package gapic

import (
	"context"

	gax "github.com/googleapis/gax-go/v2"

	"example.com/widgetpb"
)

type gRPCClient struct {
	client      widgetpb.WidgetServiceClient
	CallOptions **CallOptions
}

// CreateWidget over gRPC, retried by the same defaults: the RPC's name
// says what it does, whatever request the caller passes.
func (c *gRPCClient) CreateWidget(ctx context.Context, req *widgetpb.CreateWidgetRequest, opts ...gax.CallOption) (*widgetpb.Widget, error) {
	opts = append((*c.CallOptions).CreateWidget[0:len((*c.CallOptions).CreateWidget):len((*c.CallOptions).CreateWidget)], opts...)
	var resp *widgetpb.Widget
	err := gax.Invoke(ctx, func(ctx context.Context, settings gax.CallSettings) error {
		var err error
		resp, err = c.client.CreateWidget(ctx, req, settings.GRPC...) // want `WidgetServiceClient.CreateWidget .*inside gax.Invoke with a retrying call option`
		return err
	}, opts...)
	return resp, err
}

// GetWidget is retried too, but it reads.
func (c *gRPCClient) GetWidget(ctx context.Context, req *widgetpb.GetWidgetRequest, opts ...gax.CallOption) (*widgetpb.Widget, error) {
	opts = append((*c.CallOptions).GetWidget[0:len((*c.CallOptions).GetWidget):len((*c.CallOptions).GetWidget)], opts...)
	var resp *widgetpb.Widget
	err := gax.Invoke(ctx, func(ctx context.Context, settings gax.CallSettings) error {
		var err error
		resp, err = c.client.GetWidget(ctx, req, settings.GRPC...)
		return err
	}, opts...)
	return resp, err
}

// NewWidget is the application's call; the finding is in the client.
func NewWidget(ctx context.Context, c *gRPCClient) (*widgetpb.Widget, error) {
	return c.CreateWidget(ctx, &widgetpb.CreateWidgetRequest{Parent: "projects/p", Widget: &widgetpb.Widget{DisplayName: "w"}})
}
