// Package dropletsdk is an SDK that groups its operations into exported
// service interfaces, each with one implementation hung on the client by
// its constructor (as godo and govultr do).
package dropletsdk

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

type Client struct {
	hc   *http.Client
	base string

	Domains DomainsService
}

func NewClient(hc *http.Client) *Client {
	c := &Client{hc: hc, base: "https://api.example.com"}
	c.Domains = &DomainsServiceOp{client: c}
	return c
}

type RecordRequest struct {
	Type string
	Name string
	Data string
}

type Record struct{ ID int }

// DomainsService is exported so that callers can mock it.
type DomainsService interface {
	CreateRecord(ctx context.Context, domain string, req *RecordRequest) (*Record, error)
	CreateTag(ctx context.Context, domain, tag string) error
}

type DomainsServiceOp struct{ client *Client }

var _ DomainsService = &DomainsServiceOp{}

// CreateRecord adds a record; the server numbers it.
func (s *DomainsServiceOp) CreateRecord(ctx context.Context, domain string, req *RecordRequest) (*Record, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	path := fmt.Sprintf("%s/v2/domains/%s/records", s.client.base, domain)
	r, err := http.NewRequestWithContext(ctx, http.MethodPost, path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	resp, err := s.client.hc.Do(r)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var rec Record
	return &rec, json.NewDecoder(resp.Body).Decode(&rec)
}

// CreateTag puts a tag under its name: a repeat writes the same tag.
func (s *DomainsServiceOp) CreateTag(ctx context.Context, domain, tag string) error {
	path := fmt.Sprintf("%s/v2/domains/%s/tags/%s", s.client.base, domain, tag)
	r, err := http.NewRequestWithContext(ctx, http.MethodPut, path, nil)
	if err != nil {
		return err
	}
	resp, err := s.client.hc.Do(r)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
