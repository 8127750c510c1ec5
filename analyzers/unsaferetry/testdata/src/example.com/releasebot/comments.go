// Package releasebot posts release notes as comments, retrying with the
// predicates of example.com/errcheck.
package releasebot

import (
	"bytes"
	"net/http"
	"strings"

	"example.com/errcheck"
)

// Bot posts comments to the tracker.
type Bot struct {
	HC   *http.Client
	Base string
}

// Comment retries only while the tracker rate-limits it: silent.
func (b *Bot) Comment(body []byte) error {
	for shouldRetry := errcheck.DefaultChecker(); ; {
		resp, err := b.HC.Post(b.Base+"/comments", "application/json", bytes.NewReader(body))
		if err == nil {
			return resp.Body.Close()
		}
		if !shouldRetry(err) {
			return err
		}
	}
}

// Pin asks a bounded checker made with a type assertion: silent.
func (b *Bot) Pin(body []byte) error {
	for shouldRetry := errcheck.Bounded(); ; {
		resp, err := b.HC.Post(b.Base+"/pins", "application/json", bytes.NewReader(body))
		if err == nil {
			return resp.Body.Close()
		}
		if !shouldRetry(err) {
			return err
		}
	}
}

// Label retries after any failure: the comment can be posted twice.
func (b *Bot) Label(body []byte) error {
	for shouldRetry := errcheck.AnyError(); ; {
		resp, err := b.HC.Post(b.Base+"/labels", "application/json", bytes.NewReader(body)) // want `POST /labels`
		if err == nil {
			return resp.Body.Close()
		}
		if !shouldRetry(err) {
			return err
		}
	}
}

// Reply uses a checker made in this package that only retries refusals:
// silent.
func (b *Bot) Reply(body []byte) error {
	retryable := throttled()
	for {
		resp, err := b.HC.Post(b.Base+"/replies", "application/json", bytes.NewReader(body))
		if err == nil {
			return resp.Body.Close()
		}
		if !retryable(err) {
			return err
		}
	}
}

// React's checker variable is reassigned to a predicate that retries any
// failure: reported.
func (b *Bot) React(body []byte, strict bool) error {
	retryable := throttled()
	if !strict {
		retryable = errcheck.AnyError()
	}
	for {
		resp, err := b.HC.Post(b.Base+"/reactions", "application/json", bytes.NewReader(body)) // want `POST /reactions`
		if err == nil {
			return resp.Body.Close()
		}
		if !retryable(err) {
			return err
		}
	}
}

// Star's checker is a parameter: the default it gets when nil is not the
// only value, its caller passes one that retries any failure: reported.
func (b *Bot) Star(body []byte) error {
	return b.starWith(body, errcheck.AnyError())
}

func (b *Bot) starWith(body []byte, retryable func(error) bool) error {
	if retryable == nil {
		retryable = throttled()
	}
	for {
		resp, err := b.HC.Post(b.Base+"/stars", "application/json", bytes.NewReader(body)) // want `POST /stars`
		if err == nil {
			return resp.Body.Close()
		}
		if !retryable(err) {
			return err
		}
	}
}

func throttled() func(error) bool {
	return func(err error) bool { return err != nil && strings.Contains(err.Error(), "rate limit") }
}
