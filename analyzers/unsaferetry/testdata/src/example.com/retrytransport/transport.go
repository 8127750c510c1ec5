// Package retrytransport holds the http.RoundTripper wrappers a service
// installs in its HTTP clients: one that re-sends every request after a
// network error or a 5xx (rewinding the body), and three that cannot
// repeat a write: one that retries only idempotent methods, one that
// never rewinds the body it sent, and one that retries only 429s.
package retrytransport

import (
	"net/http"
	"time"
)

// Transport re-sends a request up to Attempts times while the inner
// transport fails or answers with a 5xx.
type Transport struct {
	Next     http.RoundTripper
	Attempts int
}

func New(next http.RoundTripper) *Transport { return &Transport{Next: next, Attempts: 3} }

func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	var resp *http.Response
	var err error
	for attempt := 0; attempt < t.Attempts; attempt++ {
		if attempt > 0 && req.GetBody != nil {
			body, berr := req.GetBody()
			if berr != nil {
				return nil, berr
			}
			req.Body = body
		}
		resp, err = t.Next.RoundTrip(req)
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
		time.Sleep(time.Duration(attempt+1) * 100 * time.Millisecond)
	}
	return resp, err
}

// IdempotentOnly retries GET, HEAD, PUT and DELETE; other methods are
// sent once.
type IdempotentOnly struct{ Next http.RoundTripper }

func (t *IdempotentOnly) RoundTrip(req *http.Request) (*http.Response, error) {
	switch req.Method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete:
	default:
		return t.Next.RoundTrip(req)
	}
	var resp *http.Response
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if attempt > 0 && req.GetBody != nil {
			req.Body, _ = req.GetBody()
		}
		resp, err = t.Next.RoundTrip(req)
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
	}
	return resp, err
}

// NoRewind sends the request again without restoring its body: a
// request with a body fails on its second attempt instead of repeating.
// Whether a bodiless write is repeated is left unknown.
type NoRewind struct{ Next http.RoundTripper }

func (t *NoRewind) RoundTrip(req *http.Request) (*http.Response, error) {
	var resp *http.Response
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		resp, err = t.Next.RoundTrip(req)
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
	}
	return resp, err
}

// Throttled goes round only when the server refused with a 429.
type Throttled struct{ Next http.RoundTripper }

func (t *Throttled) RoundTrip(req *http.Request) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		if attempt > 0 && req.GetBody != nil {
			body, err := req.GetBody()
			if err != nil {
				return nil, err
			}
			req.Body = body
		}
		resp, err := t.Next.RoundTrip(req)
		if err != nil || resp.StatusCode != http.StatusTooManyRequests || attempt == 3 {
			return resp, err
		}
		time.Sleep(time.Second)
	}
}
