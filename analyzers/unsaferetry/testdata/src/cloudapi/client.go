// Package cloudapi is a cloud provider's API client in the usual shape:
// the constructor swaps the HTTP client for go-retryablehttp's
// StandardClient when retries are configured, services build requests with
// Client.NewRequest and send them through the generic Client.Do. A Create
// that POSTs through it can create the resource twice; reads and PUTs
// cannot.
package cloudapi

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

type RetryConfig struct {
	RetryMax int
}

type Client struct {
	HTTPClient *http.Client
	BaseURL    string

	Droplets *DropletsService
}

// New builds a client; with RetryMax > 0 every request goes through
// go-retryablehttp, which re-sends on connection errors and 5xx.
func New(hc *http.Client, cfg RetryConfig) *Client {
	c := &Client{HTTPClient: hc, BaseURL: "https://api.example.com"}
	if cfg.RetryMax > 0 {
		rc := retryablehttp.NewClient()
		rc.RetryMax = cfg.RetryMax
		c.HTTPClient = rc.StandardClient()
	}
	c.Droplets = &DropletsService{client: c}
	return c
}

func (c *Client) NewRequest(ctx context.Context, method, path string, body any) (*http.Request, error) {
	buf := new(bytes.Buffer)
	if body != nil {
		if err := json.NewEncoder(buf).Encode(body); err != nil {
			return nil, err
		}
	}
	return http.NewRequestWithContext(ctx, method, c.BaseURL+path, buf)
}

// DoRequestWithClient sends req with the given client; req is re-bound
// to a copy of itself, which is still the caller's request.
func DoRequestWithClient(ctx context.Context, client *http.Client, req *http.Request) (*http.Response, error) {
	req = req.WithContext(ctx)
	return client.Do(req)
}

// Do sends any request the services built.
func (c *Client) Do(ctx context.Context, req *http.Request, v any) (*http.Response, error) {
	resp, err := DoRequestWithClient(ctx, c.HTTPClient, req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if v != nil {
		err = json.NewDecoder(resp.Body).Decode(v)
	}
	return resp, err
}

type Droplet struct {
	ID   int
	Name string
}

type DropletsService struct {
	client *Client
}

func (s *DropletsService) Create(ctx context.Context, name string) (*Droplet, error) {
	req, err := s.client.NewRequest(ctx, http.MethodPost, "/v2/droplets", map[string]string{"name": name})
	if err != nil {
		return nil, err
	}
	d := new(Droplet)
	_, err = s.client.Do(ctx, req, d) // want `POST /v2/droplets sent through Client.Do, which sends the request through an \*http.Client from go-retryablehttp's StandardClient`
	return d, err
}

func (s *DropletsService) Get(ctx context.Context, id int) (*Droplet, error) {
	req, err := s.client.NewRequest(ctx, http.MethodGet, "/v2/droplets/1", nil)
	if err != nil {
		return nil, err
	}
	d := new(Droplet)
	_, err = s.client.Do(ctx, req, d)
	return d, err
}

func (s *DropletsService) Rename(ctx context.Context, id int, name string) error {
	req, err := s.client.NewRequest(ctx, http.MethodPut, "/v2/droplets/1", map[string]string{"name": name})
	if err != nil {
		return err
	}
	_, err = s.client.Do(ctx, req, nil)
	return err
}

// Raw sends a request directly through the client's HTTP client.
func (c *Client) Raw(req *http.Request) (*http.Response, error) {
	return c.HTTPClient.Do(req)
}

// Reboot posts an action through Raw.
func (s *DropletsService) Reboot(ctx context.Context, id int) error {
	req, err := s.client.NewRequest(ctx, http.MethodPost, "/v2/droplets/1/actions", map[string]string{"type": "reboot"})
	if err != nil {
		return err
	}
	resp, err := s.client.Raw(req) // want `Client.Raw, which sends the request through an \*http.Client from go-retryablehttp's StandardClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
