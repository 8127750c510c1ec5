// Package ticketing is a help-desk API client. Its HTTP clients are built
// on the service's own retrying transports (package retrytransport, and
// one declared here); every method sends through sendJSON.
package ticketing

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"

	"example.com/retrytransport"
)

type Client struct {
	base string
	http *http.Client
}

func NewClient(base string) *Client {
	return &Client{base: base, http: &http.Client{Transport: retrytransport.New(http.DefaultTransport)}}
}

func (c *Client) sendJSON(ctx context.Context, method, path string, in any) error {
	body, err := json.Marshal(in)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type Ticket struct{ Subject, Body string }

// CreateTicket opens a ticket whose number the server assigns.
func (c *Client) CreateTicket(ctx context.Context, t Ticket) error {
	return c.sendJSON(ctx, http.MethodPost, "/tickets", t) // want `POST /tickets is retried .*the retrytransport\.Transport transport, whose RoundTrip re-sends every request with its body in a retry loop \(transport\.go:25\)`
}

func (c *Client) GetTicket(ctx context.Context, id string) error {
	return c.sendJSON(ctx, http.MethodGet, "/tickets/"+id, nil)
}

// Comments sends through a transport declared in this package that
// re-sends every request after a network error or a 502/503/504,
// buffering the body once.
type Comments struct {
	base string
	http *http.Client
}

type bufferedRetry struct{ next http.RoundTripper }

func (t bufferedRetry) RoundTrip(req *http.Request) (*http.Response, error) {
	var buf []byte
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		buf = b
	}
	var lastErr error
	for i := 0; i < 4; i++ {
		req.Body = io.NopCloser(bytes.NewReader(buf))
		resp, err := t.next.RoundTrip(req)
		if err != nil {
			lastErr = err
			continue
		}
		if resp.StatusCode == http.StatusBadGateway || resp.StatusCode == http.StatusServiceUnavailable || resp.StatusCode == http.StatusGatewayTimeout {
			resp.Body.Close()
			continue
		}
		return resp, nil
	}
	return nil, lastErr
}

func NewComments(base string) *Comments {
	return &Comments{base: base, http: &http.Client{Transport: bufferedRetry{next: http.DefaultTransport}}}
}

func (c *Comments) Add(ctx context.Context, ticket, text string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/tickets/"+ticket+"/comments", bytes.NewBufferString(text))
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req) // want `POST /tickets/\{…\}/comments .*bufferedRetry`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Clients on the transports that cannot repeat a write: silent.
type Quiet struct {
	base                        string
	gated, unrewound, throttled *http.Client
}

func NewQuiet(base string) *Quiet {
	return &Quiet{
		base:      base,
		gated:     &http.Client{Transport: &retrytransport.IdempotentOnly{Next: http.DefaultTransport}},
		unrewound: &http.Client{Transport: &retrytransport.NoRewind{Next: http.DefaultTransport}},
		throttled: &http.Client{Transport: &retrytransport.Throttled{Next: http.DefaultTransport}},
	}
}

func (q *Quiet) post(ctx context.Context, c *http.Client, path string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, q.base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (q *Quiet) CreateAll(ctx context.Context, body []byte) error {
	if err := q.post(ctx, q.gated, "/tickets", body); err != nil {
		return err
	}
	if err := q.post(ctx, q.unrewound, "/tickets", body); err != nil {
		return err
	}
	return q.post(ctx, q.throttled, "/tickets", body)
}
