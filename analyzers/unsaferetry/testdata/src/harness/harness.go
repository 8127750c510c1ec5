// Package harness holds an integration-test harness for a broker: loops
// that expect a call to fail leave when it succeeds, as a retry does, but
// they are no retries.
package harness

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type Publisher interface {
	Publish(ctx context.Context, topic string, body []byte) error
}

// RunBrokerTest publishes n messages, each followed by one to a topic the
// broker must refuse: a round goes on only when the refusal came, and the
// next round's publish is the next message, not a retry. Silent.
func RunBrokerTest(ctx context.Context, p Publisher, n int, errc chan<- error) {
	for i := 0; i < n; i++ {
		if err := p.Publish(ctx, "events", []byte("hello")); err != nil {
			errc <- fmt.Errorf("publish: %w", err)
			return
		}
		if err := p.Publish(ctx, "forbidden", []byte("x")); err == nil {
			errc <- errors.New("publish to a forbidden topic succeeded")
			return
		}
	}
}

// ExpectRefused checks three times that the broker refuses a topic; an
// accepted publish is the test's failure. Silent.
func ExpectRefused(ctx context.Context, p Publisher) error {
	for i := 0; i < 3; i++ {
		if err := p.Publish(ctx, "forbidden", []byte("x")); err == nil {
			return errors.New("publish to a forbidden topic succeeded")
		}
	}
	return nil
}

// Deliver retries a publish until it succeeds: reported.
func Deliver(ctx context.Context, p Publisher, body []byte) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = p.Publish(ctx, "events", body); err == nil { // want `Publisher.Publish \(an interface method with no body twice can see, named like a publish\) inside a retry loop`
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}
