package requeststruct

import (
	"context"
	"net/http"
)

type Messaging struct{ hc *HTTPClient }

// Send posts one push message: a second attempt delivers it twice.
func (m *Messaging) Send(ctx context.Context, body []byte) error {
	req := &Request{Method: http.MethodPost, URL: "https://push.example.com/v1/messages:send", Body: body}
	_, err := m.hc.Do(ctx, req) // want `POST /v1/messages:send is retried by HTTPClient\.Do, which sends it again inside a retry loop; the request can be applied twice`
	return err
}

// Get reads.
func (m *Messaging) Get(ctx context.Context, id string) error {
	_, err := m.hc.Do(ctx, &Request{Method: http.MethodGet, URL: "https://push.example.com/v1/messages/" + id})
	return err
}

// Sign asks the server to sign a payload: a read sent as POST.
func (m *Messaging) Sign(ctx context.Context, account string, payload []byte) error {
	_, err := m.hc.Do(ctx, &Request{Method: http.MethodPost, URL: "https://iam.example.com/v1/serviceAccounts/" + account + ":signBlob", Body: payload})
	return err
}
