// Package tickretry is an admin API client whose request executor retries in
// a loop over a retry timer's channel (`for range c.newRetryTimer(…)`): the
// ticks received carry nothing, so every iteration re-sends the same request.
// The method comes from the caller; a signer copies the request it builds.
package tickretry

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"syscall"
	"time"

	"example.com/sigv4"
)

type Client struct {
	hc                   *http.Client
	endpoint             string
	accessKey, secretKey string
}

type requestData struct {
	path    string
	content []byte
}

// newRetryTimer ticks up to maxRetry times with a growing delay.
func (c *Client) newRetryTimer(ctx context.Context, maxRetry int, unit time.Duration) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 0; i < maxRetry; i++ {
			select {
			case ch <- i:
			case <-ctx.Done():
				return
			}
			time.Sleep(unit << i)
		}
	}()
	return ch
}

// newRequest builds and signs the request; the signer returns a copy, which
// is still the request the caller's method made.
func (c *Client) newRequest(ctx context.Context, method string, rd requestData) (req *http.Request, err error) {
	if method == "" {
		method = http.MethodPost
	}
	req, err = http.NewRequestWithContext(ctx, method, c.endpoint+rd.path, bytes.NewReader(rd.content))
	if err != nil {
		return nil, err
	}
	req = sigv4.SignV4(*req, c.accessKey, c.secretKey)
	return req, nil
}

func retryableStatus(code int) bool {
	return code == http.StatusBadGateway || code == http.StatusServiceUnavailable || code == http.StatusGatewayTimeout
}

func (c *Client) executeMethod(ctx context.Context, method string, rd requestData) (res *http.Response, err error) {
	for range c.newRetryTimer(ctx, 10, time.Second) {
		var req *http.Request
		req, err = c.newRequest(ctx, method, rd)
		if err != nil {
			return nil, err
		}
		res, err = c.hc.Do(req)
		if err != nil {
			if errors.Is(err, syscall.ECONNREFUSED) {
				return nil, err
			}
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			continue // every other network error: timeouts included
		}
		if res.StatusCode == http.StatusOK {
			return res, nil
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		res.Body = io.NopCloser(bytes.NewReader(body))
		if retryableStatus(res.StatusCode) {
			continue
		}
		break
	}
	return res, err
}

func (c *Client) StartBatchJob(ctx context.Context, job []byte) error {
	_, err := c.executeMethod(ctx, http.MethodPost, requestData{path: "/start-job", content: job}) // want `POST /start-job is retried by Client\.executeMethod, which sends it again inside a retry loop`
	return err
}

// StartInstance moves a machine that exists to running: a repeat finds it
// running.
func (c *Client) StartInstance(ctx context.Context, instanceID string) error {
	_, err := c.executeMethod(ctx, http.MethodPost, requestData{path: "/instances/" + instanceID + "/start"})
	return err
}

func (c *Client) JobStatus(ctx context.Context, id string) error {
	_, err := c.executeMethod(ctx, http.MethodGet, requestData{path: "/status-job?id=" + id})
	return err
}

func (c *Client) SetConfig(ctx context.Context, cfg []byte) error {
	_, err := c.executeMethod(ctx, http.MethodPut, requestData{path: "/config", content: cfg})
	return err
}

// Heartbeats posts on every tick whatever happened to the last one: a
// periodic job, not a retry (success does not leave the loop).
func (c *Client) Heartbeats(ctx context.Context, t *time.Ticker) {
	for range t.C {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint+"/heartbeat", nil)
		if err != nil {
			continue
		}
		res, err := c.hc.Do(req)
		if err != nil {
			continue
		}
		res.Body.Close()
	}
}

// Forward sends each event it receives once: a consumer loop.
func (c *Client) Forward(ctx context.Context, events <-chan []byte) error {
	for ev := range events {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint+"/events", bytes.NewReader(ev))
		if err != nil {
			return err
		}
		res, err := c.hc.Do(req)
		if err != nil {
			continue
		}
		res.Body.Close()
	}
	return nil
}
