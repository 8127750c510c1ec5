// Package sdkcore is an object-storage SDK's core: every service method
// fills a sendOptions with its HTTP method and calls doRetry, whose loop
// sends again whenever CheckRetryable says so (no response, or a 5xx).
// The decision is kept in a variable named for it, bound to the second
// result of the predicate; the options travel by address (&opt).
package sdkcore

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"
)

type Config struct {
	RetryCount    int
	RetryInterval time.Duration
}

type Client struct {
	client *http.Client
	Conf   *Config
	base   *url.URL
}

type sendOptions struct {
	baseURL *url.URL
	uri     string
	method  string
	body    string
	isRetry bool
}

func (c *Client) send(ctx context.Context, opt *sendOptions) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, opt.method, opt.baseURL.String()+opt.uri, strings.NewReader(opt.body))
	if err != nil {
		return nil, err
	}
	return c.client.Do(req)
}

// CheckRetryable retries on no response or a 5xx.
func (c *Client) CheckRetryable(u *url.URL, resp *http.Response, err error) (*url.URL, bool) {
	if err != nil {
		if resp != nil && resp.StatusCode < 500 {
			return u, false
		}
		return u, true
	}
	return u, false
}

func (c *Client) doRetry(ctx context.Context, opt *sendOptions) (resp *http.Response, err error) {
	count := 1
	if c.Conf.RetryCount > 0 {
		count = c.Conf.RetryCount
	}
	var retryable bool
	for nr := 0; nr < count; nr++ {
		opt.isRetry = nr > 0
		resp, err = c.send(ctx, opt)
		opt.baseURL, retryable = c.CheckRetryable(opt.baseURL, resp, err)
		if retryable {
			time.Sleep(c.Conf.RetryInterval)
			continue
		}
		break
	}
	return
}

// InitiateUpload: each POST makes a new upload id.
func (c *Client) InitiateUpload(ctx context.Context, name string) (*http.Response, error) {
	opt := sendOptions{baseURL: c.base, uri: "/" + name + "?uploads", method: http.MethodPost}
	return c.doRetry(ctx, &opt) // want `POST request is retried by Client\.doRetry, which sends it again inside a retry loop; the request can be applied twice`
}

// Complete passes the options as a pointer literal.
func (c *Client) Complete(ctx context.Context, name, id string) (*http.Response, error) {
	return c.doRetry(ctx, &sendOptions{baseURL: c.base, uri: "/" + name + "?uploadId=" + id, method: http.MethodPost}) // want `POST request is retried by Client\.doRetry`
}

// checkThrottled asks for another round only when the server answered 429:
// the request was refused before anything was written.
func (c *Client) checkThrottled(u *url.URL, resp *http.Response, err error) (*url.URL, bool) {
	if err != nil && resp != nil && resp.StatusCode == http.StatusTooManyRequests {
		return u, true
	}
	return u, false
}

func (c *Client) doThrottled(ctx context.Context, opt *sendOptions) (resp *http.Response, err error) {
	var retry bool
	for i := 0; i < 3; i++ {
		resp, err = c.send(ctx, opt)
		if opt.baseURL, retry = c.checkThrottled(opt.baseURL, resp, err); !retry {
			break
		}
		time.Sleep(time.Second)
	}
	return
}

// Append goes round only on a refusal: silent.
func (c *Client) Append(ctx context.Context, name string) (*http.Response, error) {
	opt := sendOptions{baseURL: c.base, uri: "/" + name + "?append", method: http.MethodPost}
	return c.doThrottled(ctx, &opt)
}

// doStop leaves when the predicate says the error is final.
func (c *Client) doStop(ctx context.Context, opt *sendOptions) (resp *http.Response, err error) {
	var retryable bool
	for i := 0; i < 3; i++ {
		resp, err = c.send(ctx, opt)
		_, retryable = c.CheckRetryable(opt.baseURL, resp, err)
		if !retryable {
			return resp, err
		}
	}
	return
}

// Copy is retried by doStop on no response or a 5xx.
func (c *Client) Copy(ctx context.Context, name string) (*http.Response, error) {
	opt := sendOptions{baseURL: c.base, uri: "/" + name + "?copy", method: http.MethodPost}
	return c.doStop(ctx, &opt) // want `POST request is retried by Client\.doStop`
}

// Head reads.
func (c *Client) Head(ctx context.Context, name string) (*http.Response, error) {
	opt := sendOptions{baseURL: c.base, uri: "/" + name, method: http.MethodHead}
	return c.doRetry(ctx, &opt)
}
