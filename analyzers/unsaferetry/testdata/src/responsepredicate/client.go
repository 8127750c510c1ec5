// Package responsepredicate retries through loops whose predicate is
// given the attempt's *http.Response: one goes round after connection
// errors and 5xx (reported), one only on a 429 refusal (silent).
package responsepredicate

import (
	"bytes"
	"context"
	"net/http"
)

type Client struct{ hc *http.Client }

func shouldRetry(res *http.Response) bool {
	if res == nil {
		return true // no response: a connection error
	}
	return res.StatusCode == http.StatusTooManyRequests || res.StatusCode >= http.StatusInternalServerError
}

func shouldRetryThrottled(res *http.Response) bool {
	return res != nil && res.StatusCode == http.StatusTooManyRequests
}

func (c *Client) CreateOrder(ctx context.Context, body []byte) error {
	var res *http.Response
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		req, rerr := http.NewRequestWithContext(ctx, http.MethodPost, "https://shop.example.com/v1/orders", bytes.NewReader(body))
		if rerr != nil {
			return rerr
		}
		res, err = c.hc.Do(req) // want `POST /v1/orders .*inside a retry loop`
		if !shouldRetry(res) {
			break
		}
	}
	if err != nil {
		return err
	}
	return res.Body.Close()
}

func (c *Client) CreateOrderThrottled(ctx context.Context, body []byte) error {
	var res *http.Response
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		req, rerr := http.NewRequestWithContext(ctx, http.MethodPost, "https://shop.example.com/v1/orders", bytes.NewReader(body))
		if rerr != nil {
			return rerr
		}
		res, err = c.hc.Do(req)
		if !shouldRetryThrottled(res) {
			break
		}
	}
	if err != nil {
		return err
	}
	return res.Body.Close()
}
