package requeststruct

import (
	"context"
	"net/http"
)

type Messaging struct{ hc *HTTPClient }

// Send posts one push message: a second attempt delivers it twice.
func (m *Messaging) Send(ctx context.Context, body []byte) error {
	req := &Request{Method: http.MethodPost, URL: "https://push.example.com/v1/messages:send", Body: body}
	_, err := m.hc.Do(ctx, req) // want `POST request is retried by HTTPClient\.Do, which sends it again inside a retry loop; the request can be applied twice`
	return err
}

// Get reads.
func (m *Messaging) Get(ctx context.Context, id string) error {
	_, err := m.hc.Do(ctx, &Request{Method: http.MethodGet, URL: "https://push.example.com/v1/messages/" + id})
	return err
}
