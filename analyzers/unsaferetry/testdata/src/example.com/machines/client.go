// Package machines is a hosting platform's machines API: its constructor
// takes the HTTP client from another package's constructor, and every
// method sends through a generic request function.
package machines

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"

	"example.com/hostclient"
)

type Client struct {
	baseURL    string
	httpClient *http.Client
}

func New(baseURL string, logger hostclient.Logger) (*Client, error) {
	httpClient, err := hostclient.NewHTTPClient(logger, http.DefaultTransport)
	if err != nil {
		return nil, err
	}
	return &Client{baseURL: baseURL, httpClient: httpClient}, nil
}

func (c *Client) sendRequest(ctx context.Context, method, endpoint string, in any) error {
	body, err := json.Marshal(in)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, method, c.baseURL+endpoint, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// sendRequestMachines names the API area it sends to, not what it asks.
func (c *Client) sendRequestMachines(ctx context.Context, app, method, endpoint string, in any) error {
	return c.sendRequest(ctx, method, "/apps/"+app+"/machines"+endpoint, in)
}

type LaunchInput struct {
	Region string
	Image  string
}

// Launch makes a new machine, whose id the server assigns.
func (c *Client) Launch(ctx context.Context, app string, in LaunchInput) error {
	return c.sendRequestMachines(ctx, app, http.MethodPost, "", in) // want `POST request is retried by Client\.sendRequest, which sends it again inside an \*http\.Client whose transport is a rehttp transport`
}

// Suspend moves a machine to suspended: a repeat finds it so.
func (c *Client) Suspend(ctx context.Context, app, machineID string) error {
	return c.sendRequestMachines(ctx, app, http.MethodPost, "/"+machineID+"/suspend", nil)
}

func (c *Client) Get(ctx context.Context, app, machineID string) error {
	return c.sendRequestMachines(ctx, app, http.MethodGet, "/"+machineID, nil)
}

// Volumes sends through a client that retries only GETs, and Events
// through one that retries only 429s: their POSTs are sent once.
type Volumes struct {
	baseURL string
	hc      *http.Client
}

func NewVolumes(baseURL string) *Volumes {
	return &Volumes{baseURL: baseURL, hc: hostclient.NewReadRetryingClient(http.DefaultTransport)}
}

func (v *Volumes) CreateVolume(ctx context.Context, app string, size int) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, v.baseURL+"/apps/"+app+"/volumes", nil)
	if err != nil {
		return err
	}
	resp, err := v.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type Events struct{ hc *http.Client }

func (e *Events) Post(ctx context.Context, url string) error {
	e.hc = hostclient.NewThrottledClient(http.DefaultTransport)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url+"/events", nil)
	if err != nil {
		return err
	}
	resp, err := e.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
