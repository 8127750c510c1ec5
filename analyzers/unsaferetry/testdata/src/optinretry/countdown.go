package optinretry

import (
	"bytes"
	"errors"
	"io"
	"net/http"
)

// A store client counts the attempts left down from a copy of its retries
// field, which only WithRetry sets: as shipped it sends once. The same
// loop with a default of the package's own goes round on a 5xx.

var errServer = errors.New("server error")

type StoreClient struct {
	hc      *http.Client
	base    string
	retries int
}

type StoreOption func(*StoreClient)

func WithRetry(n int) StoreOption { return func(c *StoreClient) { c.retries = n } }

func NewStoreClient(opts ...StoreOption) *StoreClient {
	c := &StoreClient{hc: http.DefaultClient}
	for _, o := range opts {
		o(c)
	}
	return c
}

func (c *StoreClient) CreateOrder(body []byte) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, c.base+"/v1/orders", nil)
	if err != nil {
		return nil, err
	}
	retries := c.retries
	for {
		req.Body = io.NopCloser(bytes.NewReader(body))
		resp, err := c.hc.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode < 500 {
			return resp, nil
		}
		resp.Body.Close()
		if retries <= 1 {
			return nil, errServer
		}
		retries--
	}
}

type defaultedClient struct {
	hc       *http.Client
	base     string
	attempts int
}

func newDefaultedClient() *defaultedClient {
	return &defaultedClient{hc: http.DefaultClient, attempts: 3}
}

func (c *defaultedClient) CreateOrder(body []byte) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, c.base+"/v1/orders", nil)
	if err != nil {
		return nil, err
	}
	left := c.attempts
	for {
		req.Body = io.NopCloser(bytes.NewReader(body))
		resp, err := c.hc.Do(req) // want `POST /v1/orders inside a retry loop runs again on every retry`
		if err != nil {
			return nil, err
		}
		if resp.StatusCode < 500 {
			return resp, nil
		}
		resp.Body.Close()
		if left <= 1 {
			return nil, errServer
		}
		left--
	}
}
