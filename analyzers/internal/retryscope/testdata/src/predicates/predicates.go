// Package predicates is a query-engine client whose round-trip helper
// retries network errors through a policy chosen per request and
// responses through a status predicate, and neighbours that retry only
// what the server refused.
package predicates

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
)

type Response struct{ StatusCode int }

type sender struct{}

func (sender) writeRequest(ctx context.Context, body string) (*Response, error) {
	return &Response{}, nil
}

// errPolicy says whether a network error is retried.
type errPolicy func(err error) bool

// dialFailed holds only when the connection was never made.
func dialFailed(err error) bool {
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial"
}

// gatewayOrThrottled retries a rate limit and gateway failures: a 502 or
// 504 can come after the backend accepted the request.
func gatewayOrThrottled(status int) bool {
	switch status {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// throttledOnly retries the statuses of a refused request.
func throttledOnly(status int) bool {
	switch status {
	case http.StatusTooManyRequests, http.StatusUnauthorized, http.StatusConflict:
		return true
	}
	return false
}

// TimerGate waits on a timer between attempts; a dial failure goes round
// (refused), and so does a 502/504 (possibly executed).
func TimerGate(ctx context.Context, s sender, body string) (*Response, error) {
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-timer.C:
			resp, err := s.writeRequest(ctx, body) // want "retried by a retry loop"
			if err != nil {
				if !dialFailed(err) {
					return nil, err
				}
			} else if !gatewayOrThrottled(resp.StatusCode) {
				return resp, nil
			}
			timer.Reset(time.Second)
		}
	}
}

// TimerRefusals is the same loop going round only on a refused dial or a
// throttled status.
func TimerRefusals(ctx context.Context, s sender, body string) (*Response, error) {
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-timer.C:
			resp, err := s.writeRequest(ctx, body)
			if err != nil {
				if !dialFailed(err) {
					return nil, err
				}
			} else if !throttledOnly(resp.StatusCode) {
				return resp, nil
			}
			timer.Reset(time.Second)
		}
	}
}

// RoundTrip takes the network-error policy from its caller: a policy it
// cannot read keeps the loop a retry of whatever it sends.
func RoundTrip(ctx context.Context, s sender, body string, policy errPolicy) (*Response, error) {
	for {
		resp, err := s.writeRequest(ctx, body) // want "retried by a retry loop"
		if err != nil {
			if !policy(err) {
				return nil, err
			}
		} else if !throttledOnly(resp.StatusCode) {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
}

// overloaded is written as early returns: a 429 and every 5xx.
func overloaded(code int) bool {
	if code == http.StatusTooManyRequests {
		return true
	}
	if code >= 500 {
		return true
	}
	return false
}

// refused is written the same way with refusals only.
func refused(code int) bool {
	if code == http.StatusTooManyRequests || code == http.StatusProxyAuthRequired {
		return true
	}
	return code == http.StatusConflict
}

// EarlyReturns goes round on a 5xx status.
func EarlyReturns(ctx context.Context, s sender, body string) (*Response, error) {
	for {
		resp, err := s.writeRequest(ctx, body) // want "retried by a retry loop"
		if err != nil {
			return nil, err
		} else if !overloaded(resp.StatusCode) {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
}

// EarlyRefusals goes round only on refusals.
func EarlyRefusals(ctx context.Context, s sender, body string) (*Response, error) {
	for {
		resp, err := s.writeRequest(ctx, body)
		if err != nil {
			return nil, err
		} else if !refused(resp.StatusCode) {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
}
