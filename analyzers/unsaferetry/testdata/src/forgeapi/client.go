// Package forgeapi is a code-hosting API client in the usual shape: the
// constructor keeps a go-retryablehttp Client in a field, with its own
// CheckRetry method value (429 and 5xx, retried for every method), and
// functional options may swap in a caller's policy. Services build requests
// with Client.NewRequest, which returns a retryablehttp Request, and send
// them through the generic Client.Do. A POST is re-sent by the client;
// reads, PUTs and DELETEs are not writes that repeat.
package forgeapi

import (
	"context"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

type Client struct {
	client         *retryablehttp.Client
	baseURL        string
	disableRetries bool

	Issues *IssuesService
}

// ClientOptionFunc configures a Client.
type ClientOptionFunc func(*Client) error

// WithCustomRetry installs the caller's policy, only for callers passing it.
func WithCustomRetry(checkRetry retryablehttp.CheckRetry) ClientOptionFunc {
	return func(c *Client) error {
		c.client.CheckRetry = checkRetry
		return nil
	}
}

// WithoutRetries turns the default policy off.
func WithoutRetries() ClientOptionFunc {
	return func(c *Client) error {
		c.disableRetries = true
		return nil
	}
}

func NewClient(options ...ClientOptionFunc) (*Client, error) {
	c := &Client{baseURL: "https://forge.example.com/api/v4/"}
	c.client = &retryablehttp.Client{
		CheckRetry:   c.retryHTTPCheck,
		HTTPClient:   &http.Client{},
		RetryMax:     5,
		RetryWaitMin: 100,
	}
	for _, fn := range options {
		if err := fn(c); err != nil {
			return nil, err
		}
	}
	c.Issues = &IssuesService{client: c}
	return c, nil
}

// retryHTTPCheck retries rate limits and server errors.
func (c *Client) retryHTTPCheck(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	if err != nil {
		return false, err
	}
	if !c.disableRetries && (resp.StatusCode == 429 || resp.StatusCode >= 500) {
		return true, nil
	}
	return false, nil
}

// NewRequest builds a request for a path relative to the base URL.
func (c *Client) NewRequest(method, path string, opt any) (*retryablehttp.Request, error) {
	req, err := retryablehttp.NewRequest(method, c.baseURL+path, opt)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	return req, nil
}

// Do sends any request the services built.
func (c *Client) Do(req *retryablehttp.Request, v any) (*http.Response, error) {
	resp, err := c.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return resp, nil
}

type Issue struct {
	ID    int
	Title string
}

type IssuesService struct {
	client *Client
}

func (s *IssuesService) CreateIssue(title string) (*Issue, error) {
	req, err := s.client.NewRequest(http.MethodPost, "projects/1/issues", map[string]string{"title": title})
	if err != nil {
		return nil, err
	}
	i := new(Issue)
	_, err = s.client.Do(req, i) // want `POST /projects/1/issues sent through Client.Do, which sends the request through go-retryablehttp's Client`
	return i, err
}

func (s *IssuesService) GetIssue(id int) (*Issue, error) {
	req, err := s.client.NewRequest(http.MethodGet, "projects/1/issues/1", nil)
	if err != nil {
		return nil, err
	}
	i := new(Issue)
	_, err = s.client.Do(req, i)
	return i, err
}

func (s *IssuesService) UpdateIssue(title string) error {
	req, err := s.client.NewRequest(http.MethodPut, "projects/1/issues/1", map[string]string{"title": title})
	if err != nil {
		return err
	}
	_, err = s.client.Do(req, nil)
	return err
}

func (s *IssuesService) DeleteIssue() error {
	req, err := s.client.NewRequest(http.MethodDelete, "projects/1/issues/1", nil)
	if err != nil {
		return err
	}
	_, err = s.client.Do(req, nil)
	return err
}
