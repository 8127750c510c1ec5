// Package wrappedproducer hides its broker client behind an interface of
// its own, so tests can fake it: the value behind the interface is the
// imported client's type (a kafka-go Writer), and the wrapper's sends
// publish. A second interface whose only implementations are the
// package's own in-memory types writes nothing.
package wrappedproducer

import (
	"context"
	"sync"

	"github.com/segmentio/kafka-go"
)

// messageWriter is what Producer needs of *kafka.Writer.
type messageWriter interface {
	WriteMessages(ctx context.Context, msgs ...kafka.Message) error
	Close() error
}

type Producer struct {
	w messageWriter
}

func New(addr, topic string) *Producer {
	return &Producer{w: &kafka.Writer{Addr: kafka.TCP(addr), Topic: topic}}
}

func (p *Producer) Publish(ctx context.Context, m kafka.Message) error {
	return p.w.WriteMessages(ctx, m)
}

// PublishRetrying retries a publish that may have reached the broker.
func (p *Producer) PublishRetrying(ctx context.Context, m kafka.Message) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = p.Publish(ctx, m); err == nil { // want `Producer.Publish \(messageWriter.WriteMessages \(kafka-go Writer.WriteMessages\)\) inside a retry loop runs again on every retry`
			return nil
		}
	}
	return err
}

// eventLog records events in memory; its only implementation is the
// package's own.
type eventLog interface {
	SendEvent(name string) error
}

type memoryLog struct {
	mu     sync.Mutex
	events []string
}

func (l *memoryLog) SendEvent(name string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events = append(l.events, name)
	return nil
}

func record(log eventLog, name string) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = log.SendEvent(name); err == nil {
			return nil
		}
	}
	return err
}
