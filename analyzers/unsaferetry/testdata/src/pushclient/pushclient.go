// Package pushclient is a push-notification client whose public methods
// have generic sending names (Send, SendWithRetry) and whose request
// helper posts to a configured endpoint with no path: what the methods
// are given (a *Message) says they send something.
package pushclient

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
)

type Message struct {
	To   string
	Body string
}

type Client struct {
	endpoint string
	hc       *http.Client
}

func retry(fn func() error, attempts int) error {
	var err error
	for i := 0; i <= attempts; i++ {
		err = fn()
		if err == nil {
			return nil
		}
		if ne, ok := err.(net.Error); !ok || !ne.Timeout() {
			return err
		}
	}
	return err
}

func (c *Client) send(ctx context.Context, data []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, bytes.NewReader(data))
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// SendWithRetry delivers msg, retrying timeouts: a notification whose
// answer timed out is delivered twice.
func (c *Client) SendWithRetry(ctx context.Context, msg *Message, attempts int) error {
	data, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	return retry(func() error {
		return c.send(ctx, data) // want `Client\.send \(POST request\) inside pushclient\.retry .*retry only idempotent calls \(suppress with`
	}, attempts)
}

// Status is what the service answers about a device.
type Status struct{ Online bool }

// SendRawWithRetry is given bytes, not a message: the generic name says
// nothing, and the finding is only a check at low confidence.
func (c *Client) SendRawWithRetry(ctx context.Context, payload []byte, attempts int) error {
	return retry(func() error {
		return c.send(ctx, payload) // want `check: its names and path do not say`
	}, attempts)
}
