// Package clientopts sets the attempt count on the client's options.
package clientopts

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
)

func Notify(ctx context.Context, cfg aws.Config, topic, msg string) error {
	c := sns.NewFromConfig(cfg, func(o *sns.Options) { o.RetryMaxAttempts = 4 })
	_, err := c.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(topic), Message: aws.String(msg)}) // want `SNS Client\.Publish sent through the AWS SDK's retries`
	return err
}
