package requeststruct

import (
	"context"
	"net/http"
	"time"
)

// ThrottledClient goes round only when the server answered 429: its
// attempt asks for another round only then, and a refused request wrote
// nothing.
type ThrottledClient struct{ Client *http.Client }

func (c *ThrottledClient) attempt(ctx context.Context, hr *http.Request) *attemptResult {
	resp, err := c.Client.Do(hr.WithContext(ctx))
	return &attemptResult{Resp: resp, Err: err, Retry: err == nil && resp.StatusCode == http.StatusTooManyRequests}
}

func (c *ThrottledClient) Do(ctx context.Context, req *Request) (*http.Response, error) {
	for retries := 0; retries < 5; retries++ {
		hr, err := req.build()
		if err != nil {
			return nil, err
		}
		result := c.attempt(ctx, hr)
		if !result.Retry {
			return result.Resp, result.Err
		}
		time.Sleep(time.Second)
	}
	return nil, context.DeadlineExceeded
}

// Notify posts through the throttled client: silent.
func Notify(ctx context.Context, c *ThrottledClient, body []byte) error {
	_, err := c.Do(ctx, &Request{Method: http.MethodPost, URL: "https://hooks.example.com/v1/notify", Body: body})
	return err
}
