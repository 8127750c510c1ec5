// Package methodpolicy is an API client whose retry policy depends on the
// request's method: reads are retried on 429 and 5xx, writes only on 429.
package methodpolicy

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

type Client struct {
	c          *http.Client
	base       string
	maxRetries int
	lenient    bool
}

func New(base string) *Client { return &Client{c: http.DefaultClient, base: base, maxRetries: 5} }

func (r *Client) do(request *http.Request, out any) error {
	attempts := 0
	for ok := true; ok; ok = attempts < r.maxRetries {
		response, err := r.c.Do(request)
		if err != nil || response == nil {
			return fmt.Errorf("failed to make request: %w", err)
		}
		defer response.Body.Close()
		body, err := io.ReadAll(response.Body)
		if err != nil {
			return err
		}
		if response.StatusCode < 200 || response.StatusCode >= 400 {
			if !r.shouldRetry(response, request.Method) {
				return fmt.Errorf("status %d", response.StatusCode)
			}
			time.Sleep(time.Second)
			attempts++
		} else {
			return json.Unmarshal(body, out)
		}
	}
	return fmt.Errorf("request failed after %d attempts", r.maxRetries)
}

// shouldRetry: GET requests on 429 and 5xx, other requests on 429 only
// (a refusal: nothing was created).
func (r *Client) shouldRetry(response *http.Response, method string) bool {
	if method == http.MethodGet {
		return response.StatusCode == 429 || (response.StatusCode >= 500 && response.StatusCode < 600)
	}
	return response.StatusCode == 429
}

func (r *Client) fetch(ctx context.Context, method, path string, body, out any) error {
	b, err := json.Marshal(body)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, method, r.base+path, bytes.NewReader(b))
	if err != nil {
		return err
	}
	return r.do(req, out)
}

// CreatePrediction starts a prediction: retried only on 429.
func (r *Client) CreatePrediction(ctx context.Context, input map[string]any) error {
	return r.fetch(ctx, http.MethodPost, "/v1/predictions", input, nil)
}

// GetPrediction reads.
func (r *Client) GetPrediction(ctx context.Context, id string) error {
	return r.fetch(ctx, http.MethodGet, "/v1/predictions/"+id, nil, nil)
}
