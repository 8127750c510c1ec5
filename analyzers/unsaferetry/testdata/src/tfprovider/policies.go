// Package tfprovider creates cloud resources the way Terraform providers
// do, inside terraform-plugin-sdk's retry.RetryContext, which goes round
// only when the function returns retry.RetryableError. A create retried on
// a 5xx can have been applied; one retried only on a 409 (the resource is
// busy) cannot.
package tfprovider

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-sdk/v2/helper/retry"
)

type statusError struct{ code int }

func (e statusError) Error() string { return fmt.Sprintf("status %d", e.code) }

type Client struct {
	hc   *http.Client
	base string
}

func (c *Client) createPolicy(ctx context.Context, body []byte) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v2/lbaas/l7policies", bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// Retried on every 5xx: a create the server applied before a 502 is made
// again.
func (c *Client) CreatePolicy(ctx context.Context, body []byte) error {
	return retry.RetryContext(ctx, time.Minute, func() *retry.RetryError {
		code, err := c.createPolicy(ctx, body) // want `Client\.createPolicy \(POST /v2/lbaas/l7policies\) inside retry\.RetryContext \(terraform-plugin-sdk\) runs again on every retry`
		if err != nil {
			return retry.NonRetryableError(err)
		}
		if code >= 500 {
			return retry.RetryableError(statusError{code})
		}
		return nil
	})
}

// Retried only while the load balancer is busy (409): nothing was created.
func (c *Client) CreatePolicyWhenIdle(ctx context.Context, body []byte) error {
	return retry.RetryContext(ctx, time.Minute, func() *retry.RetryError {
		code, err := c.createPolicy(ctx, body)
		if err != nil {
			return retry.NonRetryableError(err)
		}
		if code == http.StatusConflict {
			return retry.RetryableError(statusError{code})
		}
		return nil
	})
}
