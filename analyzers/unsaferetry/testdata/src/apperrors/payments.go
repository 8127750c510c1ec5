package apperrors

import (
	"bytes"
	"context"
	"errors"
	"net/http"
)

type Payments struct {
	hc   *http.Client
	base string
}

func (p *Payments) charge(ctx context.Context, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.base+"/v1/charges", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := p.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		return ProblemDoc{Type: resp.Header.Get("X-Problem"), Status: resp.StatusCode}
	}
	return nil
}

func (p *Payments) reregister(ctx context.Context) error { return nil }

// Charge re-sends the charge only when the API answered that the account
// is unknown (after registering it again): a refusal.
func (p *Payments) Charge(ctx context.Context, body []byte) error {
	for range 2 {
		err := p.charge(ctx, body)
		if err != nil {
			var prob ProblemDoc
			if errors.As(err, &prob) && prob.Type == ProblemStaleAccount {
				if err := p.reregister(ctx); err != nil {
					return err
				}
				continue
			}
			return err
		}
		return nil
	}
	return nil
}

// ChargeOnFault re-sends the charge when the server failed: reported.
func (p *Payments) ChargeOnFault(ctx context.Context, body []byte) error {
	for range 2 {
		err := p.charge(ctx, body) // want `\(POST /v1/charges\) inside a retry loop runs again on every retry`
		var prob ProblemDoc
		if errors.As(err, &prob) && prob.Type == ProblemServerFault {
			continue
		}
		return err
	}
	return nil
}

// ChargeOnBackendError re-sends on any *BackendError: it carries every
// status, a 500 among them.
func (p *Payments) ChargeOnBackendError(ctx context.Context, body []byte) error {
	for range 2 {
		err := p.charge(ctx, body) // want `\(POST /v1/charges\) inside a retry loop runs again on every retry`
		var be *BackendError
		if errors.As(err, &be) {
			continue
		}
		return err
	}
	return nil
}

// ChargeOnQuota re-sends after a typed quota refusal, in a type switch.
func (p *Payments) ChargeOnQuota(ctx context.Context, body []byte) error {
	for range 2 {
		err := p.charge(ctx, body)
		switch err.(type) {
		case *QuotaError:
			continue
		}
		return err
	}
	return nil
}
