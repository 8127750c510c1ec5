// Package confluent sets librdkafka's retries without idempotence.
package confluent

import "github.com/confluentinc/confluent-kafka-go/v2/kafka"

type Sink struct{ p *kafka.Producer }

func New(brokers string) (*Sink, error) {
	p, err := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": brokers, "acks": "all", "retries": 5})
	return &Sink{p: p}, err
}

func (s *Sink) Put(topic string, body []byte) error {
	return s.p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic, Partition: kafka.PartitionAny}, Value: body}, nil) // want `Producer\.Produce sent through librdkafka's producer retries \(retries set, enable\.idempotence off\)`
}
