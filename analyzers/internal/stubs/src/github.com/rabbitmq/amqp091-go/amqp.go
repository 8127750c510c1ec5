// Package amqp091 is a stub of github.com/rabbitmq/amqp091-go for analyzer
// tests: the real signatures of the functions twice matches.
package amqp091

import "context"

type Table map[string]interface{}

type Publishing struct {
	Headers      Table
	ContentType  string
	DeliveryMode uint8
	MessageId    string
	Body         []byte
}

type Connection struct{}

func Dial(url string) (*Connection, error)       { return &Connection{}, nil }
func (c *Connection) Channel() (*Channel, error) { return &Channel{}, nil }
func (c *Connection) Close() error               { return nil }

type DeferredConfirmation struct{}

func (d *DeferredConfirmation) Wait() bool { return true }

type Channel struct{}

func (ch *Channel) Publish(exchange, key string, mandatory, immediate bool, msg Publishing) error {
	return nil
}
func (ch *Channel) PublishWithContext(ctx context.Context, exchange, key string, mandatory, immediate bool, msg Publishing) error {
	return nil
}
func (ch *Channel) PublishWithDeferredConfirm(exchange, key string, mandatory, immediate bool, msg Publishing) (*DeferredConfirmation, error) {
	return nil, nil
}
func (ch *Channel) PublishWithDeferredConfirmWithContext(ctx context.Context, exchange, key string, mandatory, immediate bool, msg Publishing) (*DeferredConfirmation, error) {
	return nil, nil
}
func (ch *Channel) Confirm(noWait bool) error { return nil }
func (ch *Channel) Close() error              { return nil }

// Delivery is a message received from a queue.
type Delivery struct {
	MessageId   string
	ContentType string
	Body        []byte
}

func (d Delivery) Ack(multiple bool) error           { return nil }
func (d Delivery) Nack(multiple, requeue bool) error { return nil }

func (ch *Channel) Consume(queue, consumer string, autoAck, exclusive, noLocal, noWait bool, args Table) (<-chan Delivery, error) {
	return nil, nil
}
