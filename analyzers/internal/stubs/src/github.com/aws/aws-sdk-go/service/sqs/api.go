// Package sqs is a stub of github.com/aws/aws-sdk-go/service/sqs for
// analyzer tests, generated in the SDK's shape: each operation builds a
// request for its Operation and sends it with Request.Send.
package sqs

import (
	"context"

	"github.com/aws/aws-sdk-go/aws/request"
)

type SQS struct{}

type SendMessageInput struct {
	QueueUrl               *string
	MessageBody            *string
	MessageDeduplicationId *string
}

type SendMessageOutput struct{ MessageId *string }

type ReceiveMessageInput struct{ QueueUrl *string }

type ReceiveMessageOutput struct{ Messages []string }

func (c *SQS) newRequest(op *request.Operation, params, data interface{}) *request.Request {
	return request.New(op, params, data)
}

func (c *SQS) SendMessageRequest(input *SendMessageInput) (req *request.Request, output *SendMessageOutput) {
	op := &request.Operation{Name: "SendMessage", HTTPMethod: "POST", HTTPPath: "/"}
	output = &SendMessageOutput{}
	req = c.newRequest(op, input, output)
	return
}

func (c *SQS) SendMessage(input *SendMessageInput) (*SendMessageOutput, error) {
	req, out := c.SendMessageRequest(input)
	return out, req.Send()
}

func (c *SQS) SendMessageWithContext(ctx context.Context, input *SendMessageInput) (*SendMessageOutput, error) {
	req, out := c.SendMessageRequest(input)
	req.SetContext(ctx)
	return out, req.Send()
}

func (c *SQS) ReceiveMessageRequest(input *ReceiveMessageInput) (req *request.Request, output *ReceiveMessageOutput) {
	op := &request.Operation{Name: "ReceiveMessage", HTTPMethod: "POST", HTTPPath: "/"}
	output = &ReceiveMessageOutput{}
	req = c.newRequest(op, input, output)
	return
}

func (c *SQS) ReceiveMessage(input *ReceiveMessageInput) (*ReceiveMessageOutput, error) {
	req, out := c.ReceiveMessageRequest(input)
	return out, req.Send()
}
