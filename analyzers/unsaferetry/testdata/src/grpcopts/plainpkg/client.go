// Package plainpkg dials with dial options another package builds that
// install no retry: its generated client's TriggerWorkflow is sent once.
package plainpkg

import (
	"context"

	"example.com/grpcretry"
	"google.golang.org/grpc"
)

type TriggerRequest struct{ Key, Payload string }
type TriggerResponse struct{ ID string }

type WorkflowsServiceClient interface {
	TriggerWorkflow(ctx context.Context, in *TriggerRequest, opts ...grpc.CallOption) (*TriggerResponse, error)
}

type workflowsServiceClient struct{ cc *grpc.ClientConn }

func NewWorkflowsServiceClient(cc *grpc.ClientConn) WorkflowsServiceClient {
	return &workflowsServiceClient{cc}
}

func (c *workflowsServiceClient) TriggerWorkflow(ctx context.Context, in *TriggerRequest, opts ...grpc.CallOption) (*TriggerResponse, error) {
	out := new(TriggerResponse)
	return out, c.cc.Invoke(ctx, "/workflows.v1.WorkflowsService/TriggerWorkflow", in, out, opts...)
}

type Client struct{ workflows WorkflowsServiceClient }

func New(addr string, retries bool) (*Client, error) {
	var opts []grpc.DialOption
	opts = append(opts, grpc.WithInsecure())
	opts = append(opts, grpcretry.PlainOptions()...)
	conn, err := grpc.NewClient(addr, opts...)
	if err != nil {
		return nil, err
	}
	return &Client{workflows: NewWorkflowsServiceClient(conn)}, nil
}

// Trigger starts a workflow run: each accepted trigger starts one, and the
// interceptor re-sends it after a DeadlineExceeded that can follow a started run.
func (c *Client) Trigger(ctx context.Context, key, payload string) error {
	_, err := c.workflows.TriggerWorkflow(ctx, &TriggerRequest{Key: key, Payload: payload})
	return err
}
