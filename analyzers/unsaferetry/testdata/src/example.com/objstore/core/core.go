// Package core holds the SDK's client interface and its default
// implementation, whose send loop re-sends the request after a network
// error or a 5xx, whatever the method.
package core

import (
	"errors"
	"net/http"
	"time"

	"example.com/objstore/wire"
)

// Request embeds the wire request; services embed Request in turn.
type Request struct {
	wire.Request
}

// Caller sends a request; services take it as a parameter.
type Caller interface {
	Call(req *Request) (*http.Response, error)
	Endpoint() string
}

// Client is the default Caller, built by NewClient.
type Client struct {
	MaxRetries int
	endpoint   string
}

func NewClient(endpoint string) *Client { return &Client{MaxRetries: 3, endpoint: endpoint} }

func (c *Client) Endpoint() string { return c.endpoint }

// Call retries every failed attempt (a network error or a 5xx): the first
// one may have been applied.
func (c *Client) Call(req *Request) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		resp, err := wire.Execute(&req.Request)
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
		if attempt >= c.MaxRetries {
			return resp, err
		}
		time.Sleep(time.Second)
	}
}

var errRefused = errors.New("refused")
