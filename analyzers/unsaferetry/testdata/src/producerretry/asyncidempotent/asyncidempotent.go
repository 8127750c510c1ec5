// Package asyncidempotent sets the same retries with the idempotent
// producer on: the broker drops a repeated produce.
package asyncidempotent

import "github.com/IBM/sarama"

type Emitter struct{ p sarama.AsyncProducer }

func New(brokers []string) (*Emitter, error) {
	cfg := sarama.NewConfig()
	cfg.Producer.Retry.Max = 10
	cfg.Producer.Idempotent = true
	p, err := sarama.NewAsyncProducer(brokers, cfg)
	if err != nil {
		return nil, err
	}
	return &Emitter{p: p}, nil
}

func (e *Emitter) Emit(topic, body string) {
	e.p.Input() <- &sarama.ProducerMessage{Topic: topic, Value: sarama.StringEncoder(body)}
}
