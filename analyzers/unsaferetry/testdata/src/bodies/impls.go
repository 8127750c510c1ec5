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

type Cached struct {
	cache   cache
	alerter alerter
	rec     Recorder
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
