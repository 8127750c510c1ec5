// Package directory adds users, owners and role assignments.
package directory

import (
	"context"
	"encoding/json"
	"fmt"

	"example.com/graphsdk/base"
)

// User is a directory user: its sign-in name is unique in the tenant.
type User struct {
	DisplayName       string `json:"displayName"`
	UserPrincipalName string `json:"userPrincipalName"`
}

// UsersClient calls the users endpoints.
type UsersClient struct{ BaseClient base.Client }

// Create adds a user under its sign-in name: a repeat is refused.
func (c *UsersClient) Create(ctx context.Context, user User) error {
	body, err := json.Marshal(user)
	if err != nil {
		return err
	}
	_, err = c.BaseClient.Post(ctx, base.PostInput{Body: body, Uri: base.Uri{Entity: "/users", HasTenantId: true}}) // want `POST /users is retried by Client.Post, .*check: it creates under the UserPrincipalName its caller chose`
	return err
}

// GroupsClient calls the group endpoints.
type GroupsClient struct{ BaseClient base.Client }

// AddOwner adds a reference to a group's owners: the same reference again
// is refused.
func (c *GroupsClient) AddOwner(ctx context.Context, group, owner string) error {
	body := []byte(fmt.Sprintf(`{"@odata.id": %q}`, owner))
	_, err := c.BaseClient.Post(ctx, base.PostInput{Body: body, Uri: base.Uri{Entity: fmt.Sprintf("/groups/%s/owners/$ref", group)}})
	return err
}

// RoleAssignmentsClient calls the role assignment endpoints.
type RoleAssignmentsClient struct{ BaseClient base.Client }

// Create assigns a role to a principal: the same assignment again is
// refused.
func (c *RoleAssignmentsClient) Create(ctx context.Context, body []byte) error {
	_, err := c.BaseClient.Post(ctx, base.PostInput{Body: body, Uri: base.Uri{Entity: "/roleManagement/directory/roleAssignments"}}) // want `POST /roleManagement/directory/roleAssignments is retried by Client.Post, .*check: its name says no more than its method and path, and its documentation calls it an action \(assign\)`
	return err
}
