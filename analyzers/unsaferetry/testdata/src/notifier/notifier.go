// Package notifier delivers alerts to integrations: a backoff-timer loop
// whose attempt sits in a select clause, a loop that walks distinct auth
// challenges, a loop that retries only on a 5xx, and a frame walker driven
// by its callback's "stop" flag (an iterator, not a retry helper).
package notifier

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"time"
)

// Integration posts alerts to a receiver (Slack, PagerDuty, a webhook).
type Integration interface {
	Notify(ctx context.Context, alerts ...string) (retry bool, err error)
}

type Stage struct {
	integration Integration
	hc          *http.Client
	url         string
}

// Exec retries Notify on a backoff timer until it succeeds or the context
// ends.
func (s *Stage) Exec(ctx context.Context, alerts ...string) error {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			retry, err := s.integration.Notify(ctx, alerts...) // want `Integration.Notify .* inside a retry loop runs again on every retry`
			if err == nil {
				return nil
			}
			if !retry {
				return fmt.Errorf("notify: %w", err)
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// Challenge is one WWW-Authenticate challenge.
type Challenge struct {
	Realm string
}

type tokenClient struct {
	hc    *http.Client
	realm string
}

func newTokenClient(hc *http.Client, c Challenge) (*tokenClient, error) {
	return &tokenClient{hc: hc, realm: c.Realm}, nil
}

func (t *tokenClient) register(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.realm+"/register", nil)
	if err != nil {
		return err
	}
	resp, err := t.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Register tries each challenge in turn with a client built for it: a walk
// over alternatives, not a retry.
func (s *Stage) Register(ctx context.Context, challenges []Challenge) error {
	for _, ch := range challenges {
		tc, err := newTokenClient(s.hc, ch)
		if err != nil {
			continue
		}
		if err := tc.register(ctx); err != nil {
			continue
		}
		return nil
	}
	return fmt.Errorf("notifier: no challenge accepted")
}

// Post returns transport errors and retries only when the receiver
// answered 5xx — after it may have handled the alert.
func (s *Stage) Post(ctx context.Context, body []byte) error {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := s.hc.Post(s.url, "application/json", bytes.NewReader(body)) // want `POST request inside a retry loop runs again on every retry`
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode >= 500 {
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return fmt.Errorf("notifier: receiver failing")
}

// walkFrames calls next for each frame until it says stop; a frame it
// could not print is skipped.
func walkFrames(next func() (printed, stop bool)) int {
	n := 0
	for {
		printed, stop := next()
		if stop {
			return n
		}
		if !printed {
			continue
		}
		n++
	}
}

// Report posts one frame per call of the walker's callback: each call
// handles the next frame, nothing is retried.
func (s *Stage) Report(ctx context.Context, frames []string) int {
	i := 0
	return walkFrames(func() (bool, bool) {
		if i >= len(frames) {
			return false, true
		}
		resp, err := s.hc.Post(s.url, "text/plain", bytes.NewReader([]byte(frames[i])))
		i++
		if err != nil {
			return false, false
		}
		resp.Body.Close()
		return true, false
	})
}
