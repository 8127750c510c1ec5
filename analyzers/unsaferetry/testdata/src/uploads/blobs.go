// Package uploads pushes blobs to a registry: each attempt opens an upload
// session (POST) and streams the blob to the session's location (PATCH).
// The PATCH goes to the session the same attempt created — a new target
// each time — while the POST that opens it is still judged.
package uploads

import (
	"bytes"
	"context"
	"net/http"
	"time"

	retrygo "github.com/avast/retry-go/v4"
)

type Pusher struct {
	hc   *http.Client
	base string
}

func (p *Pusher) initiate(ctx context.Context, repo string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.base+"/v2/"+repo+"/blobs/uploads/", nil)
	if err != nil {
		return "", err
	}
	resp, err := p.hc.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Header.Get("Location"), nil
}

// stream sends the blob to the session and returns the session's next
// location.
func (p *Pusher) stream(ctx context.Context, location string, blob []byte) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPatch, location, bytes.NewReader(blob))
	if err != nil {
		return "", err
	}
	resp, err := p.hc.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Header.Get("Location"), nil
}

// commit closes the session.
func (p *Pusher) commit(ctx context.Context, location string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, location+"&digest=sha256:0", nil)
	if err != nil {
		return err
	}
	resp, err := p.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Push opens a session and streams into it on every attempt.
func (p *Pusher) Push(ctx context.Context, repo string, blob []byte) error {
	return retrygo.Do(func() error {
		location, err := p.initiate(ctx, repo) // want `Pusher.initiate \(POST .*/blobs/uploads/\) inside retry.Do \(avast/retry-go\) runs again on every retry`
		if err != nil {
			return err
		}
		location, err = p.stream(ctx, location, blob)
		if err != nil {
			return err
		}
		return p.commit(ctx, location)
	}, retrygo.Attempts(3))
}

// Resume streams, on every attempt, into one session opened before the
// retry: the same target again.
func (p *Pusher) Resume(ctx context.Context, repo string, blob []byte) error {
	location, err := p.initiate(ctx, repo)
	if err != nil {
		return err
	}
	for attempt := 0; attempt < 3; attempt++ {
		_, err = p.stream(ctx, location, blob) // want `Pusher.stream \(PATCH request\) inside a retry loop runs again on every retry`
		if err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}
