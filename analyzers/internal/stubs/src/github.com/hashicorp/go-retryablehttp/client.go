// Package retryablehttp is a stub of github.com/hashicorp/go-retryablehttp
// for analyzer tests: the real signatures of the functions twice matches.
package retryablehttp

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

type Request struct {
	*http.Request
}

func NewRequest(method, url string, rawBody interface{}) (*Request, error) {
	return NewRequestWithContext(context.Background(), method, url, rawBody)
}

func NewRequestWithContext(ctx context.Context, method, url string, rawBody interface{}) (*Request, error) {
	r, err := http.NewRequestWithContext(ctx, method, url, nil)
	return &Request{r}, err
}

func FromRequest(r *http.Request) (*Request, error) { return &Request{r}, nil }

func (r *Request) WithContext(ctx context.Context) *Request { return r }

type CheckRetry func(ctx context.Context, resp *http.Response, err error) (bool, error)

type Client struct {
	HTTPClient   *http.Client
	RetryWaitMin time.Duration
	RetryWaitMax time.Duration
	RetryMax     int
	CheckRetry   CheckRetry
}

func NewClient() *Client { return &Client{HTTPClient: &http.Client{}, RetryMax: 4} }

func DefaultRetryPolicy(ctx context.Context, resp *http.Response, err error) (bool, error) {
	return false, nil
}

func (c *Client) Do(req *Request) (*http.Response, error) { return c.HTTPClient.Do(req.Request) }
func (c *Client) Get(url string) (*http.Response, error)  { return nil, nil }
func (c *Client) Head(url string) (*http.Response, error) { return nil, nil }
func (c *Client) Post(url, bodyType string, body interface{}) (*http.Response, error) {
	return nil, nil
}
func (c *Client) PostForm(url string, data url.Values) (*http.Response, error) { return nil, nil }
func (c *Client) StandardClient() *http.Client                                 { return &http.Client{} }

func Get(url string) (*http.Response, error)  { return nil, nil }
func Head(url string) (*http.Response, error) { return nil, nil }
func Post(url, bodyType string, body interface{}) (*http.Response, error) {
	return nil, nil
}
func PostForm(url string, data url.Values) (*http.Response, error) { return nil, nil }
