// Package donehelper creates cloud principals through a retry helper
// whose func reports "done": the helper goes round while the func says it
// is not done. A func that says "not done" only when the server refused
// the create (the principal has not propagated yet) never repeats a
// create the server performed; one that says it after any error does.
package donehelper

import (
	"context"
	"errors"
	"strings"
	"time"
)

const errPrincipalNotFound = "PrincipalNotFound"

type Provider interface {
	CreateRoleAssignment(ctx context.Context, scope, principal string) (string, error)
}

type Client struct{ provider Provider }

// retry calls f until it reports done, the context ends, or time is up.
func retry(ctx context.Context, f func() (interface{}, bool, error)) (interface{}, error) {
	timer := time.NewTimer(0)
	var lastErr error
	for {
		select {
		case <-timer.C:
			result, done, err := f()
			if done {
				return result, err
			}
			lastErr = err
			timer.Reset(time.Second)
		case <-ctx.Done():
			if lastErr == nil {
				lastErr = ctx.Err()
			}
			return nil, lastErr
		}
	}
}

// Goes round only while the principal is not found: a refusal.
func (c *Client) AssignWhenPropagated(ctx context.Context, scope, principal string) (string, error) {
	res, err := retry(ctx, func() (interface{}, bool, error) {
		id, err := c.provider.CreateRoleAssignment(ctx, scope, principal)
		if err != nil && strings.Contains(err.Error(), errPrincipalNotFound) {
			return nil, false, nil
		}
		return id, true, err
	})
	if err != nil {
		return "", err
	}
	return res.(string), nil
}

// Goes round after any error, a timeout included.
func (c *Client) AssignUntilDone(ctx context.Context, scope, principal string) (string, error) {
	res, err := retry(ctx, func() (interface{}, bool, error) {
		id, err := c.provider.CreateRoleAssignment(ctx, scope, principal) // want `Provider\.CreateRoleAssignment \(an interface method with no body twice can see, named like a create\) inside donehelper\.retry \(retries its func argument\)`
		if err != nil {
			return nil, false, err
		}
		return id, true, nil
	})
	if err != nil {
		return "", err
	}
	if res == nil {
		return "", errors.New("no assignment")
	}
	return res.(string), nil
}
