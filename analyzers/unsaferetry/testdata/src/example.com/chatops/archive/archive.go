// Package archive stores chat transcripts through an HTTP API whose
// requests say nothing of what they do: the same shape as webhook, but
// neither the type, the method nor the package says it sends, so the POST
// is only a check (reported at -unsaferetry.confidence=low).
package archive

import (
	"bytes"
	"net/http"

	"github.com/avast/retry-go/v4"
)

type client struct {
	url  string
	body string
}

func (c *client) Send() error {
	return retry.Do(func() error {
		resp, err := http.Post(c.url, "application/json", bytes.NewBufferString(c.body))
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}
