// Package webhooks delivers webhooks to subscribers: hand-written retry
// loops and recursion around POSTs, loops that are not retries, and
// retrying HTTP clients.
package webhooks

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/go-resty/resty/v2"
	"github.com/hashicorp/go-retryablehttp"
)

type Delivery struct {
	ID   string
	URL  string
	Body []byte
}

type Dispatcher struct {
	http       *http.Client
	retrying   *retryablehttp.Client
	std        *http.Client
	rest       *resty.Client
	maxRetries int
}

func NewDispatcher() *Dispatcher {
	rc := retryablehttp.NewClient()
	return &Dispatcher{
		http:       &http.Client{Timeout: 10 * time.Second},
		retrying:   rc,
		std:        rc.StandardClient(),
		rest:       resty.New().SetRetryCount(3),
		maxRetries: 5,
	}
}

func (d *Dispatcher) post(ctx context.Context, url string, body []byte) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	return d.http.Do(req)
}

// Deliver retries on transport errors and 5xx.
func (d *Dispatcher) Deliver(ctx context.Context, dl Delivery) error {
	for attempt := 0; attempt < d.maxRetries; attempt++ {
		resp, err := d.post(ctx, dl.URL, dl.Body) // want `Dispatcher.post \(POST request\) inside a retry loop runs again on every retry`
		if err != nil {
			time.Sleep(time.Duration(attempt+1) * time.Second)
			continue
		}
		resp.Body.Close()
		if resp.StatusCode >= 500 {
			continue
		}
		return nil
	}
	return errors.New("webhooks: giving up")
}

// deliverAttempt re-sends itself with attempt+1 after a failure.
func (d *Dispatcher) deliverAttempt(ctx context.Context, dl Delivery, attempt int) error {
	resp, err := d.post(ctx, dl.URL, dl.Body) // want `Dispatcher.post \(POST request\) inside Dispatcher.deliverAttempt, which calls itself again with attempt\+1 after a failure, runs again on every retry`
	if err == nil {
		return resp.Body.Close()
	}
	if attempt >= d.maxRetries {
		return fmt.Errorf("webhooks: delivery %s: %w", dl.ID, err)
	}
	return d.deliverAttempt(ctx, dl, attempt+1)
}

// deliverAuthed re-sends itself only after a 401, with a fresh session:
// the server refused the first request, so nothing is delivered twice.
func (d *Dispatcher) deliverAuthed(ctx context.Context, dl Delivery, attempt, max int) error {
	resp, err := d.post(ctx, dl.URL, dl.Body)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusUnauthorized && attempt < max {
		d.refreshSession()
		return d.deliverAuthed(ctx, dl, attempt+1, max)
	}
	return nil
}

// deliverOn5xx re-sends itself after a 5xx, which may follow a delivery.
func (d *Dispatcher) deliverOn5xx(ctx context.Context, dl Delivery, attempt int) error {
	resp, err := d.post(ctx, dl.URL, dl.Body) // want `Dispatcher.post \(POST request\) inside Dispatcher.deliverOn5xx, which calls itself again with attempt\+1 after a failure`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 500 && attempt < 3 {
		return d.deliverOn5xx(ctx, dl, attempt+1)
	}
	return nil
}

func (d *Dispatcher) refreshSession() {}

// Fanout sends each delivery once: not a retry.
func (d *Dispatcher) Fanout(ctx context.Context, deliveries []Delivery) error {
	for _, dl := range deliveries {
		resp, err := d.post(ctx, dl.URL, dl.Body)
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// Drain consumes a queue: not a retry.
func (d *Dispatcher) Drain(ctx context.Context, queue <-chan Delivery) {
	for dl := range queue {
		resp, err := d.post(ctx, dl.URL, dl.Body)
		if err != nil {
			continue
		}
		resp.Body.Close()
	}
}

// Through retrying clients.

func (d *Dispatcher) DeliverRetrying(ctx context.Context, dl Delivery) error {
	resp, err := d.retrying.Post(dl.URL, "application/json", dl.Body) // want `POST .* sent through go-retryablehttp's Client \(retries failed requests\) runs again on every retry`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (d *Dispatcher) DeliverStd(ctx context.Context, dl Delivery) error {
	resp, err := d.std.Post(dl.URL, "application/json", bytes.NewReader(dl.Body)) // want `POST .* sent through an \*http.Client from go-retryablehttp's StandardClient \(retries every request\)`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (d *Dispatcher) DeliverResty(ctx context.Context, dl Delivery) error {
	_, err := d.rest.R().SetContext(ctx).SetBody(dl.Body).Post("/v1/hooks") // want `POST /v1/hooks sent through resty's SetRetryCount \(retries failed requests\) runs again on every retry`
	return err
}

func (d *Dispatcher) Check(ctx context.Context, dl Delivery) error {
	resp, err := d.retrying.Get(dl.URL)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// DeliverKeyed sends an idempotency key with the request: the client's
// automatic retries repeat the same request, key included.
func (d *Dispatcher) DeliverKeyed(ctx context.Context, dl Delivery) error {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, dl.URL, dl.Body)
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", dl.ID)
	resp, err := d.retrying.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
