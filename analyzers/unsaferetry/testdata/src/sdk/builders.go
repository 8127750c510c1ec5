package sdk

import (
	"context"

	"k8s.io/client-go/util/retry"
)

// A vector store client builds each request from an option value and
// sends it with a second call. The builder is named like an insert but
// only returns the request; the send is the write.

type InsertRequest struct {
	Collection string
	Rows       [][]float32
}

type InsertOption interface {
	InsertRequest(collection string) (*InsertRequest, error)
}

type VectorClient interface {
	Insert(ctx context.Context, req *InsertRequest) (int64, error)
}

type Loader struct {
	client VectorClient
}

func (l *Loader) Load(ctx context.Context, opt InsertOption) error {
	return retry.OnError(retry.DefaultBackoff, func(error) bool { return true }, func() error {
		req, err := opt.InsertRequest("docs")
		if err != nil {
			return err
		}
		_, err = l.client.Insert(ctx, req) // want `VectorClient\.Insert \(an interface method with no body twice can see, named like an insert\) inside retry\.OnError`
		return err
	})
}
