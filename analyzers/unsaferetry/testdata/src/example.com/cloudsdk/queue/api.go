// Package queue is a generated cloud SDK client: each operation builds a
// middleware stack and hands the input to the transport through a handler
// interface, so the HTTP method is not visible in its body.
package queue

import (
	"context"

	"example.com/cloudsdk/middleware"
)

type Options struct {
	Transport middleware.Handler
}

type Client struct{ options Options }

func New(o Options) *Client { return &Client{options: o} }

type CreateQueueInput struct{ QueueName string }
type CreateQueueOutput struct{ QueueURL string }
type ListQueuesInput struct{ Prefix string }
type ListQueuesOutput struct{ QueueURLs []string }

type signer struct{}

func (signer) ID() string { return "Signing" }
func (signer) HandleMiddleware(ctx context.Context, in any, next middleware.Handler) (any, error) {
	return next.Handle(ctx, in)
}

func (c *Client) invokeOperation(ctx context.Context, op string, in any) (any, error) {
	stack := middleware.NewStack()
	if err := stack.Finalize.Add(signer{}, middleware.After); err != nil {
		return nil, err
	}
	if err := stack.Finalize.Insert(signer{}, "Signing", middleware.Before); err != nil {
		return nil, err
	}
	return c.options.Transport.Handle(ctx, in)
}

func (c *Client) CreateQueue(ctx context.Context, in *CreateQueueInput) (*CreateQueueOutput, error) {
	out, err := c.invokeOperation(ctx, "CreateQueue", in)
	if err != nil {
		return nil, err
	}
	return out.(*CreateQueueOutput), nil
}

func (c *Client) ListQueues(ctx context.Context, in *ListQueuesInput) (*ListQueuesOutput, error) {
	out, err := c.invokeOperation(ctx, "ListQueues", in)
	if err != nil {
		return nil, err
	}
	return out.(*ListQueuesOutput), nil
}
