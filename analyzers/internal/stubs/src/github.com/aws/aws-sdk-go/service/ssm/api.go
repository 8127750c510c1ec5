// Package ssm is a stub of github.com/aws/aws-sdk-go/service/ssm for
// analyzer tests, in the SDK's generated shape.
package ssm

import "github.com/aws/aws-sdk-go/aws/request"

type SSM struct{}

type CreateActivationInput struct {
	IamRole           *string
	Description       *string
	RegistrationLimit *int64
}

type CreateActivationOutput struct{ ActivationId *string }

type CreateDocumentInput struct {
	Name    *string
	Content *string
}

type CreateDocumentOutput struct{}

func (c *SSM) CreateActivation(input *CreateActivationInput) (*CreateActivationOutput, error) {
	op := &request.Operation{Name: "CreateActivation", HTTPMethod: "POST", HTTPPath: "/"}
	out := &CreateActivationOutput{}
	return out, request.New(op, input, out).Send()
}

func (c *SSM) CreateDocument(input *CreateDocumentInput) (*CreateDocumentOutput, error) {
	op := &request.Operation{Name: "CreateDocument", HTTPMethod: "POST", HTTPPath: "/"}
	out := &CreateDocumentOutput{}
	return out, request.New(op, input, out).Send()
}
