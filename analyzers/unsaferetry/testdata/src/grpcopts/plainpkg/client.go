// Package plainpkg dials with dial options another package builds that
// install no retry: the generated client's TriggerWorkflow (crosspkg's
// types) is sent once.
package plainpkg

import (
	"context"

	"example.com/grpcretry"
	"google.golang.org/grpc"

	"grpcopts/crosspkg"
)

type Client struct {
	workflows crosspkg.WorkflowsServiceClient
}

func New(addr string) (*Client, error) {
	var opts []grpc.DialOption
	opts = append(opts, grpc.WithInsecure())
	opts = append(opts, grpcretry.PlainOptions()...)
	conn, err := grpc.NewClient(addr, opts...)
	if err != nil {
		return nil, err
	}
	return &Client{workflows: crosspkg.NewWorkflowsServiceClient(conn)}, nil
}

// Trigger starts a workflow run once: nothing retries it.
func (c *Client) Trigger(ctx context.Context, key, payload string) error {
	_, err := c.workflows.TriggerWorkflow(ctx, &crosspkg.TriggerRequest{Key: key, Payload: payload})
	return err
}
