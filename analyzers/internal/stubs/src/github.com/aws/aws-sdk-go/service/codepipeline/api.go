// Package codepipeline is a stub of
// github.com/aws/aws-sdk-go/service/codepipeline for analyzer tests, in
// the SDK's generated shape.
package codepipeline

import "github.com/aws/aws-sdk-go/aws/request"

type CodePipeline struct{}

type PipelineDeclaration struct {
	Name    *string
	RoleArn *string
	Version *int64
}

type CreatePipelineInput struct {
	Pipeline *PipelineDeclaration
}

type CreatePipelineOutput struct{ Pipeline *PipelineDeclaration }

func (c *CodePipeline) CreatePipeline(input *CreatePipelineInput) (*CreatePipelineOutput, error) {
	op := &request.Operation{Name: "CreatePipeline", HTTPMethod: "POST", HTTPPath: "/"}
	out := &CreatePipelineOutput{}
	return out, request.New(op, input, out).Send()
}
