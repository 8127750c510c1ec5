// Package resty is a stub of github.com/go-resty/resty/v2 for analyzer tests: the real
// signatures of the functions twice matches, minimal bodies.
package resty

import (
	"context"
	"net/http"
	"time"
)

type Client struct {
	RetryCount int
	Header     http.Header
}

type Response struct {
	RawResponse *http.Response
}

func (r *Response) StatusCode() int { return 0 }
func (r *Response) IsSuccess() bool { return true }
func (r *Response) IsError() bool   { return false }
func (r *Response) Body() []byte    { return nil }
func (r *Response) String() string  { return "" }

type RetryConditionFunc func(*Response, error) bool

func New() *Client { return &Client{} }

func (c *Client) SetBaseURL(url string) *Client                          { return c }
func (c *Client) SetHeader(header, value string) *Client                 { return c }
func (c *Client) SetAuthToken(token string) *Client                      { return c }
func (c *Client) SetTimeout(timeout time.Duration) *Client               { return c }
func (c *Client) SetRetryCount(count int) *Client                        { c.RetryCount = count; return c }
func (c *Client) SetRetryWaitTime(waitTime time.Duration) *Client        { return c }
func (c *Client) SetRetryMaxWaitTime(maxWaitTime time.Duration) *Client  { return c }
func (c *Client) AddRetryCondition(condition RetryConditionFunc) *Client { return c }
func (c *Client) R() *Request                                            { return &Request{client: c} }
func (c *Client) Clone() *Client                                         { cc := *c; return &cc }

type Request struct {
	URL    string
	Method string
	client *Client
}

func (r *Request) SetContext(ctx context.Context) *Request       { return r }
func (r *Request) SetHeader(header, value string) *Request       { return r }
func (r *Request) SetBody(body interface{}) *Request             { return r }
func (r *Request) SetResult(res interface{}) *Request            { return r }
func (r *Request) SetError(err interface{}) *Request             { return r }
func (r *Request) SetQueryParam(param, value string) *Request    { return r }
func (r *Request) SetPathParam(param, value string) *Request     { return r }
func (r *Request) Get(url string) (*Response, error)             { return r.Execute(http.MethodGet, url) }
func (r *Request) Head(url string) (*Response, error)            { return r.Execute(http.MethodHead, url) }
func (r *Request) Post(url string) (*Response, error)            { return r.Execute(http.MethodPost, url) }
func (r *Request) Put(url string) (*Response, error)             { return r.Execute(http.MethodPut, url) }
func (r *Request) Patch(url string) (*Response, error)           { return r.Execute(http.MethodPatch, url) }
func (r *Request) Delete(url string) (*Response, error)          { return r.Execute(http.MethodDelete, url) }
func (r *Request) Options(url string) (*Response, error)         { return r.Execute(http.MethodOptions, url) }
func (r *Request) Execute(method, url string) (*Response, error) { return &Response{}, nil }
func (r *Request) Send() (*Response, error)                      { return r.Execute(r.Method, r.URL) }
