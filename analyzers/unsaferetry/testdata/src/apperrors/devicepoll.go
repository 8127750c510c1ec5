package apperrors

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"time"
)

// grantErrorType is the "error" member of an OAuth token endpoint's error
// answer.
type grantErrorType string

// The device flow's answers while the user has not approved yet (RFC
// 8628 §3.5): the server issued nothing, poll again later.
const (
	grantPending  grantErrorType = "authorization_pending"
	grantSlowDown grantErrorType = "slow_down"
	grantDenied   grantErrorType = "access_denied"
)

// GrantError is the token endpoint's error answer; Parent is the cause it
// was decoded from.
type GrantError struct {
	Parent      error
	ErrorType   grantErrorType
	Description string
}

func (e *GrantError) Error() string { return string(e.ErrorType) + ": " + e.Description }
func (e *GrantError) Unwrap() error { return e.Parent }

type DeviceFlow struct {
	hc       *http.Client
	tokenURL string
}

func (d *DeviceFlow) requestToken(ctx context.Context, form []byte) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, d.tokenURL, bytes.NewReader(form))
	if err != nil {
		return "", err
	}
	resp, err := d.hc.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", &GrantError{ErrorType: grantErrorType(resp.Header.Get("X-Error"))}
	}
	return resp.Header.Get("X-Token"), nil
}

// PollToken goes round only while the server answers "pending" or "slow
// down": nothing was issued. A timed-out attempt only lengthens the
// interval, then falls through to the test that returns it.
func (d *DeviceFlow) PollToken(ctx context.Context, interval time.Duration, form []byte) (string, error) {
	for {
		timer := time.After(interval)
		select {
		case <-ctx.Done():
			return "", ctx.Err()
		case <-timer:
		}
		tok, err := d.requestToken(ctx, form)
		if err == nil {
			return tok, nil
		}
		if errors.Is(err, context.DeadlineExceeded) {
			interval += 5 * time.Second
		}
		var target *GrantError
		if !errors.As(err, &target) {
			return "", err
		}
		switch target.ErrorType {
		case grantPending:
			continue
		case grantSlowDown:
			interval += 5 * time.Second
			continue
		default:
			return "", err
		}
	}
}

// PollTokenOnTimeout also goes round after a timed-out attempt, whose
// token request may have been answered: reported.
func (d *DeviceFlow) PollTokenOnTimeout(ctx context.Context, interval time.Duration, form []byte) (string, error) {
	for {
		timer := time.After(interval)
		select {
		case <-ctx.Done():
			return "", ctx.Err()
		case <-timer:
		}
		tok, err := d.requestToken(ctx, form) // want `\(POST request\) inside a retry loop runs again on every retry`
		if err == nil {
			return tok, nil
		}
		if errors.Is(err, context.DeadlineExceeded) {
			interval += 5 * time.Second
			continue
		}
		var target *GrantError
		if !errors.As(err, &target) {
			return "", err
		}
		switch target.ErrorType {
		case grantPending:
			continue
		case grantSlowDown:
			interval += 5 * time.Second
			continue
		default:
			return "", err
		}
	}
}
