// Package testfiles: an order client whose own retry loop re-posts, and a
// test that retries a POST against a test server. Only the client is
// reported by default; -unsaferetry.tests reports the test too.
package testfiles

import (
	"bytes"
	"context"
	"net/http"
)

// Client posts order events to the event service.
type Client struct {
	HTTP *http.Client
	Base string
}

// SendOrderEvent posts an order event, trying again after any failure.
func (c *Client) SendOrderEvent(ctx context.Context, body []byte) error {
	var last error
	for attempt := 0; attempt < 3; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Base+"/order-events", bytes.NewReader(body))
		if err != nil {
			return err
		}
		resp, err := c.HTTP.Do(req) // want `POST /order-events`
		if err != nil {
			last = err
			continue
		}
		resp.Body.Close()
		return nil
	}
	return last
}
