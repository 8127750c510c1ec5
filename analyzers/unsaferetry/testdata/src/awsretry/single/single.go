// Package single allows one attempt: the SDK sends nothing again.
package single

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

func Send(ctx context.Context, url, body string) error {
	cfg := aws.Config{Region: "eu-west-1", RetryMaxAttempts: 1}
	_, err := sqs.NewFromConfig(cfg).SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageBody: aws.String(body)})
	return err
}
