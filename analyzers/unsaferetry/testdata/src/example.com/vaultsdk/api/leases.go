// Package api holds the request functions of the vault SDK: each takes the
// SDK's resty client as a parameter, so whether a request is sent again
// is decided by the client its caller passes. Nothing is reported here.
package api

import (
	"fmt"

	"github.com/go-resty/resty/v2"
)

type LeaseRequest struct {
	Path string
	TTL  string
}

type Lease struct {
	ID string
}

// CallCreateLease creates new dynamic credentials on every call.
func CallCreateLease(httpClient *resty.Client, request LeaseRequest) (Lease, error) {
	var lease Lease
	cloned := httpClient.Clone()
	res, err := cloned.R().SetResult(&lease).SetBody(request).Post("/v1/dynamic-secrets/leases")
	if err != nil {
		return Lease{}, err
	}
	if res.IsError() {
		return Lease{}, fmt.Errorf("create lease: status %d", res.StatusCode())
	}
	return lease, nil
}

// CallGetLease reads.
func CallGetLease(httpClient *resty.Client, id string) (Lease, error) {
	var lease Lease
	_, err := httpClient.R().SetResult(&lease).Get("/v1/dynamic-secrets/leases/" + id)
	return lease, err
}

// CallRenewLease sends the caller's request key: the API answers a repeat
// with the first renewal.
func CallRenewLease(httpClient *resty.Client, id, requestKey string) error {
	_, err := httpClient.R().SetHeader("Idempotency-Key", requestKey).Post("/v1/dynamic-secrets/leases/" + id + "/renew")
	return err
}

// CallSearchLeases posts a query: a read.
func CallSearchLeases(httpClient *resty.Client, query string) error {
	_, err := httpClient.R().SetBody(query).Post("/v1/dynamic-secrets/leases/search")
	return err
}

// CallCreateWith sends through a client chosen between two: not the
// parameter alone.
func CallCreateWith(httpClient *resty.Client, fallback bool, request LeaseRequest) error {
	c := httpClient
	if fallback {
		c = resty.New()
	}
	_, err := c.R().SetBody(request).Post("/v1/dynamic-secrets/leases")
	return err
}
