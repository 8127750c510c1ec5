package notifier

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"
)

// waitDone polls a job's status until it is done; when the deadline fires
// it posts one incident and leaves. The deadline's clause always leaves
// the loop, so its POST runs once.
func waitDone(ctx context.Context, hc *http.Client, statusURL, incidentURL string) error {
	deadline := time.NewTimer(time.Minute)
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-deadline.C:
			resp, err := hc.Post(incidentURL, "text/plain", strings.NewReader("job stuck"))
			if err != nil {
				return err
			}
			resp.Body.Close()
			return errors.New("timed out")
		case <-tick.C:
			resp, err := hc.Get(statusURL)
			if err != nil {
				continue
			}
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
	}
}

// retryPost posts on every tick until it succeeds: its clause goes round
// after a failure.
func retryPost(ctx context.Context, hc *http.Client, url string) error {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
			resp, err := hc.Post(url, "text/plain", strings.NewReader("event")) // want `POST request inside a retry loop runs again on every retry`
			if err != nil {
				continue
			}
			resp.Body.Close()
			return nil
		}
	}
}
