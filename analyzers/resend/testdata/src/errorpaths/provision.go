// Package errorpaths powers a server back on when a step of a change
// fails. Each power-on is on its own error path, which returns: the second
// one never runs after the first, so there is no re-send (silent). A
// power-on sent again after looking at its own answer is still reported.
package errorpaths

import (
	"context"
	"errors"
	"net/http"
)

type Client struct {
	hc   *http.Client
	base string
}

func (c *Client) powerOn(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/servers/1/actions/poweron", nil)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

// Diagnostics are a step's problems (a Terraform provider's diag.Diagnostics).
type Diagnostics []string

func (c *Client) step(ctx context.Context, name string) Diagnostics { return nil }

func (c *Client) powerOnServer(ctx context.Context) error {
	_, err := c.powerOn(ctx)
	return err
}

func toDiag(err error) Diagnostics { return Diagnostics{err.Error()} }

// Change runs two steps; a failed step powers the server back on and
// returns its problems.
func (c *Client) Change(ctx context.Context) Diagnostics {
	if err := c.step(ctx, "unassign"); err != nil {
		if err := c.powerOnServer(ctx); err != nil {
			return toDiag(err)
		}
		return err
	}
	if err := c.step(ctx, "assign"); err != nil {
		if err := c.powerOnServer(ctx); err != nil {
			return toDiag(err)
		}
		return err
	}
	return nil
}

// Nudge powers on again when the answer did not say accepted.
func (c *Client) Nudge(ctx context.Context) error {
	resp, err := c.powerOn(ctx)
	if err != nil {
		return err
	}
	if resp.Header.Get("X-Action-Accepted") != "true" {
		_, err = c.powerOn(ctx) // want `Client\.powerOn \(POST /servers/1/actions/poweron\) is sent again after inspecting the response header X-Action-Accepted`
		return err
	}
	return errors.New("unreachable")
}
