// Package storage provisions buckets through a generated gRPC client and
// uploads through a retrying HTTP client.
package storage

import (
	"context"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type CreateBucketRequest struct {
	Name        string
	Region      string
	ClientToken string
}

type Bucket struct {
	Name            string
	ResourceVersion string
}

// BucketsClient is generated: its bodies are not visible to the analysis.
type BucketsClient interface {
	CreateBucket(ctx context.Context, in *CreateBucketRequest) (*Bucket, error)
	UpdateBucket(ctx context.Context, in *Bucket) (*Bucket, error)
	SubmitScan(ctx context.Context, in *Bucket) (*Bucket, error)
}

type Provisioner struct {
	buckets BucketsClient
	rc      *retryablehttp.Client
}

func (p *Provisioner) Provision(ctx context.Context, name, token string) error {
	if _, err := p.buckets.CreateBucket(ctx, &CreateBucketRequest{Region: "eu", ClientToken: token}); err != nil { // want `mutating: BucketsClient.CreateBucket \(an interface method with no body twice can see, named like a create\); key ClientToken \(stable\)$`
		return err
	}
	_, err := p.buckets.CreateBucket(ctx, &CreateBucketRequest{Name: name}) // named by the caller (namedcreate.go)
	if status.Code(err) == codes.AlreadyExists {
		return nil
	}
	b := &Bucket{Name: name}
	b.ResourceVersion = "42"
	if _, err := p.buckets.SubmitScan(ctx, b); err != nil { // want `mutating: BucketsClient.SubmitScan \(an interface method with no body twice can see, named like a submission\); cas$`
		return err
	}
	if _, err := p.buckets.UpdateBucket(ctx, b); err != nil {
		return err
	}
	return nil
}

func (p *Provisioner) Upload(ctx context.Context, body []byte) error {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, "https://uploads.example.com/v2/objects", body)
	if err != nil {
		return err
	}
	if _, err := p.rc.Do(req); err != nil { // want `mutating: POST /v2/objects$`
		return err
	}
	if _, err := p.rc.Post("https://uploads.example.com/v2/parts", "application/octet-stream", body); err != nil { // want `mutating: POST /v2/parts$`
		return err
	}
	get, _ := retryablehttp.NewRequest(http.MethodGet, "https://uploads.example.com/v2/objects", nil)
	_, err = p.rc.Do(get)
	return err
}
