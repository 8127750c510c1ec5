package namedcreate

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/avast/retry-go/v4"
)

// An API client whose errors carry the API's error code. A caller that
// treats the code saying "this was already done" (already applied,
// already attached) as success makes a repeat harmless: the second
// attempt is refused and the refusal counts as done. A check of any other
// code (not found) says nothing about a repeat.

type ErrorCode string

const (
	ErrorCodeNotFound               ErrorCode = "not_found"
	ErrorCodeFirewallAlreadyApplied ErrorCode = "firewall_already_applied"
)

type APIError struct{ Code ErrorCode }

func (e APIError) Error() string { return string(e.Code) }

// IsError reports whether err is an API error with the given code.
func IsError(err error, code ErrorCode) bool {
	var apiErr APIError
	return errors.As(err, &apiErr) && apiErr.Code == code
}

type FirewallClient struct{ HTTP *http.Client }

// ApplyToServer sends POST /firewalls/{id}/actions/apply_to_resources.
func (c *FirewallClient) ApplyToServer(ctx context.Context, firewall, server int) error {
	body := fmt.Sprintf(`{"apply_to":[{"type":"server","server":{"id":%d}}]}`, server)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf("https://api.example.com/v1/firewalls/%d/actions/apply_to_resources", firewall), bytes.NewBufferString(body))
	if err != nil {
		return err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return APIError{Code: ErrorCode(resp.Status)}
	}
	return nil
}

func ApplyFirewall(ctx context.Context, c *FirewallClient, firewall, server int) error {
	return retry.Do(func() error {
		err := c.ApplyToServer(ctx, firewall, server)
		if IsError(err, ErrorCodeFirewallAlreadyApplied) {
			return nil
		}
		return err
	})
}

func ApplyFirewallMessage(ctx context.Context, c *FirewallClient, firewall, server int) error {
	return retry.Do(func() error {
		err := c.ApplyToServer(ctx, firewall, server)
		if err != nil && strings.Contains(err.Error(), "already applied") {
			return nil
		}
		return err
	})
}

func ApplyFirewallNotFound(ctx context.Context, c *FirewallClient, firewall, server int) error {
	return retry.Do(func() error {
		err := c.ApplyToServer(ctx, firewall, server) // want `FirewallClient.ApplyToServer`
		if IsError(err, ErrorCodeNotFound) {
			return nil
		}
		return err
	})
}
