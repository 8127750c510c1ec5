// Package confluentidem retries with idempotence on (set with SetKey):
// the broker drops the repeats.
package confluentidem

import "github.com/confluentinc/confluent-kafka-go/v2/kafka"

func Put(brokers, topic string, body []byte) error {
	cm := kafka.ConfigMap{"bootstrap.servers": brokers, "message.send.max.retries": 10}
	if err := cm.SetKey("enable.idempotence", true); err != nil {
		return err
	}
	p, err := kafka.NewProducer(&cm)
	if err != nil {
		return err
	}
	return p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic}, Value: body}, nil)
}
