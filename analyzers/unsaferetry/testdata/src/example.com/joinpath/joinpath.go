// Package joinpath builds its URLs with (*url.URL).JoinPath, directly and
// through helpers (an endpoint builder taking path parts, a request
// builder taking the URL): the retried POST is described by its path.
package joinpath

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"time"
)

type Client struct {
	hc   *http.Client
	base *url.URL
}

func (c *Client) Direct(ctx context.Context, body []byte) error {
	u := c.base.JoinPath("v1", "orders")
	for attempt := 0; attempt < 3; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), bytes.NewReader(body))
		if err != nil {
			return err
		}
		resp, err := c.hc.Do(req) // want `POST /v1/orders`
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
	}
	return nil
}

func (c *Client) endpoint(parts ...string) *url.URL {
	e := c.base.JoinPath(parts...)
	e.Path += "/"
	return e
}

func (c *Client) newRequest(ctx context.Context, method string, endpoint *url.URL, body []byte) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, method, endpoint.String(), bytes.NewReader(body))
}

func (c *Client) Helpers(ctx context.Context, body []byte) error {
	for attempt := 0; attempt < 3; attempt++ {
		req, err := c.newRequest(ctx, http.MethodPost, c.endpoint("auth", "tokens"), body)
		if err != nil {
			return err
		}
		resp, err := c.hc.Do(req) // want `POST /auth/tokens`
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
	}
	return nil
}

// Tokens lists the tokens: a GET, silent.
func (c *Client) Tokens(ctx context.Context) error {
	for attempt := 0; attempt < 3; attempt++ {
		req, err := c.newRequest(ctx, http.MethodGet, c.endpoint("auth", "tokens"), nil)
		if err != nil {
			return err
		}
		resp, err := c.hc.Do(req)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
	}
	return nil
}
