// Package objstore is an object-storage client whose calls go through a
// pacer that retries while the operation's verdict says so.
package objstore

import (
	"context"
	"errors"
	"net"
	"net/http"

	"example.com/pacer"
)

type Client struct {
	pacer *pacer.Pacer
}

// retryable says whether a response or error deserves another attempt:
// server errors, throttling and network errors.
func retryable(resp *http.Response, err error) (bool, error) {
	if resp != nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500) {
		return true, err
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return true, err
	}
	return false, err
}

// throttled asks for another attempt only when the server refused the
// request because of its rate limit.
func throttled(resp *http.Response, err error) (bool, error) {
	if resp != nil && resp.StatusCode == http.StatusTooManyRequests {
		return true, err
	}
	return false, err
}

func (c *Client) writeCopy(ctx context.Context, src, dst string) (*http.Response, error) {
	return nil, nil
}

func (c *Client) writeStart(ctx context.Context, name string) (*http.Response, string, error) {
	return nil, "", nil
}

func (c *Client) writePart(ctx context.Context, session string, part []byte) (*http.Response, error) {
	return nil, nil
}

// Copy: a server error after the copy was made asks for another copy.
func (c *Client) Copy(ctx context.Context, src, dst string) error {
	return c.pacer.Call(func() (bool, error) {
		resp, err := c.writeCopy(ctx, src, dst) // want "retried by Pacer.Call \\(retries its func argument\\)"
		return retryable(resp, err)
	})
}

// CopyOnce: the same request through the pacer's single-attempt call.
func (c *Client) CopyOnce(ctx context.Context, src, dst string) error {
	return c.pacer.CallOnce(func() (bool, error) {
		resp, err := c.writeCopy(ctx, src, dst)
		return retryable(resp, err)
	})
}

// CopyThrottled: another attempt only after a rate-limit refusal, which
// the server answers before doing anything.
func (c *Client) CopyThrottled(ctx context.Context, src, dst string) error {
	return c.pacer.Call(func() (bool, error) {
		resp, err := c.writeCopy(ctx, src, dst)
		return throttled(resp, err)
	})
}

// CopyNoRetry: the operation never asks for another attempt after a
// failure that could follow an executed copy.
func (c *Client) CopyNoRetry(ctx context.Context, src, dst string) error {
	return c.pacer.Call(func() (bool, error) {
		resp, err := c.writeCopy(ctx, src, dst)
		if resp != nil && resp.StatusCode == http.StatusTooManyRequests {
			return true, err
		}
		return false, err
	})
}

// Upload: the part is sent to a session started in the same attempt, but
// the start itself is repeated after a server error.
func (c *Client) Upload(ctx context.Context, name string, part []byte) error {
	return c.pacer.Call(func() (bool, error) {
		resp, session, err := c.writeStart(ctx, name) // want "retried by Pacer.Call \\(retries its func argument\\)"
		if err != nil {
			return retryable(resp, err)
		}
		resp, err = c.writePart(ctx, session, part) // want "retried by Pacer.Call \\(retries its func argument\\)"
		return retryable(resp, err)
	})
}

// Wait polls with a boolean that means "finished", not "retry".
func (c *Client) Wait(ctx context.Context, name string) error {
	return pacer.Poll(func() (bool, error) {
		resp, err := c.writeCopy(ctx, name, name) // want "retried by pacer.Poll \\(retries its func argument\\)"
		return resp != nil, err
	})
}
