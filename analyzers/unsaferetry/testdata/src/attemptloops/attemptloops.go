// Package attemptloops holds retry loops that a counter's name does not
// give away: a counter called i bounded by a retry count, an attempt made
// by a closure the loop calls, and an attempt run in a goroutine whose
// result the loop waits for.
package attemptloops

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"time"
)

type Client struct {
	hc   *http.Client
	base string
}

func (c *Client) post(ctx context.Context, path string, body []byte, node int) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("X-Attempt-Node", string(rune('0'+node)))
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 500 {
		return errors.New("server error")
	}
	return nil
}

// CreateOrder numbers its attempts with i, bounded by the retry count:
// the same order is posted again.
func (c *Client) CreateOrder(ctx context.Context, order []byte, retries int) error {
	var err error
	for i := 0; i <= retries; i++ {
		if err = c.post(ctx, "/v1/orders", order, i); err == nil { // want `\(POST /v1/orders\) inside a retry loop`
			return nil
		}
		time.Sleep(time.Duration(i) * time.Second)
	}
	return err
}

// CreateWithOptions bounds i by an options struct's MaxAttempts.
type Options struct{ MaxAttempts int }

func (c *Client) CreateWithOptions(ctx context.Context, order []byte, o Options) error {
	if o.MaxAttempts == 0 {
		o.MaxAttempts = 3
	}
	var err error
	for i := 0; i < o.MaxAttempts; i++ {
		if err = c.post(ctx, "/v1/orders", order, i); err == nil { // want `\(POST /v1/orders\) inside a retry loop`
			return nil
		}
	}
	return err
}

// PostEach walks a batch with i bounded by the batch's length: each round
// posts another order, none is posted again.
func (c *Client) PostEach(ctx context.Context, orders [][]byte) error {
	var err error
	for i := 0; i < len(orders); i++ {
		if err = c.post(ctx, "/v1/orders", orders[i], i); err == nil {
			continue
		}
		return err
	}
	return nil
}

// TryNodes sends to node i of n, bounded by the number of nodes, and
// gives up on the first failure: not a retry.
func (c *Client) TryNodes(ctx context.Context, order []byte, nodes int) error {
	for i := 0; i < nodes; i++ {
		if err := c.post(ctx, "/v1/orders", order, i); err != nil {
			return err
		}
	}
	return nil
}

// Charge keeps its attempt in a closure the loop calls.
func (c *Client) Charge(ctx context.Context, payment []byte, maxRetries int) error {
	attempt := func() error {
		return c.post(ctx, "/v1/charges", payment, 0) // want `\(POST /v1/charges\) inside a retry loop`
	}
	var err error
	for try := 0; try <= maxRetries; try++ {
		if err = attempt(); err == nil {
			return nil
		}
	}
	return err
}

// Refresh's closure reads: nothing to report.
func (c *Client) Refresh(ctx context.Context, maxRetries int) error {
	fetch := func() error {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/v1/status", nil)
		resp, err := c.hc.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
	var err error
	for try := 0; try <= maxRetries; try++ {
		if err = fetch(); err == nil {
			return nil
		}
	}
	return err
}

// NotifyOnce calls its closure once, after a retried read: the POST is
// not inside the loop.
func (c *Client) NotifyOnce(ctx context.Context, maxRetries int, event []byte) error {
	notify := func() error { return c.post(ctx, "/v1/events", event, 0) }
	var err error
	for try := 0; try <= maxRetries; try++ {
		if err = c.Refresh(ctx, 0); err == nil {
			break
		}
	}
	if err != nil {
		return err
	}
	return notify()
}

// Transfer runs each attempt in a goroutine so that it can give up when the
// context ends; a failed attempt is started again.
func (c *Client) Transfer(ctx context.Context, payment []byte, retries int) error {
	call := func(i int) error {
		return c.post(ctx, "/v1/transfers", payment, i) // want `\(POST /v1/transfers\) inside a retry loop`
	}
	ch := make(chan error, retries+1)
	var last error
	for i := 0; i <= retries; i++ {
		go func(i int) {
			ch <- call(i)
		}(i)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err := <-ch:
			if err == nil {
				return nil
			}
			last = err
		}
	}
	return last
}

// Publish waits for a goroutine's attempt without a select.
func (c *Client) Publish(ctx context.Context, event []byte, maxAttempts int) error {
	ch := make(chan error, 1)
	var err error
	for n := 0; n < maxAttempts; n++ {
		go func() { ch <- c.post(ctx, "/v1/events", event, 0) }() // want `\(POST /v1/events\) inside a retry loop`
		if err = <-ch; err == nil {
			return nil
		}
	}
	return err
}

// FanOut starts one goroutine per event and collects the results: every
// event is posted once, whatever fails.
func (c *Client) FanOut(ctx context.Context, events [][]byte) error {
	ch := make(chan error, len(events))
	for _, e := range events {
		go func() { ch <- c.post(ctx, "/v1/events", e, 0) }()
	}
	var first error
	for range events {
		if err := <-ch; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// Deliver keeps its decision in a flag of the loop condition, set once
// the POST went through.
func (c *Client) Deliver(ctx context.Context, msg []byte) error {
	sent := false
	var err error
	for i := 0; i < 3 && !sent; i++ {
		if err = c.post(ctx, "/v1/messages", msg, 0); err != nil { // want `\(POST /v1/messages\) inside a retry loop`
			time.Sleep(time.Second)
			continue
		}
		sent = true
	}
	return err
}

// Submit goes round while its retry flag is true.
func (c *Client) Submit(ctx context.Context, job []byte) error {
	var err error
	n := 0
	for retry := true; retry; n++ {
		err = c.post(ctx, "/v1/jobs", job, n) // want `\(POST /v1/jobs\) inside a retry loop`
		if err == nil || n >= 3 {
			retry = false
		}
	}
	return err
}

// Stream posts until told to stop: the flag is set by the stop signal,
// not by a success, so the loop is a sender, not a retry.
func (c *Client) Stream(ctx context.Context, event []byte, stop <-chan struct{}) {
	done := false
	for !done {
		select {
		case <-stop:
			done = true
		default:
		}
		if err := c.post(ctx, "/v1/events", event, 0); err != nil {
			continue
		}
	}
}

// Upload ends its loop by zeroing the attempts left once the POST went
// through.
func (c *Client) Upload(ctx context.Context, part []byte) error {
	var err error
	retries := 4
	for retries > 0 {
		err = c.post(ctx, "/v1/uploads", part, 0) // want `\(POST /v1/uploads\) inside a retry loop`
		if err == nil {
			retries = 0
		} else {
			retries--
		}
	}
	return err
}

// InitiateUpload writes the same loop as an if inside a bare for, which
// breaks when no attempt is left.
func (c *Client) InitiateUpload(ctx context.Context) error {
	var err error
	retries := 4
	for {
		if retries > 0 {
			err = c.post(ctx, "/v1/uploads", nil, 0) // want `\(POST /v1/uploads\) inside a retry loop`
			if err == nil {
				retries = 0
			} else {
				retries--
				time.Sleep(time.Second)
			}
		} else {
			break
		}
	}
	return err
}

// Drain posts batches while there are some: pending is set from what is
// left, not to a constant on success.
func (c *Client) Drain(ctx context.Context, batches [][]byte) error {
	pending := len(batches)
	for pending > 0 {
		if err := c.post(ctx, "/v1/events", batches[len(batches)-pending], 0); err != nil {
			return err
		}
		pending--
	}
	return nil
}
