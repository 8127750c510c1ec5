// Package catalog only reads and replaces data: everything here is safe to
// retry, and twice must stay silent.
package catalog

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/avast/retry-go/v4"
)

// Client reads the product catalog.
type Client struct {
	BaseURL string
	HTTP    *http.Client
}

// Product fetches one product, retrying transient failures (GET).
func (c *Client) Product(ctx context.Context, sku string) (*http.Response, error) {
	var resp *http.Response
	err := retry.Do(func() error {
		var err error
		resp, err = c.HTTP.Get(c.BaseURL + "/products/" + sku)
		return err
	}, retry.Context(ctx))
	return resp, err
}

// SetPrice replaces a price (PUT is idempotent).
func (c *Client) SetPrice(ctx context.Context, sku string, cents int64) error {
	return retry.Do(func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPut, c.BaseURL+"/products/"+sku+"/price", strings.NewReader(fmt.Sprint(cents)))
		if err != nil {
			return err
		}
		resp, err := c.HTTP.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}, retry.Context(ctx))
}
