package ratelimit

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Retry predicates held as function values: a client keeps its retry
// conditions in a slice and goes round when one of them holds. Each
// client's request helper takes the method from its callers.

// RetryCondition says whether a failed attempt is worth another one.
type RetryCondition func(*http.Response, error) bool

func tooManyRequests(resp *http.Response, _ error) bool {
	return resp != nil && resp.StatusCode == http.StatusTooManyRequests
}

func requestTimeout(resp *http.Response, _ error) bool {
	return resp != nil && resp.StatusCode == http.StatusRequestTimeout
}

func serverError(resp *http.Response, _ error) bool {
	return resp != nil && resp.StatusCode >= 500
}

// anyCondition asks the client's other conditions (it is itself one of
// them): it holds only when one of them does.
func anyCondition(c *condClient) RetryCondition {
	return func(resp *http.Response, err error) bool {
		for _, cond := range c.conditions {
			if retry := cond(resp, err); retry {
				return true
			}
		}
		return false
	}
}

// condClient retries only on refusals: every condition stored into
// conditions (the literal, the adder's arguments, the appended combinator)
// holds only on 429, 408 or a bad nonce.
type condClient struct {
	hc         *http.Client
	base       string
	conditions []RetryCondition
}

func newCondClient(hc *http.Client, base string) *condClient {
	c := &condClient{hc: hc, base: base, conditions: []RetryCondition{tooManyRequests}}
	c.addCondition(requestTimeout)
	c.addCondition(func(_ *http.Response, err error) bool { return errors.Is(err, ErrBadNonce) })
	c.conditions = append(c.conditions, anyCondition(c))
	return c
}

func (c *condClient) addCondition(cond RetryCondition) { c.conditions = append(c.conditions, cond) }

func (c *condClient) shouldRetry(resp *http.Response, err error) bool {
	for _, cond := range c.conditions {
		if cond(resp, err) {
			return true
		}
	}
	return false
}

func (c *condClient) do(ctx context.Context, method, path string, body []byte) error {
	var err error
	for range 5 {
		var req *http.Request
		req, err = http.NewRequestWithContext(ctx, method, c.base+path, bytes.NewReader(body))
		if err != nil {
			return err
		}
		var resp *http.Response
		resp, err = c.hc.Do(req)
		if err == nil && resp.StatusCode < 300 {
			return resp.Body.Close()
		}
		if err == nil {
			err = fmt.Errorf("status %d", resp.StatusCode)
		}
		if !c.shouldRetry(resp, err) {
			break
		}
		time.Sleep(time.Second)
	}
	return err
}

func (c *condClient) CreateInvoice(ctx context.Context, body []byte) error {
	return c.do(ctx, http.MethodPost, "/v1/invoices", body) // silent: retried only after 429, 408 or a bad nonce
}

// looseClient has the same shape, but one of its conditions lets a 5xx
// through: the server may have executed the request.
type looseClient struct {
	hc         *http.Client
	conditions []RetryCondition
}

func newLooseClient(hc *http.Client) *looseClient {
	return &looseClient{hc: hc, conditions: []RetryCondition{tooManyRequests, serverError}}
}

func (c *looseClient) shouldRetry(resp *http.Response, err error) bool {
	for _, cond := range c.conditions {
		if cond(resp, err) {
			return true
		}
	}
	return false
}

func (c *looseClient) do(ctx context.Context, method, url string, body []byte) error {
	var err error
	for range 5 {
		var req *http.Request
		req, err = http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
		if err != nil {
			return err
		}
		var resp *http.Response
		resp, err = c.hc.Do(req)
		if err == nil && resp.StatusCode < 300 {
			return resp.Body.Close()
		}
		if !c.shouldRetry(resp, err) {
			break
		}
	}
	return err
}

func (c *looseClient) CreateInvoice(ctx context.Context, body []byte) error {
	return c.do(ctx, http.MethodPost, "https://api.example.com/v1/invoices", body) // want `POST /v1/invoices is retried by looseClient\.do, which sends it again inside a retry loop`
}

// openClient lets its users add conditions (an exported adder): they are
// unknown, so the retry keeps today's judgement.
type openClient struct {
	hc         *http.Client
	conditions []RetryCondition
}

func (c *openClient) AddRetryCondition(cond RetryCondition) {
	c.conditions = append(c.conditions, cond)
}

func (c *openClient) do(ctx context.Context, method, url string) error {
	var err error
	for range 5 {
		var req *http.Request
		req, err = http.NewRequestWithContext(ctx, method, url, nil)
		if err != nil {
			return err
		}
		var resp *http.Response
		resp, err = c.hc.Do(req)
		if err == nil && resp.StatusCode < 300 {
			return resp.Body.Close()
		}
		retry := false
		for _, cond := range c.conditions {
			retry = retry || cond(resp, err)
		}
		if !retry {
			break
		}
	}
	return err
}

func (c *openClient) Capture(ctx context.Context, id string) error {
	return c.do(ctx, http.MethodPost, "https://api.example.com/v1/charges/"+id+"/capture") // want `POST /v1/charges/\{…\}/capture is retried by openClient\.do`
}
