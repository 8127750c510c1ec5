// Package rehttp is a stub of github.com/PuerkitoBio/rehttp: an
// http.RoundTripper that retries requests by a retry function.
package rehttp

import (
	"net/http"
	"time"
)

// Attempt is the state of one attempt given to a RetryFn.
type Attempt struct {
	Index    int
	Request  *http.Request
	Response *http.Response
	Error    error
}

// RetryFn decides whether to retry.
type RetryFn func(attempt Attempt) bool

// DelayFn decides how long to wait.
type DelayFn func(attempt Attempt) time.Duration

// Transport retries the requests of its RoundTripper.
type Transport struct {
	http.RoundTripper
	retry RetryFn
	delay DelayFn
}

func NewTransport(rt http.RoundTripper, retry RetryFn, delay DelayFn) *Transport {
	return &Transport{RoundTripper: rt, retry: retry, delay: delay}
}

func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	return t.RoundTripper.RoundTrip(req)
}

func RetryAny(retryFns ...RetryFn) RetryFn                 { return nil }
func RetryAll(retryFns ...RetryFn) RetryFn                 { return nil }
func RetryMaxRetries(max int) RetryFn                      { return nil }
func RetryIsErr(fn func(error) bool) RetryFn               { return nil }
func RetryTemporaryErr() RetryFn                           { return nil }
func RetryTimeoutErr() RetryFn                             { return nil }
func RetryStatusInterval(fromStatus, toStatus int) RetryFn { return nil }
func RetryStatuses(statuses ...int) RetryFn                { return nil }
func RetryHTTPMethods(methods ...string) RetryFn           { return nil }
func ConstDelay(delay time.Duration) DelayFn               { return nil }
func ExpJitterDelay(base, max time.Duration) DelayFn       { return nil }
