// Package verdicts holds retry loops that leave when a verdict says "no
// more attempts": a (retry bool, err error) result, or a predicate of the
// attempt's error.
package verdicts

import (
	"context"
	"errors"
	"net/http"
	"time"
)

type Record struct{ Tag string }

type Forwarder struct {
	maxRetry int
}

type ForwarderOptions struct{ MaxRetry int }

func defaultForwarderOptions() ForwarderOptions { return ForwarderOptions{MaxRetry: 3} }

// NewForwarder copies the retry count from options that default to 3.
func NewForwarder(opts ForwarderOptions) *Forwarder {
	return &Forwarder{maxRetry: opts.MaxRetry}
}

// writeRecord sends the record and reads the server's acknowledgement; it
// asks for another attempt after a write error and after a lost ack (the
// record may already be delivered).
func (f *Forwarder) writeRecord(ctx context.Context, r Record) (bool, error) {
	return false, nil
}

// Forward retries while the attempt's verdict asks for it.
func (f *Forwarder) Forward(ctx context.Context, r Record) error {
	for i := 0; i < f.maxRetry; i++ {
		if retry, err := f.writeRecord(ctx, r); !retry { // want "retried by a retry loop"
			return err
		}
	}
	return errors.New("forward: out of attempts")
}

// writeThrottled asks for another attempt only when the server refused
// the record for its rate limit.
func (f *Forwarder) writeThrottled(ctx context.Context, r Record) (bool, error) {
	err := f.deliver(ctx, r)
	var se *statusError
	if errors.As(err, &se) && se.code == http.StatusTooManyRequests {
		return true, err
	}
	return false, err
}

func (f *Forwarder) deliver(ctx context.Context, r Record) error { return nil }

// ForwardThrottled goes round only after a refusal: nothing delivered is
// sent again.
func (f *Forwarder) ForwardThrottled(ctx context.Context, r Record) error {
	for i := 0; i < f.maxRetry; i++ {
		if retry, err := f.writeThrottled(ctx, r); !retry {
			return err
		}
	}
	return errors.New("forward: out of attempts")
}

// ForwardAll sends each record once: the counter picks a different record
// on each iteration.
func (f *Forwarder) ForwardAll(ctx context.Context, rs []Record) error {
	for i := 0; i < len(rs); i++ {
		if retry, err := f.writeRecord(ctx, rs[i]); !retry {
			return err
		}
	}
	return nil
}

type cursor struct{}

func (c *cursor) writeNext(ctx context.Context) (more bool, err error) { return false, nil }

// Drain goes on while there is more: a boolean that is not a retry verdict.
func Drain(ctx context.Context, c *cursor) error {
	for {
		more, err := c.writeNext(ctx)
		if !more {
			return err
		}
	}
}

// backend's methods are implemented elsewhere.
type backend interface {
	transient(err error) bool
	writeKey(ctx context.Context, name string) error
	readKey(ctx context.Context, name string) error
}

// withBackoff retries f while the backend calls its error transient.
func withBackoff(ctx context.Context, b backend, f func() error) error {
	wait := 10 * time.Millisecond
	for {
		err := f()
		if !b.transient(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait *= 2
	}
}

func CreateKey(ctx context.Context, b backend, name string) error {
	return withBackoff(ctx, b, func() error {
		return b.writeKey(ctx, name) // want "retried by verdicts.withBackoff \\(retries its func argument\\)"
	})
}

type statusError struct{ code int }

func (e *statusError) Error() string { return http.StatusText(e.code) }

// throttled holds only when the server refused the request for its rate
// limit.
func throttled(err error) bool {
	var se *statusError
	return errors.As(err, &se) && se.code == http.StatusTooManyRequests
}

// withThrottleRetry retries f only after a rate-limit refusal.
func withThrottleRetry(f func() error) error {
	for {
		err := f()
		if !throttled(err) {
			return err
		}
		time.Sleep(time.Second)
	}
}

func CreateKeyThrottled(ctx context.Context, b backend, name string) error {
	return withThrottleRetry(func() error {
		return b.writeKey(ctx, name)
	})
}

// SendOnce leaves on the predicate's verdict but never goes round: no
// retry.
func SendOnce(ctx context.Context, b backend, name string) error {
	for {
		err := b.writeKey(ctx, name)
		if !b.transient(err) {
			return err
		}
		return errors.New("transient")
	}
}

func (f *Forwarder) writeRequest(ctx context.Context, r Record) (*http.Response, error) {
	return nil, nil
}

// decide judges a response already received; whether it asks for another
// attempt depends on settings twice cannot see (retries off by default).
func (f *Forwarder) decide(resp *http.Response, n int) (time.Duration, bool) {
	return 0, false
}

// SendDecided: the verdict comes from a decision about an earlier outcome,
// not from the operation: unknown, so silent.
func (f *Forwarder) SendDecided(ctx context.Context, r Record) (*http.Response, error) {
	for n := 0; ; n++ {
		resp, err := f.writeRequest(ctx, r)
		if err != nil {
			return nil, err
		}
		wait, retry := f.decide(resp, n)
		if !retry {
			return resp, nil
		}
		time.Sleep(wait)
	}
}
