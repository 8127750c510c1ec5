// Package webhook delivers chat notifications to a webhook URL. Its type
// is called client and its method Send: the package's name says they
// send.
package webhook

import (
	"bytes"
	"net/http"

	"github.com/avast/retry-go/v4"
)

type client struct {
	url  string
	body string
}

// Send posts the notification, retried on every error: a delivered
// notification whose reply was lost is delivered again.
func (c *client) Send() error {
	return retry.Do(func() error {
		resp, err := http.Post(c.url, "application/json", bytes.NewBufferString(c.body)) // want `POST request inside retry\.Do`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}
