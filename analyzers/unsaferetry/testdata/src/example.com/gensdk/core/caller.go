package core

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// HTTPClient is what the caller sends requests with.
type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

// Caller calls the API and decodes its answers.
type Caller struct {
	client  HTTPClient
	retrier *Retrier
}

// NewCaller returns a caller sending with client (http.DefaultClient if nil).
func NewCaller(client HTTPClient, attempts uint) *Caller {
	if client == nil {
		client = http.DefaultClient
	}
	return &Caller{client: client, retrier: NewRetrier(attempts)}
}

// CallParams describes one API call.
type CallParams struct {
	URL         string
	Method      string
	MaxAttempts uint
	Headers     http.Header
	Query       url.Values
	Request     any
	Response    any
}

// Call issues the call params describes.
func (c *Caller) Call(ctx context.Context, params *CallParams) error {
	var body bytes.Buffer
	if params.Request != nil {
		if err := json.NewEncoder(&body).Encode(params.Request); err != nil {
			return err
		}
	}
	req, err := http.NewRequestWithContext(ctx, params.Method, buildURL(params.URL, params.Query), &body)
	if err != nil {
		return err
	}
	req.Header = params.Headers
	resp, err := c.retrier.Run(c.client.Do, req, params.MaxAttempts)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return &StatusError{Code: resp.StatusCode}
	}
	if params.Response != nil {
		return json.NewDecoder(resp.Body).Decode(params.Response)
	}
	return nil
}

// EncodeURL fills a URL template with path-escaped values.
func EncodeURL(urlFormat string, args ...any) string {
	escaped := make([]any, 0, len(args))
	for _, a := range args {
		escaped = append(escaped, url.PathEscape(fmt.Sprintf("%v", a)))
	}
	return fmt.Sprintf(urlFormat, escaped...)
}

// buildURL adds the query to a URL.
func buildURL(u string, query url.Values) string {
	if len(query) == 0 {
		return u
	}
	if strings.ContainsRune(u, '?') {
		u += "&"
	} else {
		u += "?"
	}
	u += query.Encode()
	return u
}
