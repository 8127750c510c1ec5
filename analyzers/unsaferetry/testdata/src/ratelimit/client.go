// Package ratelimit is a SaaS API client whose retries read their
// predicate: most go round only when the server refused the request before
// executing it (429, a bad nonce, a conflict, a refused connection) and make
// every other error permanent — those cannot repeat a write that took
// effect and stay silent. Retries whose predicate also lets through
// transport errors, timeouts or 5xx, or whose predicate is unknown, are
// reported as before.
package ratelimit

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"syscall"
	"time"

	retrygo "github.com/avast/retry-go/v4"
	"github.com/cenkalti/backoff/v4"
	sretry "github.com/sethvargo/go-retry"
	k8sretry "k8s.io/client-go/util/retry"
)

var (
	ErrRateLimited = errors.New("ratelimit: too many requests")
	ErrBadNonce    = errors.New("ratelimit: bad nonce")
	ErrValidation  = errors.New("ratelimit: invalid request")
)

// RateLimitError carries the server's Retry-After.
type RateLimitError struct{ RetryAfter time.Duration }

func (e *RateLimitError) Error() string { return "rate limited" }

// APIError is a non-2xx answer.
type APIError struct {
	StatusCode int
	Message    string
}

func (e *APIError) Error() string { return fmt.Sprintf("%d: %s", e.StatusCode, e.Message) }

type Client struct {
	hc          *http.Client
	base        string
	retryPolicy func(error) bool
}

func (c *Client) post(ctx context.Context, path string, body []byte) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

// checkStatus turns a non-2xx answer into an error: 429 into a
// *RateLimitError, anything else into an *APIError.
func checkStatus(resp *http.Response) error {
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		return &RateLimitError{RetryAfter: time.Second}
	case resp.StatusCode >= 300:
		return &APIError{StatusCode: resp.StatusCode}
	}
	return nil
}

// SendMessage retries only on 429; a transport error or any other status
// is permanent.
func (c *Client) SendMessage(ctx context.Context, body []byte) error {
	return backoff.Retry(func() error {
		resp, err := c.post(ctx, "/v1/messages", body)
		if err != nil {
			return backoff.Permanent(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode == http.StatusTooManyRequests {
			return ErrRateLimited
		}
		if resp.StatusCode >= 300 {
			return backoff.Permanent(fmt.Errorf("send message: %s", resp.Status))
		}
		return nil
	}, backoff.NewExponentialBackOff())
}

// SendMessageOnAnyError lets transport errors through: reported.
func (c *Client) SendMessageOnAnyError(ctx context.Context, body []byte) error {
	return backoff.Retry(func() error {
		resp, err := c.post(ctx, "/v1/messages", body) // want `Client.post \(POST .*/v1/messages\) inside backoff.Retry runs again on every retry`
		if err != nil {
			return err
		}
		return checkStatus(resp)
	}, backoff.NewExponentialBackOff())
}

// SendMessageGuarded makes everything but a rate limit permanent with an
// inverted guard.
func (c *Client) SendMessageGuarded(ctx context.Context, body []byte) error {
	return backoff.Retry(func() error {
		resp, err := c.post(ctx, "/v1/messages", body)
		if err == nil {
			err = checkStatus(resp)
		}
		var rl *RateLimitError
		if !errors.As(err, &rl) {
			return backoff.Permanent(err)
		}
		return err
	}, backoff.NewExponentialBackOff())
}

// Finalize retries only a bad nonce (ACME-style): the server rejected the
// request before looking at it.
func (c *Client) Finalize(ctx context.Context, body []byte) error {
	return retrygo.Do(func() error {
		resp, err := c.post(ctx, "/acme/finalize", body)
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusBadRequest {
			return ErrBadNonce
		}
		return checkStatus(resp)
	}, retrygo.RetryIf(func(err error) bool {
		return errors.Is(err, ErrBadNonce)
	}), retrygo.Attempts(3))
}

// isRateLimited is a local predicate read through its body.
func isRateLimited(err error) bool {
	var rl *RateLimitError
	return errors.As(err, &rl)
}

// isRetryable lets timeouts through as well: a timed-out POST may have
// been executed.
func isRetryable(err error) bool {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	return isRateLimited(err)
}

// CreateContact retries on a rate limit only (predicate through a helper).
func (c *Client) CreateContact(ctx context.Context, body []byte) error {
	return retrygo.Do(func() error {
		resp, err := c.post(ctx, "/v1/contacts", body)
		if err != nil {
			return err
		}
		return checkStatus(resp)
	}, retrygo.RetryIf(isRateLimited))
}

// CreateContactOnTimeout also retries timeouts: reported.
func (c *Client) CreateContactOnTimeout(ctx context.Context, body []byte) error {
	return retrygo.Do(func() error {
		resp, err := c.post(ctx, "/v1/contacts", body) // want `Client.post \(POST .*/v1/contacts\) inside retry.Do \(avast/retry-go\) runs again on every retry`
		if err != nil {
			return err
		}
		return checkStatus(resp)
	}, retrygo.RetryIf(isRetryable))
}

// CreateContactWithPolicy uses a predicate held in a field: unknown, so
// reported.
func (c *Client) CreateContactWithPolicy(ctx context.Context, body []byte) error {
	return retrygo.Do(func() error {
		resp, err := c.post(ctx, "/v1/contacts", body) // want `Client.post \(POST .*/v1/contacts\) inside retry.Do \(avast/retry-go\) runs again on every retry`
		if err != nil {
			return err
		}
		return checkStatus(resp)
	}, retrygo.RetryIf(c.retryPolicy))
}

// CreateContactUnlessInvalid retries everything but a validation error:
// reported.
func (c *Client) CreateContactUnlessInvalid(ctx context.Context, body []byte) error {
	return retrygo.Do(func() error {
		resp, err := c.post(ctx, "/v1/contacts", body) // want `Client.post \(POST .*/v1/contacts\) inside retry.Do \(avast/retry-go\) runs again on every retry`
		if err != nil {
			return err
		}
		return checkStatus(resp)
	}, retrygo.RetryIf(func(err error) bool { return !errors.Is(err, ErrValidation) }))
}

// isConflict holds on 409 only.
func isConflict(err error) bool {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return apiErr.StatusCode == http.StatusConflict
	}
	return false
}

// AddMember retries on a conflict (client-go's OnError with a predicate).
func (c *Client) AddMember(ctx context.Context, body []byte) error {
	return k8sretry.OnError(k8sretry.DefaultBackoff, isConflict, func() error {
		resp, err := c.post(ctx, "/v1/members", body)
		if err != nil {
			return err
		}
		return checkStatus(resp)
	})
}

// Upload retries, with go-retry, only what it marks retryable: a 429.
func (c *Client) Upload(ctx context.Context, body []byte) error {
	b := sretry.WithMaxRetries(3, sretry.NewConstant(time.Second))
	return sretry.Do(ctx, b, func(ctx context.Context) error {
		resp, err := c.post(ctx, "/v1/uploads", body)
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			return sretry.RetryableError(ErrRateLimited)
		}
		return checkStatus(resp)
	})
}

// UploadOn5xx marks server errors retryable: reported.
func (c *Client) UploadOn5xx(ctx context.Context, body []byte) error {
	b := sretry.WithMaxRetries(3, sretry.NewConstant(time.Second))
	return sretry.Do(ctx, b, func(ctx context.Context) error {
		resp, err := c.post(ctx, "/v1/uploads", body) // want `Client.post \(POST .*/v1/uploads\) inside retry.Do \(sethvargo/go-retry\) runs again on every retry`
		if err != nil {
			return err
		}
		if resp.StatusCode >= 500 {
			return sretry.RetryableError(fmt.Errorf("upload: %s", resp.Status))
		}
		return checkStatus(resp)
	})
}

// connRefused holds when the connection was never made.
func connRefused(err error) bool {
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return true
	}
	return errors.Is(err, syscall.ECONNREFUSED) || strings.Contains(err.Error(), "connection refused")
}

// Charge loops by hand and goes round only when the connection was
// refused; every other failure returns.
func (c *Client) Charge(ctx context.Context, body []byte) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		var resp *http.Response
		resp, err = c.post(ctx, "/v1/charges", body)
		if err == nil {
			return checkStatus(resp)
		}
		if !connRefused(err) {
			return err
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return err
}

// ChargeOnAnyError goes round on every transport error: reported.
func (c *Client) ChargeOnAnyError(ctx context.Context, body []byte) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		var resp *http.Response
		resp, err = c.post(ctx, "/v1/charges", body) // want `Client.post \(POST .*/v1/charges\) inside a retry loop runs again on every retry`
		if err == nil {
			return checkStatus(resp)
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return err
}

// Refund returns network errors and goes round only on a 429.
func (c *Client) Refund(ctx context.Context, body []byte) (*http.Response, error) {
	for {
		resp, err := c.post(ctx, "/v1/refunds", body)
		if err == nil && resp.StatusCode != http.StatusTooManyRequests {
			return resp, nil
		}
		if err != nil {
			return nil, err
		}
		resp.Body.Close()
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// RefundOnAnyError goes round on a transport error too: reported.
func (c *Client) RefundOnAnyError(ctx context.Context, body []byte) (*http.Response, error) {
	for {
		resp, err := c.post(ctx, "/v1/refunds", body) // want `Client.post \(POST .*/v1/refunds\) inside a retry loop runs again on every retry`
		if err == nil && resp.StatusCode != http.StatusTooManyRequests {
			return resp, nil
		}
		if err == nil {
			resp.Body.Close()
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// Transfer goes round only on a 429 or a 409, from a switch.
func (c *Client) Transfer(ctx context.Context, body []byte) error {
	for attempt := 0; attempt < 5; attempt++ {
		resp, err := c.post(ctx, "/v1/transfers", body)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode < 300 {
			return nil
		}
		switch resp.StatusCode {
		case http.StatusTooManyRequests, http.StatusConflict:
			time.Sleep(time.Second)
			continue
		}
		return fmt.Errorf("transfer: %s", resp.Status)
	}
	return errors.New("transfer: too many attempts")
}

// TransferOn5xx also goes round on a 503: reported.
func (c *Client) TransferOn5xx(ctx context.Context, body []byte) error {
	for attempt := 0; attempt < 5; attempt++ {
		resp, err := c.post(ctx, "/v1/transfers", body) // want `Client.post \(POST .*/v1/transfers\) inside a retry loop runs again on every retry`
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode < 300 {
			return nil
		}
		switch resp.StatusCode {
		case http.StatusTooManyRequests, http.StatusServiceUnavailable:
			time.Sleep(time.Second)
			continue
		}
		return fmt.Errorf("transfer: %s", resp.Status)
	}
	return errors.New("transfer: too many attempts")
}
