package tfprovider

import (
	"context"
	"net/http"
	"time"

	"github.com/hashicorp/terraform/helper/resource"
)

// Providers written before the plugin SDK split import the same helper
// from Terraform itself.

// Retried on every 5xx: reported.
func (c *Client) CreateGrant(ctx context.Context, body []byte) error {
	return resource.Retry(3*time.Minute, func() *resource.RetryError {
		code, err := c.createPolicy(ctx, body) // want `Client\.createPolicy \(POST /v2/lbaas/l7policies\) inside resource\.Retry \(terraform helper/resource\) runs again on every retry`
		if err != nil {
			return resource.NonRetryableError(err)
		}
		if code >= 500 {
			return resource.RetryableError(statusError{code})
		}
		return nil
	})
}

// Retried only while the resource is busy (409): nothing was created,
// silent.
func (c *Client) CreateGrantWhenVisible(ctx context.Context, body []byte) error {
	return resource.Retry(3*time.Minute, func() *resource.RetryError {
		code, err := c.createPolicy(ctx, body)
		if err != nil {
			return resource.NonRetryableError(err)
		}
		if code == http.StatusConflict {
			return resource.RetryableError(statusError{code})
		}
		return nil
	})
}
