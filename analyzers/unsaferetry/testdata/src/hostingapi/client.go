// Package hostingapi is a hosting provider's API client in a common shape:
// the go-retryablehttp client is built in the constructor and kept in a
// struct field, services build plain *http.Request values with
// Client.NewRequest, and the generic DoWithContext converts them with
// retryablehttp.FromRequest before sending. go-retryablehttp's default
// policy re-sends connection errors and 5xx responses for every method, so
// a Create that POSTs through it can create the instance twice; GET, PUT
// and DELETE cannot repeat anything.
package hostingapi

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

type Client struct {
	client  *retryablehttp.Client
	BaseURL string

	Instances *InstancesService
}

// NewClient keeps a retrying client in Client.client.
func NewClient(hc *http.Client) *Client {
	c := &Client{client: retryablehttp.NewClient(), BaseURL: "https://api.example.com"}
	c.client.HTTPClient = hc
	c.SetRetryLimit(4)
	c.Instances = &InstancesService{client: c}
	return c
}

// SetRetryLimit lets the user change the number of retries.
func (c *Client) SetRetryLimit(n int) { c.client.RetryMax = n }

func (c *Client) NewRequest(ctx context.Context, method, path string, body any) (*http.Request, error) {
	buf := new(bytes.Buffer)
	if body != nil {
		if err := json.NewEncoder(buf).Encode(body); err != nil {
			return nil, err
		}
	}
	return http.NewRequestWithContext(ctx, method, c.BaseURL+path, buf)
}

// DoWithContext sends any request the services built.
func (c *Client) DoWithContext(ctx context.Context, r *http.Request, v any) (*http.Response, error) {
	rreq, err := retryablehttp.FromRequest(r)
	if err != nil {
		return nil, err
	}
	rreq = rreq.WithContext(ctx)
	res, err := c.client.Do(rreq)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if v != nil {
		err = json.NewDecoder(res.Body).Decode(v)
	}
	return res, err
}

type Instance struct {
	ID    string
	Label string
}

type InstancesService struct {
	client *Client
}

func (s *InstancesService) Create(ctx context.Context, label string) (*Instance, error) {
	req, err := s.client.NewRequest(ctx, http.MethodPost, "/v2/instances", map[string]string{"label": label})
	if err != nil {
		return nil, err
	}
	in := new(Instance)
	_, err = s.client.DoWithContext(ctx, req, in) // want `POST /v2/instances sent through Client.DoWithContext, which sends the request through go-retryablehttp's Client .*: disable the client's retries for this call, or send an Idempotency-Key header created before the retry`
	return in, err
}

// CreateOnce sends the same POST with an idempotency key made once for
// every attempt: the API drops the repeat.
func (s *InstancesService) CreateOnce(ctx context.Context, label, key string) (*Instance, error) {
	req, err := s.client.NewRequest(ctx, http.MethodPost, "/v2/instances", map[string]string{"label": label})
	if err != nil {
		return nil, err
	}
	req.Header.Set("Idempotency-Key", key)
	in := new(Instance)
	_, err = s.client.DoWithContext(ctx, req, in)
	return in, err
}

func (s *InstancesService) Get(ctx context.Context, id string) (*Instance, error) {
	req, err := s.client.NewRequest(ctx, http.MethodGet, "/v2/instances/"+id, nil)
	if err != nil {
		return nil, err
	}
	in := new(Instance)
	_, err = s.client.DoWithContext(ctx, req, in)
	return in, err
}

func (s *InstancesService) Update(ctx context.Context, id, label string) error {
	req, err := s.client.NewRequest(ctx, http.MethodPut, "/v2/instances/"+id, map[string]string{"label": label})
	if err != nil {
		return err
	}
	_, err = s.client.DoWithContext(ctx, req, nil)
	return err
}

func (s *InstancesService) Delete(ctx context.Context, id string) error {
	req, err := s.client.NewRequest(ctx, http.MethodDelete, "/v2/instances/"+id, nil)
	if err != nil {
		return err
	}
	_, err = s.client.DoWithContext(ctx, req, nil)
	return err
}

// SetTags replaces the instance's tags and FacetSearch queries them; both
// POST through the same client, and their names say a repeat is harmless.
func (s *InstancesService) SetTags(ctx context.Context, id string, tags []string) error {
	req, err := s.client.NewRequest(ctx, http.MethodPost, "/v2/instances/"+id+"/tags", tags)
	if err != nil {
		return err
	}
	_, err = s.client.DoWithContext(ctx, req, nil)
	return err
}

func (s *InstancesService) FacetSearch(ctx context.Context, facet string) error {
	req, err := s.client.NewRequest(ctx, http.MethodPost, "/v2/instances/facets", map[string]string{"facet": facet})
	if err != nil {
		return err
	}
	_, err = s.client.DoWithContext(ctx, req, nil)
	return err
}

// AddTag adds one tag each time: a repeat adds it twice.
func (s *InstancesService) AddTag(ctx context.Context, id, tag string) error {
	req, err := s.client.NewRequest(ctx, http.MethodPost, "/v2/instances/"+id+"/tags/append", tag)
	if err != nil {
		return err
	}
	_, err = s.client.DoWithContext(ctx, req, nil) // want `POST /v2/instances/\{…\}/tags/append sent through Client.DoWithContext`
	return err
}
