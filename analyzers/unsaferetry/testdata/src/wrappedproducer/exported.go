package wrappedproducer

import (
	"context"

	"github.com/segmentio/kafka-go"
)

// BatchWriter is exported so that other packages' tests can fake it; the
// package fills it with a *kafka.Writer, the imported type that implements
// it, and what that publishes decides the call.
type BatchWriter interface {
	WriteMessages(ctx context.Context, msgs ...kafka.Message) error
	Close() error
}

// Flusher writes a batch and retries it on any error.
type Flusher struct{ W BatchWriter }

func NewFlusher(addr string) *Flusher {
	return &Flusher{W: &kafka.Writer{Addr: kafka.TCP(addr)}}
}

func (f *Flusher) Flush(ctx context.Context, batch []kafka.Message) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = f.W.WriteMessages(ctx, batch...); err == nil { // want `BatchWriter.WriteMessages \(kafka-go Writer.WriteMessages\) inside a retry loop runs again on every retry`
			return nil
		}
	}
	return err
}

// Counter is exported too, and no type the package imports implements it:
// its calls are left to the name heuristic, which finds no write in
// "Observe".
type Counter interface {
	Observe(ctx context.Context, n int) error
}

func observeAll(ctx context.Context, c Counter, n int) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = c.Observe(ctx, n); err == nil {
			return nil
		}
	}
	return err
}
