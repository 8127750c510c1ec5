// Package handles retries the opening of client-side handles: a producer
// session, a remote shell, a local database. Opening one again after a
// failed attempt leaves at most an unused session; the messages sent
// through a producer and the orders created are what can repeat.
package handles

import (
	"context"

	"github.com/avast/retry-go/v4"
)

type Producer interface {
	Send(ctx context.Context, payload []byte) error
	Close()
}

type Client interface {
	CreateProducer(topic string) (Producer, error)
	CreateOrder(ctx context.Context, sku string) (*Order, error)
}

type Order struct{ ID string }

type Shell struct{ id string }

func (s *Shell) Close() error { return nil }

type Remote interface {
	CreateShell(ctx context.Context) (*Shell, error)
}

func OpenProducer(c Client, topic string) (Producer, error) {
	return retry.DoWithData(func() (Producer, error) {
		return c.CreateProducer(topic)
	})
}

func Probe(ctx context.Context, r Remote) error {
	return retry.Do(func() error {
		s, err := r.CreateShell(ctx)
		if err != nil {
			return err
		}
		return s.Close()
	})
}

func Publish(ctx context.Context, p Producer, payload []byte) error {
	return retry.Do(func() error {
		return p.Send(ctx, payload) // want `Producer\.Send`
	})
}

func Order1(ctx context.Context, c Client) error {
	return retry.Do(func() error {
		_, err := c.CreateOrder(ctx, "sku-1") // want `Client\.CreateOrder`
		return err
	})
}
