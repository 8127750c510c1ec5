// Package requestconfig is a generated API client's request core: every
// service method describes its request (method, path, body) and
// ExecuteNewRequest builds a RequestConfig holding the *http.Request and
// executes it, re-sending a clone after connection errors, 408, 409, 429
// and 5xx, MaxRetries times by default.
package requestconfig

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"time"
)

type Middleware func(*http.Request, MiddlewareNext) (*http.Response, error)
type MiddlewareNext func(*http.Request) (*http.Response, error)

type RequestConfig struct {
	MaxRetries   int
	Context      context.Context
	Request      *http.Request
	HTTPClient   *http.Client
	Middlewares  []Middleware
	ResponseInto any
}

type RequestOption func(*RequestConfig) error

func NewRequestConfig(ctx context.Context, method string, u string, body any, dst any, opts ...RequestOption) (*RequestConfig, error) {
	var reader io.Reader
	if q, ok := body.(interface{ URLQuery() string }); ok {
		if params := q.URLQuery(); params != "" {
			u = u + "?" + params
		}
	}
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		reader = bytes.NewBuffer(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, reader)
	if err != nil {
		return nil, err
	}
	req.Header.Set("X-Stainless-Retry-Count", "0")
	cfg := RequestConfig{
		MaxRetries:   2,
		Context:      ctx,
		Request:      req,
		HTTPClient:   http.DefaultClient,
		ResponseInto: dst,
	}
	for _, opt := range opts {
		if err := opt(&cfg); err != nil {
			return nil, err
		}
	}
	return &cfg, nil
}

func shouldRetry(req *http.Request, res *http.Response) bool {
	if req.Body != nil && req.GetBody == nil {
		return false
	}
	if res == nil {
		return true
	}
	return res.StatusCode == http.StatusRequestTimeout ||
		res.StatusCode == http.StatusConflict ||
		res.StatusCode == http.StatusTooManyRequests ||
		res.StatusCode >= http.StatusInternalServerError
}

func applyMiddleware(middleware Middleware, next MiddlewareNext) MiddlewareNext {
	return func(req *http.Request) (res *http.Response, err error) {
		return middleware(req, next)
	}
}

func (cfg *RequestConfig) Execute() (err error) {
	handler := cfg.HTTPClient.Do
	for i := len(cfg.Middlewares) - 1; i >= 0; i-- {
		handler = applyMiddleware(cfg.Middlewares[i], handler)
	}
	var res *http.Response
	for retryCount := 0; retryCount <= cfg.MaxRetries; retryCount++ {
		req := cfg.Request.Clone(cfg.Context)
		res, err = handler(req)
		if !shouldRetry(cfg.Request, res) || retryCount >= cfg.MaxRetries {
			break
		}
		if cfg.Request.GetBody != nil {
			cfg.Request.Body, err = cfg.Request.GetBody()
			if err != nil {
				return err
			}
		}
		if res != nil && res.Body != nil {
			res.Body.Close()
		}
		time.Sleep(time.Duration(retryCount+1) * 500 * time.Millisecond)
	}
	if err != nil {
		return err
	}
	defer res.Body.Close()
	return json.NewDecoder(res.Body).Decode(cfg.ResponseInto)
}

func ExecuteNewRequest(ctx context.Context, method string, u string, body any, dst any, opts ...RequestOption) error {
	cfg, err := NewRequestConfig(ctx, method, u, body, dst, opts...)
	if err != nil {
		return err
	}
	return cfg.Execute()
}
