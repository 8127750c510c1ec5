package rpcenvelope

import (
	"bytes"
	"context"
	"net/http"

	"github.com/avast/retry-go/v4"
)

// Registry is a service registry spoken to over HTTP, where every
// operation is a POST.
type Registry struct {
	base string
	http *http.Client
}

func (r *Registry) post(ctx context.Context, path string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := r.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// DiscoverInstances is a read sent as POST: silent.
func (r *Registry) DiscoverInstances(ctx context.Context, service string) error {
	return retry.Do(func() error {
		return r.post(ctx, "/v1/instances", []byte(service))
	})
}

// RegisterInstance adds an instance: reported.
func (r *Registry) RegisterInstance(ctx context.Context, service string) error {
	return retry.Do(func() error {
		return r.post(ctx, "/v1/instances", []byte(service)) // want `Registry\.post \(POST /v1/instances\) inside retry\.Do`
	})
}
