// Package defaultmethod is an admin client whose request builder falls
// back to POST when its caller passes no method: the caller's method
// decides, so a health poll with GET stays silent.
package defaultmethod

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// Client talks to the admin API.
type Client struct {
	HC   *http.Client
	Base string
}

func (c Client) newRequest(ctx context.Context, method, path string) (*http.Request, error) {
	// No method supplied: default to POST.
	if method == "" {
		method = http.MethodPost
	}
	return http.NewRequestWithContext(ctx, method, c.Base+path, nil)
}

func (c Client) execute(ctx context.Context, method, path string) (*http.Response, error) {
	req, err := c.newRequest(ctx, method, path)
	if err != nil {
		return nil, err
	}
	return c.HC.Do(req)
}

// WaitHealthy polls the health endpoint with GET until it answers: silent.
func (c Client) WaitHealthy(ctx context.Context) error {
	for i := 0; i < 10; i++ {
		resp, err := c.execute(ctx, http.MethodGet, "/minio/health/cluster")
		if err == nil {
			return resp.Body.Close()
		}
		time.Sleep(time.Second)
	}
	return errors.New("not healthy")
}

// Enqueue posts a job and tries again after any failure: reported.
func (c Client) Enqueue(ctx context.Context) error {
	for i := 0; i < 3; i++ {
		resp, err := c.execute(ctx, http.MethodPost, "/jobs") // want `POST /jobs`
		if err == nil {
			return resp.Body.Close()
		}
		time.Sleep(time.Second)
	}
	return errors.New("enqueue failed")
}
