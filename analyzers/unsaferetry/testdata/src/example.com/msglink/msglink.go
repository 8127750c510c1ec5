// Package msglink is a request–response client over a message link, in
// the shape of AMQP 1.0 management and claims-based security: every
// operation is a message whose application properties name it, sent on a
// link whose sender twice has no body for. The operation decides whether
// the send writes.
package msglink

import (
	"context"
	"time"
)

type Message struct {
	Value                 any
	ApplicationProperties map[string]any
}

type sender interface {
	Send(ctx context.Context, msg *Message) error
}

type receiver interface {
	Receive(ctx context.Context) (*Message, error)
}

type Link struct {
	s sender
	r receiver
}

// RPC sends msg and waits for the reply.
func (l *Link) RPC(ctx context.Context, msg *Message) (*Message, error) {
	if err := l.s.Send(ctx, msg); err != nil {
		return nil, err
	}
	return l.r.Receive(ctx)
}

const (
	operationKey      = "operation"
	operationPutToken = "put-token"
)

// NegotiateClaim presents the token the client holds for an audience:
// presented again, it changes nothing.
func NegotiateClaim(ctx context.Context, l *Link, audience, token string) error {
	msg := &Message{
		Value:                 token,
		ApplicationProperties: map[string]any{operationKey: operationPutToken, "name": audience},
	}
	_, err := l.RPC(ctx, msg)
	return err
}

// Peek reads the next messages without taking them.
func Peek(ctx context.Context, l *Link) (*Message, error) {
	return l.RPC(ctx, &Message{ApplicationProperties: map[string]any{"operation": "com.example:peek-message"}})
}

// Schedule asks the broker to deliver body at a later time: a second
// request schedules a second message.
func Schedule(ctx context.Context, l *Link, body []byte, at time.Time) error {
	msg := &Message{
		Value:                 body,
		ApplicationProperties: map[string]any{"operation": "com.example:schedule-message", "at": at},
	}
	_, err := l.RPC(ctx, msg)
	return err
}

// RetryableRPC sends msg until a reply comes: what it repeats is the
// operation its caller's message names, judged at each call.
func (l *Link) RetryableRPC(ctx context.Context, times int, delay time.Duration, msg *Message) (*Message, error) {
	var err error
	for i := 0; i < times; i++ {
		var reply *Message
		if reply, err = l.RPC(ctx, msg); err == nil {
			return reply, nil
		}
		time.Sleep(delay)
	}
	return nil, err
}
