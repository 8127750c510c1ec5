// Package groups is one service of the Graph-style client.
package groups

import (
	"context"
	"fmt"

	"example.com/graphsdk/base"
)

// Client calls the groups endpoints.
type Client struct{ BaseClient base.Client }

// Create makes a group; the service names it.
func (c *Client) Create(ctx context.Context, body []byte) error {
	_, err := c.BaseClient.Post(ctx, base.PostInput{ // want `POST /groups is retried by Client.Post`
		Body: body,
		Uri:  base.Uri{Entity: "/groups", HasTenantId: true},
	})
	return err
}

// Members lists a group's members.
func (c *Client) Members(ctx context.Context, id string) error {
	_, err := c.BaseClient.Get(ctx, base.GetInput{Uri: base.Uri{Entity: fmt.Sprintf("/groups/%s/members", id)}})
	return err
}
