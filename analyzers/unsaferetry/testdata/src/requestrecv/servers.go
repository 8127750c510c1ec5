package requestrecv

import (
	"context"
	"net/http"
)

type ServerCreate struct {
	Cores  int
	Memory int
}

type NetworkCreate struct{ Name string }

// CreateServer posts a new server: a second attempt after a 500 that
// followed the create makes a second server.
func (c *Client) CreateServer(ctx context.Context, body ServerCreate) error {
	r := apiRequest{
		uri:    "/objects/servers",
		method: http.MethodPost,
		body:   body,
	}
	return r.execute(ctx, *c, nil) // want `POST /objects/servers is retried by apiRequest\.send, which sends it again inside requestrecv\.retryNTimes \(retries its func argument\); the request can be applied twice if an attempt succeeded but its response was lost: send an Idempotency-Key header created before the retry, or retry only idempotent calls; check: its name says it creates something, but whether a repeat makes a second one is the API's rule`
}

// CreateNetwork creates under a name the caller chose: whether a second
// one is refused is for the reader to check.
func (c *Client) CreateNetwork(ctx context.Context, body NetworkCreate) error {
	r := apiRequest{uri: "/objects/networks", method: http.MethodPost, body: body}
	return r.execute(ctx, *c, nil) // want `POST /objects/networks is retried by apiRequest\.send, .*; check: it creates under the Name its caller chose`
}

// GetServer reads: silent.
func (c *Client) GetServer(ctx context.Context, id string) error {
	r := apiRequest{uri: "/objects/servers/" + id, method: http.MethodGet}
	return r.execute(ctx, *c, nil)
}

// DeleteServer deletes: silent.
func (c *Client) DeleteServer(ctx context.Context, id string) error {
	r := apiRequest{uri: "/objects/servers/" + id, method: http.MethodDelete}
	return r.execute(ctx, *c, nil)
}

// RenameServer patches a name (an absolute set): silent.
func (c *Client) RenameServer(ctx context.Context, id, name string) error {
	r := &apiRequest{uri: "/objects/servers/" + id, method: http.MethodPatch, body: map[string]string{"name": name}}
	return r.execute(ctx, *c, nil)
}
