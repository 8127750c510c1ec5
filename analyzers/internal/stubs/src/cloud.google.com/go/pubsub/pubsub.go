// Package pubsub is a stub of cloud.google.com/go/pubsub for analyzer tests:
// the real signatures of the functions twice matches.
package pubsub

import "context"

type Message struct {
	ID          string
	Data        []byte
	Attributes  map[string]string
	OrderingKey string
}

type PublishResult struct{}

func (r *PublishResult) Get(ctx context.Context) (serverID string, err error) { return "", nil }

type Client struct{}

func NewClient(ctx context.Context, projectID string) (*Client, error) { return &Client{}, nil }
func (c *Client) Topic(id string) *Topic                               { return &Topic{} }

type Topic struct{}

func (t *Topic) Publish(ctx context.Context, msg *Message) *PublishResult { return &PublishResult{} }
func (t *Topic) Stop()                                                    {}
