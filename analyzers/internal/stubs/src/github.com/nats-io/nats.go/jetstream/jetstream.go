// Package jetstream is a stub of github.com/nats-io/nats.go/jetstream for
// analyzer tests: the real signatures of the functions twice matches.
package jetstream

import (
	"context"

	"github.com/nats-io/nats.go"
)

type PubAck struct {
	Stream    string
	Sequence  uint64
	Duplicate bool
}

type PublishOpt func(*pubOpts) error

type pubOpts struct{ id string }

func WithMsgID(id string) PublishOpt { return func(o *pubOpts) error { o.id = id; return nil } }

type PubAckFuture interface {
	Ok() <-chan *PubAck
	Err() <-chan error
}

type Publisher interface {
	Publish(ctx context.Context, subject string, payload []byte, opts ...PublishOpt) (*PubAck, error)
	PublishMsg(ctx context.Context, msg *nats.Msg, opts ...PublishOpt) (*PubAck, error)
	PublishAsync(subject string, payload []byte, opts ...PublishOpt) (PubAckFuture, error)
	PublishMsgAsync(msg *nats.Msg, opts ...PublishOpt) (PubAckFuture, error)
}

type JetStream interface {
	Publisher
}

func New(nc *nats.Conn) (JetStream, error) { return nil, nil }
