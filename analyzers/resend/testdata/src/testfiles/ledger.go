// Package testfiles: a ledger client that posts an entry again after a
// 502, and a test that does the same against a test server. Only the
// client is reported by default; -unsaferetry.tests reports the test too.
package testfiles

import (
	"bytes"
	"net/http"
)

// Ledger posts entries to the ledger service.
type Ledger struct {
	HTTP *http.Client
	Base string
}

// Record posts the entry, and posts it again when the gateway answers 502.
func (l *Ledger) Record(body []byte) error {
	resp, err := l.HTTP.Post(l.Base+"/entries", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusBadGateway {
		resp.Body.Close()
		resp, err = l.HTTP.Post(l.Base+"/entries", "application/json", bytes.NewReader(body)) // want `POST .*/entries is sent again after inspecting the response status \(502\)`
		if err != nil {
			return err
		}
	}
	return resp.Body.Close()
}
