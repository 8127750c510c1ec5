// Package largefiles is an object-store client layered like many storage
// SDKs: an unexported interface (the backend) with one implementation
// that calls the service and one that keeps files in memory, and a layer
// above that retries every backend call with backoff. The backend's
// methods are judged by their implementations, whatever their names:
// starting a large file POSTs and creates a new unfinished upload on
// every attempt; listing and the in-memory backend write nothing remote.
package largefiles

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"time"

	"example.com/pushapi"
)

type upload struct{ ID string }

// backend is what the retrying layer calls.
type backend interface {
	createLargeFile(ctx context.Context, bucket, name string) (*upload, error)
	listUploads(ctx context.Context, bucket string) ([]upload, error)
	createDraft(ctx context.Context, name string) (*upload, error)
	// finish is named like nothing, and the in-memory backend writes
	// nothing: judged by its name, it is silent.
	finish(ctx context.Context, id string) error
	// handoff's implementation writes only by the name of what it calls.
	handoff(ctx context.Context, data []byte) error
}

// apiBackend calls the storage service.
type apiBackend struct {
	hc     *http.Client
	base   string
	pusher pushapi.Pusher
}

func (b *apiBackend) call(ctx context.Context, verb, op string, in any) error {
	body, err := json.Marshal(in)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, verb, b.base+"/api/"+op, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := b.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (b *apiBackend) createLargeFile(ctx context.Context, bucket, name string) (*upload, error) {
	if err := b.call(ctx, http.MethodPost, "start_large_file", map[string]string{"bucket": bucket, "name": name}); err != nil {
		return nil, err
	}
	return &upload{}, nil
}

func (b *apiBackend) finish(ctx context.Context, id string) error {
	return b.call(ctx, http.MethodPost, "finish_large_file", map[string]string{"fileId": id})
}

func (b *apiBackend) handoff(ctx context.Context, data []byte) error {
	return b.pusher.Send(ctx, data)
}

func (b *apiBackend) listUploads(ctx context.Context, bucket string) ([]upload, error) {
	return nil, b.call(ctx, http.MethodGet, "list_unfinished_large_files", nil)
}

func (b *apiBackend) createDraft(ctx context.Context, name string) (*upload, error) {
	return &upload{ID: name}, nil
}

// memBackend keeps everything in memory (tests, dry runs).
type memBackend struct{ files map[string]*upload }

func (m *memBackend) createLargeFile(ctx context.Context, bucket, name string) (*upload, error) {
	u := &upload{ID: bucket + "/" + name}
	m.files[u.ID] = u
	return u, nil
}

func (m *memBackend) finish(ctx context.Context, id string) error { return nil }

func (m *memBackend) handoff(ctx context.Context, data []byte) error { return nil }

func (m *memBackend) listUploads(ctx context.Context, bucket string) ([]upload, error) {
	return nil, nil
}

func (m *memBackend) createDraft(ctx context.Context, name string) (*upload, error) {
	return &upload{ID: name}, nil
}

// withBackoff calls f until it succeeds.
func withBackoff(ctx context.Context, f func() error) error {
	for {
		err := f()
		if err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// Bucket is the retrying layer.
type Bucket struct {
	be   backend
	name string
}

// CreateLargeFile starts a new unfinished upload: a retry after a lost
// reply leaves one more behind.
func (b *Bucket) CreateLargeFile(ctx context.Context, name string) (*upload, error) {
	var u *upload
	err := withBackoff(ctx, func() error {
		var err error
		u, err = b.be.createLargeFile(ctx, b.name, name) // want `backend.createLargeFile \(POST \S*start_large_file in apiBackend.createLargeFile\)`
		return err
	})
	return u, err
}

// Unfinished lists the uploads: a GET in every implementation.
func (b *Bucket) Unfinished(ctx context.Context) ([]upload, error) {
	var out []upload
	err := withBackoff(ctx, func() error {
		var err error
		out, err = b.be.listUploads(ctx, b.name)
		return err
	})
	return out, err
}

// Draft prepares a file locally: named like a create, but no
// implementation calls the service.
func (b *Bucket) Draft(ctx context.Context, name string) (*upload, error) {
	var u *upload
	err := withBackoff(ctx, func() error {
		var err error
		u, err = b.be.createDraft(ctx, name)
		return err
	})
	return u, err
}

// Finish retries a method with a neutral name that only one
// implementation makes a POST.
func (b *Bucket) Finish(ctx context.Context, id string) error {
	return withBackoff(ctx, func() error {
		return b.be.finish(ctx, id)
	})
}

// Handoff retries a neutral name whose implementation's write is judged
// by a name inside it: not evidence enough to report.
func (b *Bucket) Handoff(ctx context.Context, data []byte) error {
	return withBackoff(ctx, func() error {
		return b.be.handoff(ctx, data)
	})
}

// notifier is named like nothing, but every implementation POSTs.
type notifier interface {
	deliver(ctx context.Context, event []byte) error
}

type directNotifier struct{ api *apiBackend }

func (d directNotifier) deliver(ctx context.Context, event []byte) error {
	return d.api.call(ctx, http.MethodPost, "events", event)
}

type proxyNotifier struct{ api *apiBackend }

func (p proxyNotifier) deliver(ctx context.Context, event []byte) error {
	return p.api.call(ctx, http.MethodPost, "proxy/events", event)
}

// Notify retries a neutral name whose implementations all write.
func Notify(ctx context.Context, n notifier, event []byte) error {
	return withBackoff(ctx, func() error {
		return n.deliver(ctx, event) // want `notifier.deliver \(POST \S*events in directNotifier.deliver\) inside`
	})
}
