// Package unavailable is an API client whose loops re-send a POST after
// some error statuses. Whether a server that answered 503 Service
// Unavailable handled the request is unknown: an overloaded server or a
// load balancer without a healthy upstream did not, a proxy whose
// upstream broke mid-request may have. So a retry that goes round only on
// refusals and 503 is reported only with -unsaferetry.confidence=low (the
// lines marked "low:"); one that also goes round on other 5xx, or on
// transport errors, is reported by default.
package unavailable

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/avast/retry-go/v4"
)

type Client struct {
	hc   *http.Client
	base string
}

func (c *Client) newOrder(ctx context.Context, body []byte) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/orders", bytes.NewReader(body))
}

// CreateOrder goes round after a 429 or a 503; a transport error or any
// other status returns.
func (c *Client) CreateOrder(ctx context.Context, body []byte) error {
	for attempt := 0; attempt < 3; attempt++ {
		req, err := c.newOrder(ctx, body)
		if err != nil {
			return err
		}
		resp, err := c.hc.Do(req) // low: retried only on 429 and 503
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusTooManyRequests {
			time.Sleep(time.Second)
			continue
		}
		if resp.StatusCode == http.StatusServiceUnavailable {
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return errors.New("gave up")
}

// SendInvoice goes round on every 5xx: reported.
func (c *Client) SendInvoice(ctx context.Context, body []byte) error {
	for attempt := 0; attempt < 3; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/invoices/send", bytes.NewReader(body))
		if err != nil {
			return err
		}
		resp, err := c.hc.Do(req) // want `POST /v1/invoices/send inside a retry loop runs again on every retry`
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode >= 500 {
			continue
		}
		return nil
	}
	return errors.New("gave up")
}

type statusError struct{ code int }

func (e statusError) Error() string { return http.StatusText(e.code) }

// CreatePayment is retried by retry-go only when the error is a 503.
func (c *Client) CreatePayment(ctx context.Context, body []byte) error {
	return retry.Do(func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/payments", bytes.NewReader(body))
		if err != nil {
			return err
		}
		resp, err := c.hc.Do(req) // low: retried only on 503
		if err != nil {
			return retry.Unrecoverable(err)
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusServiceUnavailable {
			return statusError{resp.StatusCode}
		}
		if resp.StatusCode >= 300 {
			return retry.Unrecoverable(statusError{resp.StatusCode})
		}
		return nil
	})
}

// NotifyRefund is retried by retry-go on every error: reported.
func (c *Client) NotifyRefund(ctx context.Context, body []byte) error {
	return retry.Do(func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/refund-notifications", bytes.NewReader(body))
		if err != nil {
			return err
		}
		resp, err := c.hc.Do(req) // want `POST /v1/refund-notifications inside retry\.Do`
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusServiceUnavailable {
			return statusError{resp.StatusCode}
		}
		return nil
	})
}

// pushMessage means to go round also on a connection closed before the
// answer (err == io.EOF), but the client wraps every error it returns in a
// *url.Error, so that test never holds: only the 503 sends it round.
func (c *Client) pushMessage(ctx context.Context, body []byte) (resp *http.Response, err error) {
	for tries := 0; tries < 5; tries++ {
		req, rerr := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/queues/jobs/messages", bytes.NewReader(body))
		if rerr != nil {
			return nil, rerr
		}
		resp, err = c.hc.Do(req) // low: err == io.EOF never holds; retried only on 503
		if err != nil {
			if err == io.EOF {
				continue
			}
			return nil, err
		}
		if resp.StatusCode == http.StatusServiceUnavailable {
			resp.Body.Close()
			time.Sleep(time.Second)
			continue
		}
		break
	}
	return resp, err
}

// pushMessageUnwrapped tests with errors.Is, which unwraps the *url.Error:
// an EOF after the server read the message sends it again.
func (c *Client) pushMessageUnwrapped(ctx context.Context, body []byte) (resp *http.Response, err error) {
	for tries := 0; tries < 5; tries++ {
		req, rerr := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/queues/jobs/messages", bytes.NewReader(body))
		if rerr != nil {
			return nil, rerr
		}
		resp, err = c.hc.Do(req) // want `POST /v1/queues/jobs/messages inside a retry loop runs again on every retry`
		if err != nil {
			if errors.Is(err, io.EOF) {
				continue
			}
			return nil, err
		}
		if resp.StatusCode == http.StatusServiceUnavailable {
			resp.Body.Close()
			time.Sleep(time.Second)
			continue
		}
		break
	}
	return resp, err
}
