package purposes

import "net/http"

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
	_, err = a.client.Do(r) // want `POST /groups/{…}/comments is retried by Client.Do`
	return err
}
