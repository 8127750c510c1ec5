package gotoretry

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"syscall"
)

func (n *Notifier) newRequest(ctx context.Context, body []byte) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, http.MethodPost, n.url+"/blocks", bytes.NewReader(body))
}

// Push tries once more when the connection was likely stale: the server
// may have stored the block before the connection broke.
func (n *Notifier) Push(ctx context.Context, body []byte) (*http.Response, error) {
	req, err := n.newRequest(ctx, body)
	if err != nil {
		return nil, err
	}
	resp, err := n.client.Do(req) // want `POST /blocks runs again in a second attempt \(line 34\) made when it fails; the request can be applied twice if the first attempt succeeded`
	if err == nil {
		return resp, nil
	}
	if !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, err
	}
	req, err = n.newRequest(ctx, body)
	if err != nil {
		return nil, err
	}
	resp, err = n.client.Do(req)
	return resp, err
}

// Deliver tries again inside the failure branch.
func (n *Notifier) Deliver(ctx context.Context, body []byte) error {
	resp, err := n.send(ctx, "/deliver", body) // want `Notifier.send \(POST /deliver\) runs again in a second attempt`
	if err != nil {
		resp, err = n.send(ctx, "/deliver", body)
		if err != nil {
			return err
		}
	}
	return resp.Body.Close()
}

// Dial retries only a refused connection: nothing was sent.
func (n *Notifier) Dial(ctx context.Context, body []byte) error {
	resp, err := n.send(ctx, "/dial", body)
	if errors.Is(err, syscall.ECONNREFUSED) {
		resp, err = n.send(ctx, "/dial", body)
	}
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Fallback sends to another path when the first fails: another request.
func (n *Notifier) Fallback(ctx context.Context, body []byte) error {
	resp, err := n.send(ctx, "/v2/events", body)
	if err != nil {
		resp, err = n.send(ctx, "/v1/events", body)
	}
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Twice sends two events on purpose, the second after the first succeeded.
func (n *Notifier) Twice(ctx context.Context, body []byte) error {
	resp, err := n.send(ctx, "/events", body)
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = n.send(ctx, "/events", body)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type createOpts struct {
	Name  string
	Rules []string
}

func (n *Notifier) create(ctx context.Context, opts createOpts) error {
	resp, err := n.send(ctx, "/groups", []byte(opts.Name))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Group falls back to the legacy options when the first create fails:
// another request.
func (n *Notifier) Group(ctx context.Context, name string, rules []string) error {
	opts := createOpts{Name: name, Rules: rules}
	err := n.create(ctx, opts)
	if err != nil {
		opts = createOpts{Name: name}
		err = n.create(ctx, opts)
	}
	return err
}

// Relay returns its second attempt as it is.
func (n *Notifier) Relay(ctx context.Context, body []byte) (*http.Response, error) {
	resp, err := n.client.Post(n.url+"/forward", "application/json", bytes.NewReader(body)) // want `POST /forward runs again in a second attempt \(line \d+\) made when it fails`
	if err == nil {
		return resp, nil
	}
	return n.client.Post(n.url+"/forward", "application/json", bytes.NewReader(body))
}

// Mirror returns a call to another place after a failure: a fallback,
// not the same request again.
func (n *Notifier) Mirror(ctx context.Context, body []byte) (*http.Response, error) {
	resp, err := n.client.Post(n.url+"/forward", "application/json", bytes.NewReader(body))
	if err == nil {
		return resp, nil
	}
	return n.client.Post(n.url+"/mirror", "application/json", bytes.NewReader(body))
}
