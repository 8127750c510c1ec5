// Package events takes its configuration from awsconf, whose retries are
// set: its sends are retried by the SDK.
package events

import (
	"context"

	"awsretry/layered/awsconf"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

func Emit(ctx context.Context, url, body string) error {
	c := sqs.NewFromConfig(awsconf.Config("eu-west-1", 8))
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageBody: aws.String(body)}) // want `SQS Client\.SendMessage sent through the AWS SDK's retries`
	return err
}
