// Package outbox relays events to Kafka and SQS, and counts deliveries in
// Redis, retrying with hand-written loops and sethvargo/go-retry.
package outbox

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/redis/go-redis/v9"
	"github.com/segmentio/kafka-go"
	"github.com/sethvargo/go-retry"
)

type Event struct {
	ID      string
	Payload []byte
}

type Relay struct {
	writer   *kafka.Writer
	sqs      *sqs.Client
	queueURL string
	rdb      *redis.Client
}

func (r *Relay) Publish(ctx context.Context, e Event) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		err = r.writer.WriteMessages(ctx, kafka.Message{Key: []byte(e.ID), Value: e.Payload}) // want `kafka-go Writer.WriteMessages inside a retry loop runs again on every retry; .*: set a deduplication id created before the retry`
		if err == nil {
			return nil
		}
		time.Sleep(time.Duration(attempt) * 200 * time.Millisecond)
	}
	return err
}

func (r *Relay) Enqueue(ctx context.Context, e Event) error {
	b := retry.WithMaxRetries(3, retry.NewExponential(100*time.Millisecond))
	return retry.Do(ctx, b, func(ctx context.Context) error {
		_, err := r.sqs.SendMessage(ctx, &sqs.SendMessageInput{ // want `SendMessage inside retry.Do \(sethvargo/go-retry\) runs again on every retry`
			QueueUrl:    aws.String(r.queueURL),
			MessageBody: aws.String(string(e.Payload)),
		})
		return retry.RetryableError(err)
	})
}

// EnqueueDedup sends a deduplication id derived from the event: safe.
func (r *Relay) EnqueueDedup(ctx context.Context, e Event) error {
	b := retry.WithMaxRetries(3, retry.NewExponential(100*time.Millisecond))
	return retry.Do(ctx, b, func(ctx context.Context) error {
		_, err := r.sqs.SendMessage(ctx, &sqs.SendMessageInput{
			QueueUrl:               aws.String(r.queueURL),
			MessageBody:            aws.String(string(e.Payload)),
			MessageDeduplicationId: aws.String(e.ID),
			MessageGroupId:         aws.String("orders"),
		})
		return retry.RetryableError(err)
	})
}

func (r *Relay) CountDelivery(ctx context.Context, e Event) error {
	b := retry.WithMaxRetries(3, retry.NewConstant(time.Second))
	return retry.Do(ctx, b, func(ctx context.Context) error {
		return r.rdb.Incr(ctx, "deliveries:"+e.ID).Err() // want `Redis INCR inside retry.Do \(sethvargo/go-retry\) runs again on every retry`
	})
}

func (r *Relay) MarkDelivered(ctx context.Context, e Event) error {
	b := retry.WithMaxRetries(3, retry.NewConstant(time.Second))
	return retry.Do(ctx, b, func(ctx context.Context) error {
		return r.rdb.Set(ctx, "delivered:"+e.ID, "1", time.Hour).Err()
	})
}
