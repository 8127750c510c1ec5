// Package gadgets sends its creates through a runtime that retries only
// rate-limited requests: no finding.
package gadgets

import (
	"context"
	"net/http"

	"example.com/gensdk/ratecore"
)

// Client calls the gadgets endpoints.
type Client struct {
	base   string
	caller *ratecore.Caller
}

// Create makes a new gadget.
func (c *Client) Create(ctx context.Context) error {
	return c.caller.Send(ctx, http.MethodPost, c.base+"/gadgets")
}

// Order orders a gadget.
func (c *Client) Order(ctx context.Context) error {
	return c.caller.Post(ctx, c.base+"/orders")
}
