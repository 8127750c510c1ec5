// Package edgesession is an API session whose optional retries go through
// go-retryablehttp: a configure function builds the client with a
// CheckRetry made by a policy factory, and an option takes its
// StandardClient. One policy retries only GET requests (also on a
// transport error, read from the *url.Error's Op), so the session's POSTs
// are sent once; another retries every method on a 5xx.
package edgesession

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/hashicorp/go-retryablehttp"
)

type Session struct {
	client *http.Client
	base   string
}

type Option func(*Session) error

func configureRetryClient(max int) (*retryablehttp.Client, error) {
	rc := retryablehttp.NewClient()
	if max < 0 {
		return nil, errors.New("negative retries")
	}
	rc.RetryMax = max
	rc.CheckRetry = getOnlyPolicy(retryablehttp.DefaultRetryPolicy)
	return rc, nil
}

// getOnlyPolicy retries GETs as base does and nothing else.
func getOnlyPolicy(base retryablehttp.CheckRetry) retryablehttp.CheckRetry {
	return func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		if ctx.Err() != nil {
			return false, ctx.Err()
		}
		if resp == nil || resp.Request.Method != http.MethodGet {
			var urlErr *url.Error
			if resp == nil && errors.As(err, &urlErr) && strings.ToUpper(urlErr.Op) == http.MethodGet {
				return base(ctx, resp, err)
			}
			return false, err
		}
		if resp.StatusCode == http.StatusConflict {
			return true, nil
		}
		return base(ctx, resp, err)
	}
}

// WithRetries retries failed GET requests.
func WithRetries(max int) Option {
	return func(s *Session) error {
		rc, err := configureRetryClient(max)
		if err != nil {
			return err
		}
		s.client = rc.StandardClient()
		return nil
	}
}

func (s *Session) Exec(ctx context.Context, method, path string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, method, s.base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (s *Session) CreateEndpoint(ctx context.Context, spec []byte) error {
	return s.Exec(ctx, http.MethodPost, "/endpoints", spec)
}

// Mirror retries every method on 5xx and transport errors.
type Mirror struct {
	client *http.Client
	base   string
}

func configureAnyMethod() *retryablehttp.Client {
	rc := retryablehttp.NewClient()
	rc.RetryMax = 5
	rc.CheckRetry = retryablehttp.DefaultRetryPolicy
	return rc
}

func NewMirror(base string) *Mirror {
	rc := configureAnyMethod()
	return &Mirror{client: rc.StandardClient(), base: base}
}

func (m *Mirror) Push(ctx context.Context, blob []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, m.base+"/blobs", bytes.NewReader(blob))
	if err != nil {
		return err
	}
	resp, err := m.client.Do(req) // want `POST /blobs sent through an \*http\.Client from go-retryablehttp's StandardClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
