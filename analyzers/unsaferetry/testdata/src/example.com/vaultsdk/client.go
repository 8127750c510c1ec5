// Package vaultsdk is an SDK whose constructor configures one resty client
// to retry (three times unless the caller sets another count) and passes
// it to the request functions of its api package.
package vaultsdk

import (
	"time"

	"github.com/go-resty/resty/v2"

	"example.com/vaultsdk/api"
)

type Config struct {
	SiteURL    string
	MaxRetries *int
	Retries    int
}

type Client struct {
	httpClient *resty.Client
	plain      *resty.Client
	configured *resty.Client
}

func NewClient(cfg Config) *Client {
	c := &Client{plain: resty.New().SetBaseURL(cfg.SiteURL)}
	c.httpClient = resty.New().SetBaseURL(cfg.SiteURL)
	maxRetries := 3
	if cfg.MaxRetries != nil {
		maxRetries = *cfg.MaxRetries
	}
	c.httpClient.SetRetryCount(maxRetries).SetRetryWaitTime(time.Second)

	// A count read only from the configuration: unknown, not reported.
	c.configured = resty.New().SetRetryCount(cfg.Retries)
	return c
}

func (c *Client) CreateLease(path string) (api.Lease, error) {
	return api.CallCreateLease(c.httpClient, api.LeaseRequest{Path: path}) // want `POST /v1/dynamic-secrets/leases sent through api.CallCreateLease, which sends it through the client passed to it \(resty's SetRetryCount \(retries failed requests\)\), runs again on every retry`
}

func (c *Client) GetLease(id string) (api.Lease, error) {
	return api.CallGetLease(c.httpClient, id)
}

func (c *Client) RenewLease(id, key string) error {
	return api.CallRenewLease(c.httpClient, id, key)
}

func (c *Client) SearchLeases(q string) error {
	return api.CallSearchLeases(c.httpClient, q)
}

func (c *Client) CreateWith(path string) error {
	return api.CallCreateWith(c.httpClient, false, api.LeaseRequest{Path: path})
}

// CreateLeasePlain passes a client that does not retry.
func (c *Client) CreateLeasePlain(path string) (api.Lease, error) {
	return api.CallCreateLease(c.plain, api.LeaseRequest{Path: path})
}

// CreateLeaseConfigured passes a client whose count only the user's
// configuration sets.
func (c *Client) CreateLeaseConfigured(path string) (api.Lease, error) {
	return api.CallCreateLease(c.configured, api.LeaseRequest{Path: path})
}

// createVia wraps the request function with the client as a parameter:
// its callers decide.
func createVia(hc *resty.Client, path string) (api.Lease, error) {
	return api.CallCreateLease(hc, api.LeaseRequest{Path: path, TTL: "1h"})
}

func (c *Client) CreateShortLease(path string) (api.Lease, error) {
	return createVia(c.httpClient, path) // want `POST /v1/dynamic-secrets/leases sent through vaultsdk.createVia, which sends it through the client passed to it`
}

func (c *Client) CreateShortLeasePlain(path string) (api.Lease, error) {
	return createVia(c.plain, path)
}
