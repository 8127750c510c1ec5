package bodies

import (
	"bytes"
	"context"
	"net/http"
	"sync"

	"github.com/avast/retry-go/v4"
)

// cache is unexported: its implementations are this package's types, and
// the only one keeps entries in memory.
type cache interface {
	Insert(ctx context.Context, key string, val []byte) error
}

type memCache struct {
	mu sync.Mutex
	m  map[string][]byte
}

func (c *memCache) Insert(ctx context.Context, key string, val []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key] = val
	return nil
}

// alerter is unexported and implemented by an HTTP sender.
type alerter interface {
	SendAlert(ctx context.Context, text string) error
}

type webhookAlerter struct {
	http *http.Client
	url  string
}

func (a *webhookAlerter) SendAlert(ctx context.Context, text string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.url+"/v1/alerts", bytes.NewBufferString(text))
	if err != nil {
		return err
	}
	resp, err := a.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Recorder is exported: other packages may implement it, so its name
// decides even though the only implementation here is in memory.
type Recorder interface {
	CreateRecord(ctx context.Context, name string) error
}

type memRecorder struct{ names []string }

func (r *memRecorder) CreateRecord(ctx context.Context, name string) error {
	r.names = append(r.names, name)
	return nil
}

// Journal is exported but sealed (an unexported method): no other package
// can implement it, so the HTTP implementation here decides.
type Journal interface {
	AppendEntry(ctx context.Context, entry string) error
	journal()
}

type httpJournal struct {
	http *http.Client
	url  string
}

func (j *httpJournal) AppendEntry(ctx context.Context, entry string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, j.url+"/v1/journal", bytes.NewBufferString(entry))
	if err != nil {
		return err
	}
	resp, err := j.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (*httpJournal) journal() {}

type Cached struct {
	cache   cache
	alerter alerter
	rec     Recorder
	journal Journal
}

func (c *Cached) Warm(ctx context.Context, key string, val []byte) error {
	return retry.Do(func() error { return c.cache.Insert(ctx, key, val) })
}

func (c *Cached) Alert(ctx context.Context, text string) error {
	return retry.Do(func() error {
		return c.alerter.SendAlert(ctx, text) // want `alerter\.SendAlert \(POST /v1/alerts in webhookAlerter\.SendAlert\) inside retry\.Do`
	})
}

func (c *Cached) Record(ctx context.Context, name string) error {
	return retry.Do(func() error {
		return c.rec.CreateRecord(ctx, name) // want `Recorder\.CreateRecord \(an interface method with no body twice can see, named like a create\) inside retry\.Do`
	})
}

func (c *Cached) Log(ctx context.Context, entry string) error {
	return retry.Do(func() error {
		return c.journal.AppendEntry(ctx, entry) // want `Journal\.AppendEntry \(POST /v1/journal in httpJournal\.AppendEntry\) inside retry\.Do`
	})
}

// Uploader pushes content-addressed blobs to a registry.
type Uploader struct {
	http *http.Client
	base string
}

func (u *Uploader) checkExistingBlob(ctx context.Context, digest string) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, u.base+"/blobs/"+digest, nil)
	if err != nil {
		return false, err
	}
	resp, err := u.http.Do(req)
	if err != nil {
		return false, err
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}

func (u *Uploader) initiateUpload(ctx context.Context, digest string, data []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.base+"/blobs/uploads/", bytes.NewReader(data))
	if err != nil {
		return err
	}
	resp, err := u.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Each attempt first asks whether the blob is already there.
func (u *Uploader) Upload(ctx context.Context, digest string, data []byte) error {
	return retry.Do(func() error {
		exists, err := u.checkExistingBlob(ctx, digest)
		if err != nil {
			return err
		}
		if exists {
			return nil
		}
		return u.initiateUpload(ctx, digest, data)
	})
}

func (u *Uploader) UploadBlind(ctx context.Context, digest string, data []byte) error {
	return retry.Do(func() error {
		return u.initiateUpload(ctx, digest, data) // want `Uploader\.initiateUpload \(POST /blobs/uploads/\) inside retry\.Do`
	})
}

// sessions builds its requests through a configurable function, so twice
// cannot tell their method. A function of this package is judged by its
// body only: its name does not make it a write here.
type sessions struct {
	http   *http.Client
	newReq func(ctx context.Context) (*http.Request, error)
}

func (s *sessions) CreateSession(ctx context.Context) error {
	req, err := s.newReq(ctx)
	if err != nil {
		return err
	}
	resp, err := s.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (s *sessions) Refresh(ctx context.Context) error {
	return retry.Do(func() error { return s.CreateSession(ctx) })
}
