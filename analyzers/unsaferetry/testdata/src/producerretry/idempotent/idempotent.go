// Package idempotent retries with an idempotent producer: the broker drops
// the library's repeats by their sequence numbers.
package idempotent

import "github.com/IBM/sarama"

type Events struct{ p sarama.SyncProducer }

func New(brokers []string) (*Events, error) {
	cfg := sarama.NewConfig()
	cfg.Producer.Idempotent = true
	cfg.Producer.Retry.Max = 10
	p, err := sarama.NewSyncProducer(brokers, cfg)
	return &Events{p: p}, err
}

func (e *Events) Emit(topic, body string) error {
	_, _, err := e.p.SendMessage(&sarama.ProducerMessage{Topic: topic, Value: sarama.StringEncoder(body)})
	return err
}
