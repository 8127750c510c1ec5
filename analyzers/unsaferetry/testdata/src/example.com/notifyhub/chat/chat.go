// Package chat registers a sender that posts each event with the event's
// own id as its idempotency key: the receiving API deduplicates a repeat,
// so the retried send is safe.
package chat

import (
	"bytes"
	"encoding/json"
	"net/http"

	"example.com/notifyhub/notification"
)

type sender struct {
	url    string
	client *http.Client
}

func init() {
	notification.RegisterSender("chat", &sender{url: "https://chat.example.com/api/messages", client: http.DefaultClient})
}

func (s *sender) Send(event notification.Event) error {
	body, _ := json.Marshal(map[string]string{"text": event.Message})
	req, err := http.NewRequest(http.MethodPost, s.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", event.ID)
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
