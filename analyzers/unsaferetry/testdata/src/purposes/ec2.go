package purposes

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
)

// EC2API is the wrapper interface a controller mocks EC2 with.
type EC2API interface {
	CreateNetworkInterface(ctx context.Context, in *ec2.CreateNetworkInterfaceInput, optFns ...func(*ec2.Options)) (*ec2.CreateNetworkInterfaceOutput, error)
	CreateSnapshot(ctx context.Context, in *ec2.CreateSnapshotInput, optFns ...func(*ec2.Options)) (*ec2.CreateSnapshotOutput, error)
	CreateTags(ctx context.Context, in *ec2.CreateTagsInput, optFns ...func(*ec2.Options)) (*ec2.CreateTagsOutput, error)
}

// AttachENI builds the input once: the SDK fills its ClientToken on the
// first call and every later attempt sends the same token, which EC2
// answers with the first interface.
func AttachENI(ctx context.Context, api EC2API, subnet string) error {
	input := &ec2.CreateNetworkInterfaceInput{SubnetId: aws.String(subnet)}
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = api.CreateNetworkInterface(ctx, input); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// AttachENIFresh builds a new input on each attempt: a new token each
// time protects nothing.
func AttachENIFresh(ctx context.Context, api EC2API) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = api.CreateNetworkInterface(ctx, &ec2.CreateNetworkInterfaceInput{Description: aws.String("eni")}); err == nil { // want `its ClientToken \(filled by the SDK into the input\) is generated inside the retried code`
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// Snapshot has no token to fill: a lost reply leaves a second snapshot.
func Snapshot(ctx context.Context, api EC2API, volume string) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = api.CreateSnapshot(ctx, &ec2.CreateSnapshotInput{VolumeId: aws.String(volume)}); err == nil { // check: only a name (no body twice can see) says it adds something
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// Tag sets key=value tags: a repeat sets the same tags.
func Tag(ctx context.Context, api EC2API, id string, tags []ec2.Tag) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = api.CreateTags(ctx, &ec2.CreateTagsInput{Resources: []string{id}, Tags: tags}); err == nil { // check: tags are a set
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}
