// Package queues publishes domain events to AWS (SQS FIFO queues and SNS
// topics), Google Pub/Sub and Kafka (sarama).
package queues

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"cloud.google.com/go/pubsub"
	"github.com/IBM/sarama"
	"github.com/avast/retry-go/v4"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/cenkalti/backoff/v4"
)

// OrderPlaced is the event.
type OrderPlaced struct {
	OrderID string `json:"order_id"`
	Total   int64  `json:"total"`
}

// Publisher publishes events.
type Publisher struct {
	sqs      *sqs.Client
	queueURL string
	sns      *sns.Client
	topicARN string
	topic    *pubsub.Topic
	producer sarama.SyncProducer
}

// EnqueueFIFO dedups by the order id: SQS drops a repeat.
func (p *Publisher) EnqueueFIFO(ctx context.Context, ev OrderPlaced) error {
	body, _ := json.Marshal(ev)
	return retry.Do(func() error {
		_, err := p.sqs.SendMessage(ctx, &sqs.SendMessageInput{
			QueueUrl:               aws.String(p.queueURL),
			MessageBody:            aws.String(string(body)),
			MessageGroupId:         aws.String("orders"),
			MessageDeduplicationId: aws.String(ev.OrderID),
		})
		return err
	}, retry.Attempts(3))
}

// Enqueue retries a standard-queue send without deduplication.
func (p *Publisher) Enqueue(ctx context.Context, ev OrderPlaced) error {
	body, _ := json.Marshal(ev)
	return retry.Do(func() error {
		_, err := p.sqs.SendMessage(ctx, &sqs.SendMessageInput{ // want `SQS Client\.SendMessage inside retry\.Do \(avast/retry-go\) runs again on every retry; the message can be published twice`
			QueueUrl:    aws.String(p.queueURL),
			MessageBody: aws.String(string(body)),
		})
		return err
	}, retry.Attempts(3))
}

// Announce publishes to SNS under backoff.
func (p *Publisher) Announce(ctx context.Context, ev OrderPlaced) error {
	body, _ := json.Marshal(ev)
	return backoff.Retry(func() error {
		_, err := p.sns.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(p.topicARN), Message: aws.String(string(body))}) // want `SNS Client\.Publish inside backoff\.Retry runs again on every retry`
		return err
	}, backoff.NewExponentialBackOff())
}

// EnsureTopic creates the SNS topic: CreateTopic is idempotent for the
// same name, and the SDK's create is not a message.
func (p *Publisher) EnsureTopic(ctx context.Context, name string) (string, error) {
	return retry.DoWithData(func() (string, error) {
		out, err := p.sns.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String(name)})
		if err != nil {
			return "", err
		}
		return aws.ToString(out.TopicArn), nil
	}, retry.Attempts(3))
}

// Broadcast publishes to Pub/Sub and waits for the server id, retrying.
func (p *Publisher) Broadcast(ctx context.Context, ev OrderPlaced) error {
	body, _ := json.Marshal(ev)
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		res := p.topic.Publish(ctx, &pubsub.Message{Data: body}) // want `Pub/Sub Topic\.Publish inside a retry loop runs again on every retry`
		if _, err = res.Get(ctx); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return fmt.Errorf("pubsub: %w", err)
}

// Stream sends to Kafka through sarama with retry.Do.
func (p *Publisher) Stream(ctx context.Context, ev OrderPlaced) error {
	body, _ := json.Marshal(ev)
	return retry.Do(func() error {
		_, _, err := p.producer.SendMessage(&sarama.ProducerMessage{Topic: "orders", Key: sarama.StringEncoder(ev.OrderID), Value: sarama.ByteEncoder(body)}) // want `sarama SyncProducer\.SendMessage inside retry\.Do \(avast/retry-go\) runs again on every retry`
		return err
	}, retry.Attempts(5))
}

// StreamAll sends a batch of events, one call per event.
func (p *Publisher) StreamAll(ctx context.Context, evs []OrderPlaced) error {
	for _, ev := range evs {
		body, _ := json.Marshal(ev)
		if _, _, err := p.producer.SendMessage(&sarama.ProducerMessage{Topic: "orders", Value: sarama.ByteEncoder(body)}); err != nil {
			return err
		}
	}
	return nil
}
