// Package pump re-opens a channel and runs its publishing loop again when
// the channel closes. The loop publishes the messages it takes from a
// queue: a second run publishes the next ones, not those already sent.
package pump

import (
	"context"
	"errors"

	amqp "github.com/rabbitmq/amqp091-go"
)

var errClosed = errors.New("channel closed")

type message struct {
	ctx  context.Context
	key  string
	body []byte
}

type Publisher struct {
	conn    *amqp.Connection
	pending chan message
	closed  chan struct{}
}

// run re-runs publishState after a channel closed: silent, as each run
// publishes what it receives.
func (p *Publisher) run() error {
	for {
		ch, err := p.conn.Channel()
		if err != nil {
			return err
		}
		if err := p.publishState(ch); errors.Is(err, errClosed) {
			continue
		}
		return nil
	}
}

func (p *Publisher) publishState(ch *amqp.Channel) error {
	for {
		select {
		case msg := <-p.pending:
			p.publish(ch, msg)
		case <-p.closed:
			return errClosed
		}
	}
}

func (p *Publisher) publish(ch *amqp.Channel, msg message) {
	_ = ch.PublishWithContext(msg.ctx, "events", msg.key, false, false, amqp.Publishing{Body: msg.body})
}

// drain publishes every queued message, then reports; retrying drain
// after an error is the same: each run sends what it receives.
func (p *Publisher) drain(ch *amqp.Channel, queue chan message) error {
	for msg := range queue {
		if err := ch.PublishWithContext(msg.ctx, "events", msg.key, false, false, amqp.Publishing{Body: msg.body}); err != nil {
			return err
		}
	}
	return nil
}

func (p *Publisher) flush(ch *amqp.Channel, queue chan message) {
	for attempt := 0; attempt < 3; attempt++ {
		if err := p.drain(ch, queue); err == nil {
			return
		}
	}
}

// resend publishes one message given by its caller in a retry loop:
// reported.
func (p *Publisher) resend(ch *amqp.Channel, msg message) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = p.send(ch, msg); err == nil { // want `Publisher.send \(AMQP Channel.PublishWithContext\) inside a retry loop runs again on every retry`
			return nil
		}
	}
	return err
}

func (p *Publisher) send(ch *amqp.Channel, msg message) error {
	return ch.PublishWithContext(msg.ctx, "events", msg.key, false, false, amqp.Publishing{Body: msg.body})
}

// start opens a channel and starts a worker that publishes what it takes
// from the queue; retrying start after a failed open starts another
// worker on the next items: silent.
func (p *Publisher) start(queue chan message) error {
	ch, err := p.conn.Channel()
	if err != nil {
		return err
	}
	go func() {
		for msg := range queue {
			_ = ch.PublishWithContext(msg.ctx, "events", msg.key, false, false, amqp.Publishing{Body: msg.body})
		}
	}()
	return nil
}

func (p *Publisher) connect(queue chan message) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = p.start(queue); err == nil {
			return nil
		}
	}
	return err
}
