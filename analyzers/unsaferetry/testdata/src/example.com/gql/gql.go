// Package gql is a small GraphQL client: every document, query or
// mutation, is POSTed to one endpoint.
package gql

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
)

type Request struct {
	query string
	vars  map[string]any
}

func NewRequest(query string) *Request { return &Request{query: query, vars: map[string]any{}} }

func (r *Request) Var(name string, v any) { r.vars[name] = v }

type Client struct {
	endpoint string
	http     *http.Client
}

func NewClient(endpoint string) *Client { return &Client{endpoint: endpoint, http: http.DefaultClient} }

func (c *Client) Run(ctx context.Context, req *Request, out any) error {
	body, err := json.Marshal(map[string]any{"query": req.query, "variables": req.vars})
	if err != nil {
		return err
	}
	r, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := c.http.Do(r)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}
