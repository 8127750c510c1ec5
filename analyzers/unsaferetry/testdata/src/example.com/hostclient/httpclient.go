// Package hostclient builds the HTTP clients of a hosting platform's SDK:
// one on a rehttp transport that re-sends every method after temporary
// errors and 502s (wrapped in a logging transport when a logger is given),
// one that retries only GETs, and one that retries only on 429.
package hostclient

import (
	"net/http"
	"time"

	"github.com/PuerkitoBio/rehttp"
)

type Logger interface {
	Printf(format string, args ...any)
}

// LoggingTransport logs each round trip of its inner transport.
type LoggingTransport struct {
	Inner  http.RoundTripper
	Logger Logger
}

func (t *LoggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	t.Logger.Printf("%s %s", req.Method, req.URL)
	return t.Inner.RoundTrip(req)
}

// NewHTTPClient retries every method.
func NewHTTPClient(logger Logger, rt http.RoundTripper) (*http.Client, error) {
	retrying := rehttp.NewTransport(
		rt,
		rehttp.RetryAll(
			rehttp.RetryMaxRetries(3),
			rehttp.RetryAny(rehttp.RetryTemporaryErr(), rehttp.RetryStatuses(502, 503)),
		),
		rehttp.ExpJitterDelay(100*time.Millisecond, time.Second),
	)
	if logger != nil {
		return &http.Client{Transport: &LoggingTransport{Inner: retrying, Logger: logger}}, nil
	}
	return &http.Client{Transport: retrying}, nil
}

// NewReadRetryingClient retries GETs only.
func NewReadRetryingClient(rt http.RoundTripper) *http.Client {
	return &http.Client{Transport: rehttp.NewTransport(rt,
		rehttp.RetryAll(rehttp.RetryMaxRetries(3), rehttp.RetryHTTPMethods("GET"), rehttp.RetryTemporaryErr()),
		rehttp.ConstDelay(time.Second))}
}

// NewThrottledClient retries only when the server refused with a 429.
func NewThrottledClient(rt http.RoundTripper) *http.Client {
	return &http.Client{Transport: rehttp.NewTransport(rt,
		rehttp.RetryAll(rehttp.RetryMaxRetries(3), rehttp.RetryStatuses(429)),
		rehttp.ConstDelay(time.Second))}
}
