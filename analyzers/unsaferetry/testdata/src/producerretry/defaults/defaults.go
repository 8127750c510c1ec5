// Package defaults keeps the libraries' default retries, and turns
// sarama's off on a second config: nothing the package chose retries.
package defaults

import (
	"context"

	"github.com/IBM/sarama"
	"github.com/segmentio/kafka-go"
	"github.com/twmb/franz-go/pkg/kgo"
)

func Emit(brokers []string, topic, body string) error {
	p, err := sarama.NewSyncProducer(brokers, sarama.NewConfig())
	if err != nil {
		return err
	}
	_, _, err = p.SendMessage(&sarama.ProducerMessage{Topic: topic, Value: sarama.StringEncoder(body)})
	return err
}

func NoRetry(brokers []string, msgs []*sarama.ProducerMessage) error {
	cfg := sarama.NewConfig()
	cfg.Producer.Retry.Max = 0
	p, err := sarama.NewSyncProducer(brokers, cfg)
	if err != nil {
		return err
	}
	return p.SendMessages(msgs)
}

func Write(ctx context.Context, addr, topic string, body []byte) error {
	w := &kafka.Writer{Addr: kafka.TCP(addr), Topic: topic, MaxAttempts: 1}
	return w.WriteMessages(ctx, kafka.Message{Value: body})
}

// Franz keeps franz-go's idempotent writes: silent.
func Franz(ctx context.Context, cl *kgo.Client, body []byte) error {
	return cl.ProduceSync(ctx, &kgo.Record{Topic: "events", Value: body}).FirstErr()
}
