// Package statusretry holds API clients whose hand-written loops retry on
// the response status only: a network error returns, a response goes round
// again unless its status fails a gate. Statuses that can follow an
// executed request (5xx) make the loop a retry of the write; a gate that
// lets only refusals (429, 409, 408, 401) through re-sends nothing that
// was executed.
package statusretry

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"time"
)

type SignedClient struct {
	hc    *http.Client
	nonce string
}

// postNoRetry signs the body and POSTs it once.
func (c *SignedClient) postNoRetry(ctx context.Context, url string, body []byte) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Replay-Nonce", c.nonce)
	return c.hc.Do(req)
}

// post retries on retriable statuses; network errors are returned.
func (c *SignedClient) post(ctx context.Context, url string, body []byte, ok func(*http.Response) bool) (*http.Response, error) {
	for {
		res, err := c.postNoRetry(ctx, url, body) // want `SignedClient.postNoRetry \(POST request\) inside a retry loop runs again on every retry`
		if err != nil {
			return nil, err
		}
		if ok(res) {
			return res, nil
		}
		res.Body.Close()
		switch {
		case res.Header.Get("Replay-Nonce") != "":
			c.nonce = res.Header.Get("Replay-Nonce")
		case !isRetriable(res.StatusCode):
			return nil, errors.New(res.Status)
		}
		if err := sleep(ctx, time.Second); err != nil {
			return nil, err
		}
	}
}

func isRetriable(code int) bool {
	return code <= 399 || code >= 500 || code == http.StatusTooManyRequests
}

// postRefused goes round only on 429 and 409: the server refused, nothing
// was executed.
func (c *SignedClient) postRefused(ctx context.Context, url string, body []byte) (*http.Response, error) {
	for {
		res, err := c.postNoRetry(ctx, url, body)
		if err != nil {
			return nil, err
		}
		if res.StatusCode < 300 {
			return res, nil
		}
		res.Body.Close()
		if !isRefusal(res.StatusCode) {
			return nil, errors.New(res.Status)
		}
		if err := sleep(ctx, time.Second); err != nil {
			return nil, err
		}
	}
}

func isRefusal(code int) bool {
	return code == http.StatusTooManyRequests || code == http.StatusConflict
}

// poll goes round while the resource is not ready (202) and stops on any
// other status: a GET-style poll of an accepted request, not a retry.
func (c *SignedClient) poll(ctx context.Context, url string) (*http.Response, error) {
	for {
		res, err := c.postNoRetry(ctx, url, nil)
		if err != nil {
			return nil, err
		}
		if res.StatusCode != http.StatusAccepted {
			return res, nil
		}
		res.Body.Close()
		if err := sleep(ctx, time.Second); err != nil {
			return nil, err
		}
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
