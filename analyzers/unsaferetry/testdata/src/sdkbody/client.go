// Package sdkbody is a SaaS API client in a common shape: one generic
// helper builds every request from the method, path and payload its
// callers pass and re-sends it on network errors and 5xx responses, and
// one exported method per API operation calls it. What an operation's
// request carries decides before the operation's name: a PATCH that
// appends to a list is reported even though "Patch…" reads as setting a
// state; a PATCH that only sets fields is silent; an Update that sends an
// opaque payload is judged by its name.
package sdkbody

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

type API struct {
	BaseURL    string
	httpClient *http.Client
	retries    int
}

// NewAPI returns a client that retries three times unless told otherwise.
func NewAPI(baseURL string) *API {
	return &API{BaseURL: baseURL, httpClient: http.DefaultClient, retries: 3}
}

// makeRequestContext sends method uri with params as JSON, retrying on
// transport errors and 5xx responses.
func (api *API) makeRequestContext(ctx context.Context, method, uri string, params any) ([]byte, error) {
	body, err := json.Marshal(params)
	if err != nil {
		return nil, fmt.Errorf("encoding the payload: %w", err)
	}
	var lastErr error
	for i := 0; i <= api.retries; i++ {
		if i > 0 {
			time.Sleep(time.Duration(i) * time.Second)
		}
		req, err := http.NewRequestWithContext(ctx, method, api.BaseURL+uri, bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		resp, err := api.httpClient.Do(req)
		if err != nil {
			lastErr = err
			continue
		}
		data, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode >= 500 {
			lastErr = fmt.Errorf("server error %d", resp.StatusCode)
			continue
		}
		return data, err
	}
	return nil, lastErr
}

type ListItem struct {
	Value string `json:"value"`
}

// ListPatch adds and removes items: sending it twice adds the items twice.
type ListPatch struct {
	ID     string     `json:"id"`
	Append []ListItem `json:"append"`
	Remove []string   `json:"remove"`
}

// PatchList's name reads as setting a state, but its payload appends.
func (api *API) PatchList(ctx context.Context, accountID string, p ListPatch) error {
	uri := fmt.Sprintf("/accounts/%s/lists/%s", accountID, p.ID)
	_, err := api.makeRequestContext(ctx, http.MethodPatch, uri, p) // want `PATCH /accounts/\{…\}/lists/\{…\} is retried by API\.makeRequestContext, which sends it again inside a retry loop; the change can be applied twice .*Idempotency-Key`
	return err
}

// CounterChange carries a delta: applied twice, the counter moves twice.
type CounterChange struct {
	Name      string `json:"name"`
	Increment int    `json:"increment"`
}

// UpdateCounter POSTs an increment under an "Update" name.
func (api *API) UpdateCounter(ctx context.Context, c CounterChange) error {
	_, err := api.makeRequestContext(ctx, http.MethodPost, "/counters/"+c.Name, c) // want `POST /counters/\{…\} is retried by API\.makeRequestContext`
	return err
}

// ListRename only sets fields: a repeat leaves the list as one does.
type ListRename struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
}

func (api *API) PatchListName(ctx context.Context, accountID string, p ListRename) error {
	uri := fmt.Sprintf("/accounts/%s/lists/%s", accountID, p.ID)
	_, err := api.makeRequestContext(ctx, http.MethodPatch, uri, p)
	return err
}

// UpdateZoneSettings sends a map twice cannot read: its name says it sets
// a state.
func (api *API) UpdateZoneSettings(ctx context.Context, zoneID string, settings map[string]any) error {
	_, err := api.makeRequestContext(ctx, http.MethodPatch, "/zones/"+zoneID+"/settings", settings)
	return err
}

// SetSchedule POSTs a set-only payload: the name decides (a state set).
func (api *API) SetSchedule(ctx context.Context, zoneID string, s ListRename) error {
	_, err := api.makeRequestContext(ctx, http.MethodPost, "/zones/"+zoneID+"/schedule", s)
	return err
}

// CreateList POSTs a set-only payload to a collection: a new list each
// time, whatever the payload's shape.
func (api *API) CreateList(ctx context.Context, accountID string, l ListRename) error {
	uri := fmt.Sprintf("/accounts/%s/lists", accountID)
	_, err := api.makeRequestContext(ctx, http.MethodPost, uri, l) // want `POST /accounts/\{…\}/lists is retried by API\.makeRequestContext`
	return err
}
