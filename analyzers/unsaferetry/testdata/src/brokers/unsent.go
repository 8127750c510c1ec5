package brokers

import (
	"context"
	"errors"
	"log"
	"time"

	"github.com/nats-io/nats.go"
	amqp "github.com/rabbitmq/amqp091-go"
)

// Fire-and-forget publishes fail only when the message was not sent: a
// loop that goes round on that error alone publishes at most once.

type Fanout struct {
	ch *amqp.Channel
	nc *nats.Conn
}

func (f *Fanout) AMQP(ctx context.Context, body []byte) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = f.ch.PublishWithContext(ctx, "events", "order.created", false, false, amqp.Publishing{Body: body}); err == nil {
			return nil
		}
		log.Printf("publish failed (attempt %d): %v", i, err)
		time.Sleep(time.Second)
	}
	return err
}

func (f *Fanout) NATS(subject string, body []byte) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = f.nc.Publish(subject, body); err == nil {
			return nil
		}
	}
	return err
}

// Waiting for the broker's confirm after the publish: a confirm that does
// not come makes the loop publish again a message the broker may hold.
func (f *Fanout) AMQPConfirmed(ctx context.Context, body []byte) error {
	for i := 0; i < 3; i++ {
		dc, err := f.ch.PublishWithDeferredConfirmWithContext(ctx, "events", "order.created", false, false, amqp.Publishing{Body: body}) // want `AMQP Channel\.PublishWithDeferredConfirmWithContext inside a retry loop runs again on every retry`
		if err == nil && dc.Wait() {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("amqp: not confirmed")
}

// A flush that fails after the message was written retries it.
func (f *Fanout) NATSFlushed(subject string, body []byte) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = f.nc.Publish(subject, body); err != nil { // want `NATS Conn\.Publish inside a retry loop runs again on every retry`
			continue
		}
		if err = f.nc.Flush(); err == nil {
			return nil
		}
	}
	return err
}

// The same wait written as "continue on error, leave when confirmed": the
// loop still goes round when the confirm does not come.
func (f *Fanout) AMQPConfirmedContinue(ctx context.Context, body []byte) error {
	for i := 0; i < 3; i++ {
		dc, err := f.ch.PublishWithDeferredConfirmWithContext(ctx, "events", "order.created", false, false, amqp.Publishing{Body: body}) // want `AMQP Channel\.PublishWithDeferredConfirmWithContext inside a retry loop runs again on every retry`
		if err != nil {
			continue
		}
		if dc.Wait() {
			return nil
		}
	}
	return errors.New("amqp: not confirmed")
}
