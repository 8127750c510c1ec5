// Package errcheck makes the retry predicates a team's API clients share.
package errcheck

import (
	"errors"
	"strings"
)

// RateLimitError is returned when the API throttled the caller.
type RateLimitError struct{ RetryAfter int }

func (e *RateLimitError) Error() string { return "rate limited" }

// DefaultChecker returns a predicate that asks for another attempt only
// when the server refused the request (a rate limit): nothing was done.
func DefaultChecker() func(error) bool {
	return func(err error) bool {
		var rl *RateLimitError
		if errors.As(err, &rl) {
			return true
		}
		return err != nil && strings.Contains(err.Error(), "secondary rate limit")
	}
}

// Checker is DefaultChecker with a bound on the attempts, written with
// type assertions.
func Checker(maxTries int) func(error) bool {
	try := 0
	return func(err error) bool {
		if err == nil || try >= maxTries {
			return false
		}
		try++
		if _, ok := err.(*RateLimitError); ok {
			return true
		}
		return false
	}
}

// Bounded is Checker with the team's default bound.
func Bounded() func(error) bool { return Checker(5) }

// AnyError returns a predicate that asks for another attempt after any
// failure, including a timeout after the server acted.
func AnyError() func(error) bool {
	return func(err error) bool { return err != nil }
}
