package sdkbody

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"path"
)

// buildURI adds the options as a query string to a path.
func buildURI(p string, options map[string]string) string {
	v := url.Values{}
	for k, o := range options {
		v.Set(k, o)
	}
	return (&url.URL{Path: p, RawQuery: v.Encode()}).String()
}

type HoldParams map[string]string

// CreateHold builds its path with a helper that appends a query.
func (api *API) CreateHold(ctx context.Context, zoneID string, p HoldParams) error {
	uri := buildURI(fmt.Sprintf("/zones/%s/hold", zoneID), p)
	_, err := api.makeRequestContext(ctx, http.MethodPost, uri, nil) // want `POST /zones/\{…\}/hold is retried by API\.makeRequestContext`
	return err
}

type Policy struct {
	AppID string `json:"-"`
	Name  string `json:"name"`
}

// CreatePolicy posts to one of two collections: the message names both.
func (api *API) CreatePolicy(ctx context.Context, accountID string, p Policy) error {
	var uri string
	if p.AppID != "" {
		uri = fmt.Sprintf("/accounts/%s/apps/%s/policies", accountID, p.AppID)
	} else {
		uri = fmt.Sprintf("/accounts/%s/policies", accountID)
	}
	_, err := api.makeRequestContext(ctx, http.MethodPost, uri, p) // want `POST /accounts/\{…\}/apps/\{…\}/policies or /accounts/\{…\}/policies is retried by API\.makeRequestContext`
	return err
}

// CreateWebhook joins path elements.
func (api *API) CreateWebhook(ctx context.Context, target string) error {
	_, err := api.makeRequestContext(ctx, http.MethodPost, path.Join("/v2", "webhooks"), target) // want `POST /v2/webhooks is retried by API\.makeRequestContext`
	return err
}

// RunIndexQuery's name says run, but its path is a search: a read.
func (api *API) RunIndexQuery(ctx context.Context, index, q string) error {
	_, err := api.makeRequestContext(ctx, http.MethodPost, path.Join("/indexes", index, "search"), q)
	return err
}

// A second client shape: every operation fills an internal request
// description, and one executor resolves its endpoint against the host and
// sends it through a loop that re-sends on 5xx.
type Meter struct {
	host       string
	httpClient *http.Client
}

type internalRequest struct {
	endpoint    string
	method      string
	withRequest any
	withQuery   map[string]string
}

func (m *Meter) do(req *http.Request) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		resp, err := m.httpClient.Do(req)
		if err != nil || resp.StatusCode < 500 || attempt == 3 {
			return resp, err
		}
		resp.Body.Close()
	}
}

// execute sends the description and closes the response: a wrapper over
// sendRequest, which holds the URL.
func (m *Meter) execute(ctx context.Context, ir *internalRequest) error {
	resp, err := m.sendRequest(ctx, ir)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (m *Meter) sendRequest(ctx context.Context, ir *internalRequest) (*http.Response, error) {
	apiURL, err := url.Parse(m.host + ir.endpoint)
	if err != nil {
		return nil, fmt.Errorf("parsing the endpoint: %w", err)
	}
	if ir.withQuery != nil {
		q := apiURL.Query()
		for k, v := range ir.withQuery {
			q.Set(k, v)
		}
		apiURL.RawQuery = q.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, ir.method, apiURL.String(), nil)
	if err != nil {
		return nil, err
	}
	return m.do(req)
}

// CreateKey fills the description with a constant endpoint.
func (m *Meter) CreateKey(ctx context.Context, name string) error {
	return m.execute(ctx, &internalRequest{endpoint: "/keys", method: http.MethodPost, withRequest: name}) // want `POST /keys is retried by Meter\.do`
}

// GetKey sends a GET: silent.
func (m *Meter) GetKey(ctx context.Context, id string) error {
	return m.execute(ctx, &internalRequest{endpoint: "/keys/" + id, method: http.MethodGet})
}

// A third shape: the base URL is parsed once, each path resolved against
// it.
type Registry struct {
	BaseURL *url.URL
	hc      *http.Client
}

func (r *Registry) send(ctx context.Context, method, uri string) error {
	rel, err := r.BaseURL.Parse(uri)
	if err != nil {
		return err
	}
	for i := 0; i < 3; i++ {
		req, err := http.NewRequestWithContext(ctx, method, rel.String(), nil)
		if err != nil {
			return err
		}
		resp, err := r.hc.Do(req)
		if err == nil {
			return resp.Body.Close()
		}
	}
	return fmt.Errorf("giving up on %s", uri)
}

func (r *Registry) Tag(ctx context.Context, repo, tag string) error {
	return r.send(ctx, http.MethodPost, "/v2/"+repo+"/tags/"+tag) // want `POST /v2/\{…\}/tags/\{…\} is retried by Registry\.send`
}

func (r *Registry) Untag(ctx context.Context, repo, tag string) error {
	return r.send(ctx, http.MethodDelete, "/v2/"+repo+"/tags/"+tag)
}

// AddReadReplica creates a replica: "read" names the kind of replica, the
// path is no read.
func (api *API) AddReadReplica(ctx context.Context, dbID string) error {
	uri := fmt.Sprintf("/v2/databases/%s/read-replica", dbID)
	_, err := api.makeRequestContext(ctx, http.MethodPost, uri, nil) // want `POST /v2/databases/\{…\}/read-replica is retried by API\.makeRequestContext`
	return err
}
