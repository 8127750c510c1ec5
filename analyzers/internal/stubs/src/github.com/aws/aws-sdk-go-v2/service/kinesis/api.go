// Package kinesis is a stub of github.com/aws/aws-sdk-go-v2/service/kinesis
// for analyzer tests: the real signatures of the functions twice matches.
package kinesis

import "context"

type Options struct{}

type Client struct{ options Options }

type PutRecordInput struct {
	StreamName   *string
	PartitionKey *string
	Data         []byte
}

type PutRecordOutput struct{ SequenceNumber *string }

type DescribeStreamInput struct{ StreamName *string }

type DescribeStreamOutput struct{}

func (c *Client) PutRecord(ctx context.Context, params *PutRecordInput, optFns ...func(*Options)) (*PutRecordOutput, error) {
	return &PutRecordOutput{}, nil
}

func (c *Client) DescribeStream(ctx context.Context, params *DescribeStreamInput, optFns ...func(*Options)) (*DescribeStreamOutput, error) {
	return &DescribeStreamOutput{}, nil
}
