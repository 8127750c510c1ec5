package purposes

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"time"
)

// A fleet API wakes a vehicle with a POST to …/wake_up, repeated until
// the vehicle reports that it is online: waking asks for a state, which a
// repeat leaves as it was. The command sender's name says "send", but the
// function around the loop says what the request does. A check, not a
// finding; a notification sent to the vehicle's screen is reported.

type Fleet struct {
	hc   *http.Client
	base string
}

func (f *Fleet) sendFleetCommand(ctx context.Context, endpoint string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, f.base+"/"+endpoint, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := f.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Wakeup retries the wake request until it succeeds.
func (f *Fleet) Wakeup(ctx context.Context, vin string) error {
	for {
		endpoint := fmt.Sprintf("api/1/vehicles/%s/wake_up", vin)
		err := f.sendFleetCommand(ctx, endpoint, nil) // check: waking asks for a state
		if err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Second):
		}
	}
}

// Notify retries a notification, shown once per request: reported.
func (f *Fleet) Notify(ctx context.Context, vin string, text []byte) error {
	for {
		endpoint := fmt.Sprintf("api/1/vehicles/%s/notifications", vin)
		err := f.sendFleetCommand(ctx, endpoint, text) // want `Fleet.sendFleetCommand \(POST .*/notifications\) inside a retry loop`
		if err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Second):
		}
	}
}
