// Package eventsender posts events with whatever *http.Client its caller
// hands it: whether a POST is sent again depends on that client, so
// nothing is reported here.
package eventsender

import (
	"bytes"
	"context"
	"net/http"
)

// PostEvent files a new event on every call.
func PostEvent(ctx context.Context, hc *http.Client, base string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/v1/events", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// SearchEvents posts a query: a read.
func SearchEvents(ctx context.Context, hc *http.Client, base string, query []byte) error {
	resp, err := hc.Post(base+"/v1/events/_search", "application/json", bytes.NewReader(query))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// PostEventOnce sends the caller's key: the API drops a repeat.
func PostEventOnce(ctx context.Context, hc *http.Client, base, key string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/v1/events", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", key)
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
