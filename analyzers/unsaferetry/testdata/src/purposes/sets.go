package purposes

import (
	"fmt"
	"net/http"
)

// An authorization service stores relationship tuples (warrants) and group
// memberships: writing the same tuple or adding the same member again
// leaves the set as it was, so a repeat is a check, not a duplicate. A
// comment on the group is a new thing each time.

type Authz struct{ client *Client }

func (a *Authz) WriteWarrant(objectType, objectID, relation, subject string) error {
	r, err := a.client.NewRequest(http.MethodPost, "/fga/v1/warrants", map[string]string{
		"object_type": objectType, "object_id": objectID, "relation": relation, "subject": subject,
	})
	if err != nil {
		return err
	}
	_, err = a.client.Do(r) // check: writes a relationship tuple
	return err
}

func (a *Authz) AddGroupMember(group, user string) error {
	r, err := a.client.NewRequest(http.MethodPost, "/groups/"+group+"/members", map[string]string{"user": user})
	if err != nil {
		return err
	}
	_, err = a.client.Do(r) // check: adds a member
	return err
}

func (a *Authz) BindService(app, instance string) error {
	r, err := a.client.NewRequest(http.MethodPost, "/v2/service_bindings", map[string]string{"app_guid": app, "service_instance_guid": instance})
	if err != nil {
		return err
	}
	_, err = a.client.Do(r) // check: binds an app to a service instance; a second binding of the pair is refused
	return err
}

func (a *Authz) CommentOnGroup(group, text string) error {
	r, err := a.client.NewRequest(http.MethodPost, "/groups/"+group+"/comments", map[string]string{"text": text})
	if err != nil {
		return err
	}
	_, err = a.client.Do(r) // check: a create (or a send only its path names); whether a repeat makes a second is the API's rule
	return err
}

// AddAssignment calls an OData action whose arguments are written into
// the path segment (SharePoint's AddRoleAssignment(principalid=7,roledefid=5)):
// the action's name, not its arguments, says it adds a role assignment.
func (a *Authz) AddAssignment(principalID, roleDefID int) error {
	r, err := a.client.NewRequest(http.MethodPost, fmt.Sprintf("/web/RoleAssignments/AddRoleAssignment(principalid=%d,roledefid=%d)", principalID, roleDefID), nil)
	if err != nil {
		return err
	}
	_, err = a.client.Do(r) // check: adds a role assignment
	return err
}

// AddItem calls an OData action that adds a list item: a second item.
func (a *Authz) AddItem(list string, fields map[string]string) error {
	r, err := a.client.NewRequest(http.MethodPost, fmt.Sprintf("/web/lists/GetByTitle('%s')/AddValidateUpdateItemUsingPath()", list), fields)
	if err != nil {
		return err
	}
	_, err = a.client.Do(r) // check: a create (or a send only its path names); whether a repeat makes a second is the API's rule
	return err
}
