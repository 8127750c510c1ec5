// Package issuers orders certificates from an ACME-like CA. An order is
// placed with a POST; after a failure the caller may try the staging CA
// (attempt > 0) and, once staging succeeded, order again from production.
// A second call that passes another value for the same parameter, or goes
// to another CA chosen before it, is another request (silent); the same
// call made again after looking at the answer is a re-send (reported).
package issuers

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
)

type Issuer struct {
	hc         *http.Client
	production string // directory URL of the production CA
	staging    string // directory URL of the staging CA
	directory  string // the CA orders go to
}

type Cert struct {
	Status string `json:"status"`
	PEM    string `json:"certificate"`
}

// order places one order; attempt > 0 sends it to the staging CA. It
// reports whether the staging CA answered.
func (is *Issuer) order(ctx context.Context, csr []byte, attempt int) (*Cert, bool, error) {
	dir := is.production
	if attempt > 0 {
		dir = is.staging
	}
	return is.orderAt(ctx, dir, csr)
}

func (is *Issuer) orderAt(ctx context.Context, dir string, csr []byte) (*Cert, bool, error) {
	body, err := json.Marshal(map[string][]byte{"csr": csr})
	if err != nil {
		return nil, false, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, dir+"/new-order", bytes.NewReader(body))
	if err != nil {
		return nil, false, err
	}
	resp, err := is.hc.Do(req)
	if err != nil {
		return nil, false, err
	}
	defer resp.Body.Close()
	var c Cert
	if err := json.NewDecoder(resp.Body).Decode(&c); err != nil {
		return nil, false, err
	}
	return &c, dir == is.staging, nil
}

// Issue orders from the CA the attempt selects and, when staging
// answered, orders again with attempt 0 (production): a constant where
// the first call passed the caller's attempt, another request (silent).
func (is *Issuer) Issue(ctx context.Context, csr []byte, attempt int) (*Cert, error) {
	cert, staged, err := is.order(ctx, csr, attempt)
	if err != nil {
		return nil, err
	}
	if staged {
		cert, _, err = is.order(ctx, csr, 0)
	}
	return cert, err
}

// IssueAgain orders again with the very same arguments when the answer
// came from staging: the same order placed twice (reported).
func (is *Issuer) IssueAgain(ctx context.Context, csr []byte, attempt int) (*Cert, error) {
	cert, staged, err := is.order(ctx, csr, attempt)
	if err != nil {
		return nil, err
	}
	if staged {
		cert, _, err = is.order(ctx, csr, attempt) // want `Issuer\.order \(POST .*\) is sent again after inspecting the response field staged`
	}
	return cert, err
}

// IssueFallback orders from the CA chosen before the first call and, when
// the order is invalid there, from the other CA: another target (silent).
func (is *Issuer) IssueFallback(ctx context.Context, csr []byte) (*Cert, error) {
	dir := is.directory
	cert, _, err := is.orderAt(ctx, dir, csr)
	if err != nil {
		return nil, err
	}
	if cert.Status == "invalid" {
		dir = is.staging
		cert, _, err = is.orderAt(ctx, dir, csr)
	}
	return cert, err
}

// IssueInvalidAgain orders from the current CA again when the order came
// back invalid: the same request (reported).
func (is *Issuer) IssueInvalidAgain(ctx context.Context, csr []byte) (*Cert, error) {
	cert, err := is.orderCurrent(ctx, csr)
	if err != nil {
		return nil, err
	}
	if cert.Status == "invalid" {
		cert, err = is.orderCurrent(ctx, csr) // want `Issuer\.orderCurrent \(POST .*\) is sent again after inspecting the response field cert\.Status`
	}
	return cert, err
}

func (is *Issuer) orderCurrent(ctx context.Context, csr []byte) (*Cert, error) {
	c, _, err := is.orderAt(ctx, is.directory, csr)
	return c, err
}

// IssueSwitched points the issuer at the staging CA between the two
// calls: the receiver now targets another of its configured CAs, another
// request (silent).
func (is *Issuer) IssueSwitched(ctx context.Context, csr []byte) (*Cert, error) {
	cert, err := is.orderCurrent(ctx, csr)
	if err != nil {
		return nil, err
	}
	if cert.Status == "invalid" {
		is.directory = is.staging
		cert, err = is.orderCurrent(ctx, csr)
	}
	return cert, err
}
