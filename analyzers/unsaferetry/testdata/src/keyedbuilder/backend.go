// Package keyedbuilder is a payments SDK's backend: NewRequest adds an
// Idempotency-Key to every write it builds, once per request, and Do
// re-sends that same request while the server answers 5xx or the
// connection fails. A repeat carries the first attempt's key.
package keyedbuilder

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"time"
)

type Backend struct {
	URL  string
	HTTP *http.Client
}

func newIdempotencyKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func isWrite(method string) bool { return method == http.MethodPost || method == http.MethodPatch }

// NewRequest builds a request, keyed when it writes.
func (b *Backend) NewRequest(method, path string) (*http.Request, error) {
	req, err := http.NewRequest(method, b.URL+path, nil)
	if err != nil {
		return nil, err
	}
	if isWrite(method) {
		req.Header.Add("Idempotency-Key", newIdempotencyKey())
	}
	return req, nil
}

// newPlainRequest builds a request without a key.
func (b *Backend) newPlainRequest(method, path string) (*http.Request, error) {
	return http.NewRequest(method, b.URL+path, nil)
}

// Do sends req, again after a network error or a 5xx.
func (b *Backend) Do(req *http.Request, body []byte) (*http.Response, error) {
	var resp *http.Response
	var err error
	for retry := 0; retry < 3; retry++ {
		req.Body = nopCloser{bytes.NewReader(body)}
		resp, err = b.HTTP.Do(req)
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
	return resp, err
}

type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }

// Call builds a keyed request and sends it through Do.
func (b *Backend) Call(method, path string, body []byte) error {
	req, err := b.NewRequest(method, path)
	if err != nil {
		return err
	}
	_, err = b.Do(req, body)
	return err
}

// CallPlain builds an unkeyed request and sends it through Do.
func (b *Backend) CallPlain(method, path string, body []byte) error {
	req, err := b.newPlainRequest(method, path)
	if err != nil {
		return err
	}
	_, err = b.Do(req, body)
	return err
}
