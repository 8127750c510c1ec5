package tfprovider

import (
	"context"
	"net/http"
	"strings"
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

// apiError is an SDK error carrying the service's error code.
type apiError interface {
	error
	Code() string
	Message() string
}

// isAPIErr tests the code once for every caller: each call site asks
// about its own code.
func isAPIErr(err error, code, message string) bool {
	if e, ok := err.(apiError); ok {
		return e.Code() == code && strings.Contains(e.Message(), message)
	}
	return false
}

// Retried while the route table or the transit gateway is not visible
// yet: the service refused the create, silent.
func (c *Client) CreateRoute(ctx context.Context, body []byte) error {
	return resource.Retry(time.Minute, func() *resource.RetryError {
		_, err := c.createPolicy(ctx, body)
		if isAPIErr(err, "InvalidRouteTableID.NotFound", "") {
			return resource.RetryableError(err)
		}
		if isAPIErr(err, "InvalidTransitGatewayID.NotFound", "") {
			return resource.RetryableError(err)
		}
		if err != nil {
			return resource.NonRetryableError(err)
		}
		return nil
	})
}

// Retried after the service's internal failure, which can follow a
// create it applied: reported.
func (c *Client) CreateCluster(ctx context.Context, body []byte) error {
	return resource.Retry(time.Minute, func() *resource.RetryError {
		_, err := c.createPolicy(ctx, body) // want `Client\.createPolicy \(POST /v2/lbaas/l7policies\) inside resource\.Retry \(terraform helper/resource\)`
		if isAPIErr(err, "CloudHsmInternalFailureException", "") {
			return resource.RetryableError(err)
		}
		if err != nil {
			return resource.NonRetryableError(err)
		}
		return nil
	})
}

// Never asks for another attempt (every return is nil or marked
// NonRetryableError): silent.
func (c *Client) RegisterInstance(ctx context.Context, body []byte) error {
	return resource.Retry(time.Minute, func() *resource.RetryError {
		if _, err := c.createPolicy(ctx, body); err != nil {
			return resource.NonRetryableError(err)
		}
		return nil
	})
}
