// Package updates re-sends a PATCH after reading the first answer: an
// update sets the fields it carries, so sending it again sets them to the
// same values. The re-send is a check, reported only at
// -unsaferetry.confidence=low (TestChecksOnly); by default it is silent.
package updates

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
)

type Org struct {
	Name string
	Plan string
}

type Client struct {
	hc   *http.Client
	base string
}

// edit PATCHes the organisation's settings and returns the organisation.
func (c *Client) edit(ctx context.Context, settings []byte) (*Org, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPatch, c.base+"/orgs/acme", bytes.NewReader(settings))
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var org Org
	if err := json.NewDecoder(resp.Body).Decode(&org); err != nil {
		return nil, err
	}
	return &org, nil
}

// Apply reads the plan through an empty edit, then sets the settings the
// plan allows.
func (c *Client) Apply(ctx context.Context, settings, enterprise []byte) error {
	org, err := c.edit(ctx, nil)
	if err != nil {
		return err
	}
	if org.Plan == "enterprise" {
		_, err = c.edit(ctx, enterprise)
		return err
	}
	_, err = c.edit(ctx, settings)
	return err
}
