// Package resilient retries through go-resiliency's retrier, whose loop
// switches on a classification of the work's error: Succeed and Fail
// leave, Retry goes round.
package resilient

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/eapache/go-resiliency/retrier"
)

type Client struct {
	hc   *http.Client
	base string
}

func (c *Client) Order(ctx context.Context, body string) error {
	r := retrier.New(retrier.ConstantBackoff(3, time.Second), nil)
	return r.RunCtx(ctx, func(ctx context.Context) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/orders", strings.NewReader(body))
		if err != nil {
			return err
		}
		_, err = c.hc.Do(req) // want `POST /v1/orders inside Retrier\.RunCtx \(retries its func argument\) runs again on every retry`
		return err
	})
}

func (c *Client) Status(id string) error {
	r := retrier.New(retrier.ConstantBackoff(3, time.Second), nil)
	return r.Run(func() error {
		_, err := c.hc.Get(c.base + "/v1/orders/" + id)
		return err
	})
}
