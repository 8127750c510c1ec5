// Package widgets is the generated client of the widgets resource.
package widgets

import (
	"context"
	"net/http"

	"example.com/gensdk/core"
)

// Client calls the widgets endpoints.
type Client struct {
	baseURL string
	caller  *core.Caller
	header  http.Header
}

// NewClient returns a widgets client.
func NewClient(baseURL string) *Client {
	return &Client{baseURL: baseURL, caller: core.NewCaller(nil, 0), header: http.Header{}}
}

// Widget is one widget.
type Widget struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Create makes a new widget.
func (c *Client) Create(ctx context.Context, request *Widget) (*Widget, error) {
	var response *Widget
	if err := c.caller.Call(ctx, &core.CallParams{ // want `POST /widgets is retried by Caller.Call, which sends it again inside Retrier.Run`
		URL:      c.baseURL + "/widgets",
		Method:   http.MethodPost,
		Headers:  c.header.Clone(),
		Request:  request,
		Response: &response,
	}); err != nil {
		return nil, err
	}
	return response, nil
}

// Get reads one widget.
func (c *Client) Get(ctx context.Context, id string) (*Widget, error) {
	var response *Widget
	if err := c.caller.Call(ctx, &core.CallParams{
		URL:      c.baseURL + "/widgets/" + id,
		Method:   http.MethodGet,
		Headers:  c.header.Clone(),
		Response: &response,
	}); err != nil {
		return nil, err
	}
	return response, nil
}

// Update replaces a widget.
func (c *Client) Update(ctx context.Context, id string, request *Widget) (*Widget, error) {
	var response *Widget
	if err := c.caller.Call(ctx, &core.CallParams{
		URL:      c.baseURL + "/widgets/" + id,
		Method:   http.MethodPut,
		Headers:  c.header.Clone(),
		Request:  request,
		Response: &response,
	}); err != nil {
		return nil, err
	}
	return response, nil
}
