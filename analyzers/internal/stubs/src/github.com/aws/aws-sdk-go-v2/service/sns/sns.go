// Package sns is a stub of github.com/aws/aws-sdk-go-v2/service/sns for
// analyzer tests: the real signatures of the functions twice matches.
package sns

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type Options struct {
	Region           string
	RetryMaxAttempts int
}

type Client struct{ options Options }

func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client { return &Client{} }

type PublishInput struct {
	Message                *string
	TopicArn               *string
	MessageDeduplicationId *string
	MessageGroupId         *string
}

type PublishOutput struct{ MessageId *string }

type PublishBatchRequestEntry struct {
	Id                     *string
	Message                *string
	MessageDeduplicationId *string
}

type PublishBatchInput struct {
	PublishBatchRequestEntries []PublishBatchRequestEntry
	TopicArn                   *string
}

type PublishBatchOutput struct{}

type CreateTopicInput struct{ Name *string }
type CreateTopicOutput struct{ TopicArn *string }

func (c *Client) Publish(ctx context.Context, params *PublishInput, optFns ...func(*Options)) (*PublishOutput, error) {
	return &PublishOutput{}, nil
}
func (c *Client) PublishBatch(ctx context.Context, params *PublishBatchInput, optFns ...func(*Options)) (*PublishBatchOutput, error) {
	return &PublishBatchOutput{}, nil
}

// CreateTopic is idempotent in SNS (same name, same topic).
func (c *Client) CreateTopic(ctx context.Context, params *CreateTopicInput, optFns ...func(*Options)) (*CreateTopicOutput, error) {
	return &CreateTopicOutput{}, nil
}
