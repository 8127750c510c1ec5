// Package restopts is a REST client library shaped like many storage and
// search SDKs: a request type of its own over net/http's, a call options
// struct carrying the method and path, a JSON helper that copies the
// options before filling the body, and the URL built by appending to a
// base. It sends each request once: the retry is its callers'.
package restopts

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
)

// Request is the library's own request type.
type Request http.Request

// NewRequest builds a request with the JSON headers set.
func NewRequest(method, u string) (*Request, error) {
	req, err := http.NewRequest(method, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	return (*Request)(req), nil
}

// Opts describes one call.
type Opts struct {
	Method     string
	Path       string
	RootURL    string
	Parameters url.Values
	Body       *bytes.Buffer
	Headers    map[string]string
}

// Copy returns a copy of the options the caller can change.
func (o *Opts) Copy() *Opts {
	n := *o
	return &n
}

type Client struct {
	root string
	hc   *http.Client
}

func New(root string) *Client { return &Client{root: root, hc: http.DefaultClient} }

// Call sends the request opts describes.
func (c *Client) Call(ctx context.Context, opts *Opts) (*http.Response, error) {
	u := c.root
	if opts.RootURL != "" {
		u = opts.RootURL
	}
	u += opts.Path
	if len(opts.Parameters) > 0 {
		u += "?" + opts.Parameters.Encode()
	}
	req, err := NewRequest(opts.Method, u)
	if err != nil {
		return nil, err
	}
	for k, v := range opts.Headers {
		req.Header.Set(k, v)
	}
	return c.hc.Do((*http.Request)(req).WithContext(ctx))
}

// CallJSON encodes in as the body and sends the request.
func (c *Client) CallJSON(ctx context.Context, opts *Opts, in any) (*http.Response, error) {
	if in != nil && opts.Body == nil {
		b, err := json.Marshal(in)
		if err != nil {
			return nil, err
		}
		opts = opts.Copy()
		opts.Body = bytes.NewBuffer(b)
	}
	return c.Call(ctx, opts)
}

// CallAs sends the request opts describes with another method: the copy's
// Method is method, whatever opts says.
func (c *Client) CallAs(ctx context.Context, opts *Opts, method string) (*http.Response, error) {
	opts = opts.Copy()
	opts.Method = method
	return c.Call(ctx, opts)
}

// Indexer sends a batch of documents in one request.
type Indexer struct {
	c    *Client
	docs []any
}

func (ix *Indexer) Add(doc any) { ix.docs = append(ix.docs, doc) }

// Flush sends the batch: POST /_bulk.
func (ix *Indexer) Flush(ctx context.Context) error {
	_, err := ix.c.CallJSON(ctx, &Opts{Method: "POST", Path: "/_bulk"}, ix.docs)
	return err
}

// Refresh asks the index to make the batch searchable (PUT: same state).
func (ix *Indexer) Refresh(ctx context.Context) error {
	_, err := ix.c.Call(ctx, &Opts{Method: http.MethodPut, Path: "/_refresh"})
	return err
}
