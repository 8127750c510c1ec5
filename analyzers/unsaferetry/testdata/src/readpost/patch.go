package readpost

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
)

// PATCH payloads: one that sets fields to the values it carries leaves the
// resource as sent once when repeated; one that appends or increments does
// not, and a payload whose shape is unknown keeps the judgement of a write.

type ZoneSettings struct {
	Name   string `json:"name"`
	Paused *bool  `json:"paused,omitempty"`
	Plan   struct {
		ID string `json:"id"`
	} `json:"plan"`
	Value any `json:"value"`
}

type ListPatch struct {
	ID     string   `json:"id"`
	Append []string `json:"append"`
	Remove []string `json:"remove"`
}

type Counters struct {
	ViewsDelta int `json:"views"`
}

// Rule's nested settings are values being set, whatever their names.
type Rule struct {
	OperationID string `json:"operation_id"`
	Settings    struct {
		AddHeaders map[string]string `json:"add_headers"`
	} `json:"settings"`
}

type PatchOp struct {
	Op    string `json:"op"`
	Path  string `json:"path"`
	Value any    `json:"value"`
}

// patchJSON PATCHes in to base+path.
func (c *Client) patchJSON(ctx context.Context, path string, in any) error {
	body, err := json.Marshal(in)
	if err != nil {
		return err
	}
	return c.patchRaw(ctx, path, body)
}

func (c *Client) patchRaw(ctx context.Context, path string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPatch, c.base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *Client) EditZone(ctx context.Context, id string, s ZoneSettings) (err error) {
	for i := 0; i < 3; i++ {
		if err = c.patchJSON(ctx, "/zones/"+id, s); err == nil { // silent: sets fields
			return nil
		}
	}
	return err
}

func (c *Client) EditZones(ctx context.Context, zones []*ZoneSettings) (err error) {
	for i := 0; i < 3; i++ {
		if err = c.patchJSON(ctx, "/zones", zones); err == nil { // silent: a list of settings
			return nil
		}
	}
	return err
}

func (c *Client) AppendToList(ctx context.Context, id string, items []string) (err error) {
	for i := 0; i < 3; i++ {
		if err = c.patchJSON(ctx, "/lists/"+id, ListPatch{ID: id, Append: items}); err == nil { // want `Client\.patchJSON \(PATCH .*\) inside a retry loop runs again on every retry`
			return nil
		}
	}
	return err
}

func (c *Client) CountViews(ctx context.Context, id string, n int) (err error) {
	var p Counters
	p.ViewsDelta = n
	for i := 0; i < 3; i++ {
		if err = c.patchJSON(ctx, "/pages/"+id, &p); err == nil { // want `Client\.patchJSON \(PATCH .*\) inside a retry loop runs again on every retry`
			return nil
		}
	}
	return err
}

func (c *Client) EditRaw(ctx context.Context, id string, raw []byte) (err error) {
	for i := 0; i < 3; i++ {
		if err = c.patchRaw(ctx, "/zones/"+id, raw); err == nil { // want `Client\.patchRaw \(PATCH .*\) inside a retry loop runs again on every retry`
			return nil
		}
	}
	return err
}

func (c *Client) EditRule(ctx context.Context, id string, r Rule) (err error) {
	for i := 0; i < 3; i++ {
		if err = c.patchJSON(ctx, "/rules/"+id, r); err == nil { // silent: sets fields
			return nil
		}
	}
	return err
}

func (c *Client) ApplyPatch(ctx context.Context, id string, ops []PatchOp) (err error) {
	for i := 0; i < 3; i++ {
		if err = c.patchJSON(ctx, "/rules/"+id, ops); err == nil { // want `Client\.patchJSON \(PATCH .*\) inside a retry loop runs again on every retry`
			return nil
		}
	}
	return err
}

// newRequest builds a request whose JSON body is in; do sends it.
func (c *Client) newRequest(ctx context.Context, method, path string, in any) (*http.Request, error) {
	body, err := json.Marshal(in)
	if err != nil {
		return nil, err
	}
	return http.NewRequestWithContext(ctx, method, c.base+path, bytes.NewReader(body))
}

func (c *Client) send(req *http.Request) error {
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *Client) RenameZone(ctx context.Context, id string, s ZoneSettings) (err error) {
	req, err := c.newRequest(ctx, http.MethodPatch, "/zones/"+id, s)
	if err != nil {
		return err
	}
	for i := 0; i < 3; i++ {
		if err = c.send(req); err == nil { // silent: the request it sends sets fields
			return nil
		}
	}
	return err
}

func (c *Client) AppendBuilt(ctx context.Context, id string, items []string) (err error) {
	req, err := c.newRequest(ctx, http.MethodPatch, "/lists/"+id, ListPatch{ID: id, Append: items})
	if err != nil {
		return err
	}
	for i := 0; i < 3; i++ {
		if err = c.send(req); err == nil { // want `PATCH .* inside a retry loop runs again on every retry`
			return nil
		}
	}
	return err
}
