package hostingapi

import (
	"context"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

// doInline converts and sends in one expression: the request sent is still
// the caller's.
func (c *Client) doInline(ctx context.Context, r *http.Request) (*http.Response, error) {
	rreq, err := retryablehttp.FromRequest(r)
	if err != nil {
		return nil, err
	}
	return c.client.Do(rreq.WithContext(ctx))
}

// Volume is a block volume.
type Volume struct{ ID string }

// CreateVolume makes a volume the server names: a repeat makes a second.
func (c *Client) CreateVolume(ctx context.Context, sizeGB int) error {
	req, err := c.NewRequest(ctx, http.MethodPost, "/v2/volumes", map[string]int{"size_gb": sizeGB})
	if err != nil {
		return err
	}
	_, err = c.doInline(ctx, req) // want `POST /v2/volumes sent through Client\.doInline, which sends the request through go-retryablehttp's Client`
	return err
}

// ResizeVolume is a PUT: a repeat leaves the same size.
func (c *Client) ResizeVolume(ctx context.Context, id string, sizeGB int) error {
	req, err := c.NewRequest(ctx, http.MethodPut, "/v2/volumes/"+id, map[string]int{"size_gb": sizeGB})
	if err != nil {
		return err
	}
	_, err = c.doInline(ctx, req)
	return err
}
