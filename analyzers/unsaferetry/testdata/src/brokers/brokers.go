// Package brokers publishes through clients whose send hands the message to
// a connection goroutine (a Pulsar producer, an MQTT client) and appends to
// a Kinesis stream. Their bodies show no write, yet a retry after a timeout
// that followed delivery publishes the message again.
package brokers

import (
	"context"
	"errors"
	"time"

	"github.com/apache/pulsar-client-go/pulsar"
	"github.com/aws/aws-sdk-go-v2/service/kinesis"
	mqtt "github.com/eclipse/paho.mqtt.golang"
)

type Relay struct {
	producer pulsar.Producer
	mqtt     mqtt.Client
	kinesis  *kinesis.Client
	stream   string
}

func (r *Relay) Pulsar(ctx context.Context, payload []byte) error {
	var err error
	for i := 0; i < 3; i++ {
		if _, err = r.producer.Send(ctx, &pulsar.ProducerMessage{Payload: payload}); err == nil { // want `Pulsar Producer\.Send inside a retry loop runs again on every retry`
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

func (r *Relay) MQTT(topic string, payload []byte) error {
	for i := 0; i < 3; i++ {
		tok := r.mqtt.Publish(topic, 1, false, payload) // want `MQTT Client\.Publish inside a retry loop runs again on every retry`
		if tok.WaitTimeout(5*time.Second) && tok.Error() == nil {
			return nil
		}
	}
	return errors.New("mqtt: publish timed out")
}

func (r *Relay) Kinesis(ctx context.Context, key string, data []byte) error {
	var err error
	for i := 0; i < 3; i++ {
		if _, err = r.kinesis.PutRecord(ctx, &kinesis.PutRecordInput{StreamName: &r.stream, PartitionKey: &key, Data: data}); err == nil { // want `Kinesis Client\.PutRecord inside a retry loop runs again on every retry`
			return nil
		}
	}
	return err
}

// Describing the stream and flushing the producer write nothing.
func (r *Relay) Ready(ctx context.Context) error {
	var err error
	for i := 0; i < 3; i++ {
		if _, err = r.kinesis.DescribeStream(ctx, &kinesis.DescribeStreamInput{StreamName: &r.stream}); err == nil {
			return r.producer.Flush()
		}
	}
	return err
}
