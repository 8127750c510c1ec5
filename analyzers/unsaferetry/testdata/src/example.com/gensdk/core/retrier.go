// Package core is the shared runtime of a generated API client: one caller
// that builds every request and a retrier that re-issues it on 408, 429 and
// 5xx answers.
package core

import (
	"net/http"
	"time"
)

// RetryFunc issues one request (http.Client.Do).
type RetryFunc func(*http.Request) (*http.Response, error)

// Retrier re-issues a request a fixed number of times.
type Retrier struct {
	attempts uint
}

// NewRetrier returns a retrier making at most attempts attempts.
func NewRetrier(attempts uint) *Retrier {
	if attempts == 0 {
		attempts = 2
	}
	return &Retrier{attempts: attempts}
}

// Run issues request with fn, again while the answer says to retry.
func (r *Retrier) Run(fn RetryFunc, request *http.Request, attempts uint) (*http.Response, error) {
	max := r.attempts
	if attempts > 0 {
		max = attempts
	}
	return r.run(fn, request, max, 0, nil)
}

func (r *Retrier) run(fn RetryFunc, request *http.Request, max, attempt uint, previous error) (*http.Response, error) {
	if attempt >= max {
		return nil, previous
	}
	if err := request.Context().Err(); err != nil {
		return nil, err
	}
	response, err := fn(request)
	if err != nil {
		return nil, err
	}
	if r.shouldRetry(response) {
		defer response.Body.Close()
		time.Sleep(time.Duration(attempt+1) * 500 * time.Millisecond)
		return r.run(fn, request, max, attempt+1, &StatusError{Code: response.StatusCode})
	}
	return response, nil
}

func (r *Retrier) shouldRetry(response *http.Response) bool {
	return response.StatusCode == http.StatusTooManyRequests ||
		response.StatusCode == http.StatusRequestTimeout ||
		response.StatusCode >= http.StatusInternalServerError
}

// StatusError is an answer outside 2xx.
type StatusError struct{ Code int }

func (e *StatusError) Error() string { return http.StatusText(e.Code) }
