// Package querygate is the HTTP client of a query engine. Its round-trip
// helper retries a network error through a policy picked per request (a
// POST only when the dial failed, so nothing was sent) and a response
// through a status predicate. Gateways answer 502 and 504 after the
// coordinator may have accepted the statement, so a POST re-sent on them
// can run twice; a client whose predicate lets only refusals through
// re-sends nothing that ran.
package querygate

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"time"
)

// netPolicy says whether a network error (no response) is retried.
type netPolicy func(err error) bool

// dialOnly holds when the connection was never made: the request was not
// sent.
func dialOnly(err error) bool {
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial"
}

// anyTimeout retries every timeout: for idempotent requests.
func anyTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// busyOrGateway retries throttling and gateway failures.
func busyOrGateway(status int) bool {
	switch status {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// refusedOnly retries the statuses of a request the server turned away.
func refusedOnly(code int) bool {
	if code == http.StatusTooManyRequests {
		return true
	}
	if code == http.StatusConflict || code == http.StatusUnauthorized {
		return true
	}
	return false
}

// roundTrip re-sends req on a timer: after a refused dial, and after a
// throttled or gateway status.
func roundTrip(ctx context.Context, hc *http.Client, req *http.Request) (*http.Response, error) {
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-timer.C:
			resp, err := hc.Do(req)
			if err != nil {
				if !dialOnly(err) {
					return nil, err
				}
			} else if !busyOrGateway(resp.StatusCode) {
				return resp, nil
			} else {
				resp.Body.Close()
			}
			timer.Reset(time.Second)
		}
	}
}

// politeTrip is the same loop going round only when the server (or the
// dial) refused.
func politeTrip(ctx context.Context, hc *http.Client, req *http.Request) (*http.Response, error) {
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-timer.C:
			resp, err := hc.Do(req)
			if err != nil {
				if !dialOnly(err) {
					return nil, err
				}
			} else if !refusedOnly(resp.StatusCode) {
				return resp, nil
			} else {
				resp.Body.Close()
			}
			timer.Reset(time.Second)
		}
	}
}

// retryAll re-sends on any timeout and on the gate's statuses; the policy
// comes from the caller.
func retryAll(ctx context.Context, hc *http.Client, req *http.Request, policy netPolicy) (*http.Response, error) {
	for {
		resp, err := hc.Do(req)
		if err != nil {
			if !policy(err) {
				return nil, err
			}
		} else if !refusedOnly(resp.StatusCode) {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
}

// Conn talks to one coordinator.
type Conn struct {
	hc   http.Client
	base string
}

// Submit posts a statement: a 502 from the gateway re-sends it.
func (c *Conn) Submit(ctx context.Context, query string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/statement", strings.NewReader(query))
	if err != nil {
		return err
	}
	resp, err := roundTrip(ctx, &c.hc, req) // want `POST /v1/statement`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Next fetches the next page of results: a GET, retried safely.
func (c *Conn) Next(ctx context.Context, uri string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, uri, nil)
	if err != nil {
		return err
	}
	resp, err := roundTrip(ctx, &c.hc, req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// SubmitPolitely posts a statement through the refusal-only loop.
func (c *Conn) SubmitPolitely(ctx context.Context, query string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/statement", strings.NewReader(query))
	if err != nil {
		return err
	}
	resp, err := politeTrip(ctx, &c.hc, req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// SubmitTimeouts posts through a loop that retries timeouts too.
func (c *Conn) SubmitTimeouts(ctx context.Context, query string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/statement", strings.NewReader(query))
	if err != nil {
		return err
	}
	resp, err := retryAll(ctx, &c.hc, req, anyTimeout) // want `POST /v1/statement`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
