// Package asyncretried emits through sarama's AsyncProducer with the
// producer's retries set and idempotence off: a message sent to Input
// whose produce request timed out after the broker appended it is sent
// again by the library.
package asyncretried

import "github.com/IBM/sarama"

// DefaultConfig is the package's producer configuration.
func DefaultConfig() *sarama.Config {
	cfg := sarama.NewConfig()
	cfg.Producer.Retry.Max = 10
	return cfg
}

type Emitter struct{ p sarama.AsyncProducer }

func New(brokers []string) (*Emitter, error) {
	p, err := sarama.NewAsyncProducer(brokers, DefaultConfig())
	if err != nil {
		return nil, err
	}
	return &Emitter{p: p}, nil
}

func (e *Emitter) Emit(topic, body string) {
	e.p.Input() <- &sarama.ProducerMessage{Topic: topic, Value: sarama.StringEncoder(body)} // want `sarama AsyncProducer\.Input\(\) <- message sent through sarama's producer retries \(Producer\.Retry\.Max set, Producer\.Idempotent off\) runs again on every retry; the message can be published twice`
}
