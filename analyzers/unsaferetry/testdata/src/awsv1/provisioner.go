// Package awsv1 provisions cloud resources with aws-sdk-go (v1), whose
// operations send through Request.Send: the HTTP call is made by a
// handler the SDK installs, which no body shows. The messaging operations
// are known publishes; the others are judged by their names, which makes
// them checks (reported only at -unsaferetry.confidence=low).
package awsv1

import (
	"errors"
	"time"

	"github.com/aws/aws-sdk-go/service/codepipeline"
	"github.com/aws/aws-sdk-go/service/sqs"
	"github.com/aws/aws-sdk-go/service/ssm"
)

var errNotPropagated = errors.New("role not propagated yet")

func str(s string) *string { return &s }

// Activate creates an activation, retried on any error: only the name
// says create, so it is a check, silent by default.
func Activate(conn *ssm.SSM, role string) (*ssm.CreateActivationOutput, error) {
	var out *ssm.CreateActivationOutput
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		out, err = conn.CreateActivation(&ssm.CreateActivationInput{IamRole: str(role)})
		if err == nil {
			return out, nil
		}
		time.Sleep(time.Second)
	}
	return nil, err
}

// ActivateWhenPropagated goes round only while the role is not visible
// yet: silent.
func ActivateWhenPropagated(conn *ssm.SSM, role string) error {
	for {
		_, err := conn.CreateActivation(&ssm.CreateActivationInput{IamRole: str(role)})
		if !errors.Is(err, errNotPropagated) {
			return err
		}
		time.Sleep(time.Second)
	}
}

// Notify sends a message, retried on any error: a second message.
func Notify(conn *sqs.SQS, queue, body string) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = conn.SendMessage(&sqs.SendMessageInput{QueueUrl: str(queue), MessageBody: str(body)}); err == nil { // want `SQS SQS\.SendMessage inside a retry loop`
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// NotifyOnce carries a deduplication id made before the retry: silent.
func NotifyOnce(conn *sqs.SQS, queue, body, id string) error {
	in := &sqs.SendMessageInput{QueueUrl: str(queue), MessageBody: str(body), MessageDeduplicationId: str(id)}
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = conn.SendMessage(in); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// Poll receives in a loop: a read, silent.
func Poll(conn *sqs.SQS, queue string) ([]string, error) {
	for attempt := 0; ; attempt++ {
		out, err := conn.ReceiveMessage(&sqs.ReceiveMessageInput{QueueUrl: str(queue)})
		if err == nil {
			return out.Messages, nil
		}
		if attempt == 3 {
			return nil, err
		}
		time.Sleep(time.Second)
	}
}

// Document creates a document under the name its caller chose: a
// repeat is refused, silent.
func Document(conn *ssm.SSM, name, content string) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = conn.CreateDocument(&ssm.CreateDocumentInput{Name: str(name), Content: str(content)}); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// expandPipeline builds the declaration, with its name, from settings.
func expandPipeline(name, role string) *codepipeline.PipelineDeclaration {
	return &codepipeline.PipelineDeclaration{Name: str(name), RoleArn: str(role)}
}

// Pipeline creates a pipeline whose declaration carries the name its
// caller chose, built elsewhere: a repeat is refused, silent.
func Pipeline(conn *codepipeline.CodePipeline, name, role string) error {
	params := &codepipeline.CreatePipelineInput{Pipeline: expandPipeline(name, role)}
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = conn.CreatePipeline(params); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}
