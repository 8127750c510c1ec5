// Package ec2 is a stub of github.com/aws/aws-sdk-go-v2/service/ec2 for
// analyzer tests.
package ec2

import "context"

type Client struct{}

type Options struct{}

// CreateNetworkInterfaceInput carries ClientToken, which the SDK's
// idempotency-token middleware fills into the caller's struct when nil.
type CreateNetworkInterfaceInput struct {
	SubnetId    *string
	Description *string
	ClientToken *string
}

type NetworkInterface struct{ NetworkInterfaceId *string }

type CreateNetworkInterfaceOutput struct{ NetworkInterface *NetworkInterface }

func (c *Client) CreateNetworkInterface(ctx context.Context, in *CreateNetworkInterfaceInput, optFns ...func(*Options)) (*CreateNetworkInterfaceOutput, error) {
	return &CreateNetworkInterfaceOutput{}, nil
}

// CreateSnapshotInput has no idempotency token.
type CreateSnapshotInput struct {
	VolumeId    *string
	Description *string
}

type CreateSnapshotOutput struct{ SnapshotId *string }

func (c *Client) CreateSnapshot(ctx context.Context, in *CreateSnapshotInput, optFns ...func(*Options)) (*CreateSnapshotOutput, error) {
	return &CreateSnapshotOutput{}, nil
}

type Tag struct{ Key, Value *string }

type CreateTagsInput struct {
	Resources []string
	Tags      []Tag
}

type CreateTagsOutput struct{}

func (c *Client) CreateTags(ctx context.Context, in *CreateTagsInput, optFns ...func(*Options)) (*CreateTagsOutput, error) {
	return &CreateTagsOutput{}, nil
}
