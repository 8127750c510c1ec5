// Package gotoretry notifies webhook receivers and a CA with loops written
// as a label and `goto`: re-sends after errors and 5xx are reported,
// re-sends after a refusal, forward jumps and a parser's state machine
// are silent.
package gotoretry

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
)

type Notifier struct {
	client *http.Client
	url    string
}

// Notify re-sends the notification once after a connection error or a 5xx.
func (n *Notifier) Notify(ctx context.Context, payload []byte) error {
	retries := 1
retry:
	req, err := http.NewRequestWithContext(ctx, "POST", n.url, bytes.NewReader(payload))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := n.client.Do(req) // want `POST request inside a retry loop runs again on every retry`
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return err
		} else if retries > 0 {
			retries--
			time.Sleep(time.Second)
			goto retry
		}
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 500 && retries > 0 {
		retries--
		time.Sleep(time.Second)
		goto retry
	}
	if resp.StatusCode >= 400 {
		return fmt.Errorf("webhook answered %d", resp.StatusCode)
	}
	return nil
}

// send is a helper the goto loop calls.
func (n *Notifier) send(ctx context.Context, path string, payload []byte) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.url+path, bytes.NewReader(payload))
	if err != nil {
		return nil, err
	}
	return n.client.Do(req)
}

// Enroll goes round on any failure: the helper's POST repeats.
func (n *Notifier) Enroll(ctx context.Context, csr []byte) error {
	tries := 0
again:
	resp, err := n.send(ctx, "/enroll", csr) // want `Notifier.send \(POST /enroll\) inside a retry loop runs again on every retry`
	if err != nil {
		tries++
		if tries < 3 {
			goto again
		}
		return err
	}
	return resp.Body.Close()
}

// Revoke goes round only after a 429: the server refused the request.
func (n *Notifier) Revoke(ctx context.Context, serial string) error {
	retried := false
retry:
	resp, err := n.send(ctx, "/revoke", []byte(serial))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusTooManyRequests && !retried {
		retried = true
		time.Sleep(time.Second)
		goto retry
	}
	if resp.StatusCode >= 400 {
		return fmt.Errorf("revoke answered %d", resp.StatusCode)
	}
	return nil
}

// Publish jumps forward to its cleanup: not a loop.
func (n *Notifier) Publish(ctx context.Context, payload []byte) error {
	resp, err := n.send(ctx, "/publish", payload)
	if err != nil {
		goto fail
	}
	return resp.Body.Close()
fail:
	return fmt.Errorf("publish: %w", err)
}

// Forward sends each record of a batch once: the goto walks the batch,
// whatever the outcome of the send.
func (n *Notifier) Forward(ctx context.Context, records [][]byte) error {
	i := 0
next:
	if i == len(records) {
		return nil
	}
	resp, err := n.send(ctx, "/records", records[i])
	if err != nil {
		return err
	}
	resp.Body.Close()
	i++
	goto next
}
