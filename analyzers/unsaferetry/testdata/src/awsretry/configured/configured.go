// Package configured sets the AWS SDK's attempt count: a message whose
// SendMessage got a 5xx or lost its connection after SQS stored it is
// sent again.
package configured

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

type Outbox struct {
	q   *sqs.Client
	url string
}

func New(ctx context.Context, url string) (*Outbox, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRetryMaxAttempts(5))
	if err != nil {
		return nil, err
	}
	return &Outbox{q: sqs.NewFromConfig(cfg), url: url}, nil
}

func (o *Outbox) Send(ctx context.Context, body string) error {
	_, err := o.q.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(o.url), MessageBody: aws.String(body)}) // want `SQS Client\.SendMessage sent through the AWS SDK's retries \(up to RetryMaxAttempts attempts, 3 by default; an operation answered with a 5xx or a dropped connection is sent again\) runs again on every retry`
	return err
}

// A FIFO queue drops a repeat with the same deduplication id: silent.
func (o *Outbox) SendOnce(ctx context.Context, id, body string) error {
	_, err := o.q.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(o.url), MessageBody: aws.String(body), MessageDeduplicationId: aws.String(id), MessageGroupId: aws.String("orders")})
	return err
}

// Reads and deletes are not writes that repeat: silent.
func (o *Outbox) Drain(ctx context.Context, handle string) error {
	if _, err := o.q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(o.url)}); err != nil {
		return err
	}
	_, err := o.q.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: aws.String(o.url), ReceiptHandle: aws.String(handle)})
	return err
}
