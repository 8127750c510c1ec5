// Package writer sets kafka-go's MaxAttempts: the writer re-sends a batch
// whose write failed, and it has no idempotent mode.
package writer

import (
	"context"

	"github.com/segmentio/kafka-go"
)

type Audit struct{ w *kafka.Writer }

func New(addr string) *Audit {
	return &Audit{w: &kafka.Writer{Addr: kafka.TCP(addr), Topic: "audit", RequiredAcks: -1, MaxAttempts: 5}}
}

func (a *Audit) Record(ctx context.Context, body []byte) error {
	return a.w.WriteMessages(ctx, kafka.Message{Value: body}) // want `kafka-go Writer\.WriteMessages sent through kafka-go's Writer retries \(MaxAttempts set; the writer has no idempotent mode\) runs again on every retry`
}
