// Package fulfillment talks to the warehouse management system: requests
// are built by a helper taking the method, then sent by another helper.
package fulfillment

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/cenkalti/backoff/v4"
)

const (
	picksPath   = "/wms/v1/picks"
	parcelsPath = "/wms/v1/parcels"
)

// WMS is the warehouse client.
type WMS struct {
	hc      *http.Client
	baseURL string
}

// build returns a request; it sends nothing.
func (w *WMS) build(ctx context.Context, method, path string, body any) (*http.Request, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, method, w.baseURL+path, bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	return req, nil
}

// send sends a built request and checks the status.
func (w *WMS) send(req *http.Request) error {
	resp, err := w.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("%s %s: %s", req.Method, req.URL.Path, resp.Status)
	}
	return nil
}

// RequestPick retries a POST built by the helper.
func (w *WMS) RequestPick(ctx context.Context, orderID string, skus []string) error {
	op := func() error {
		req, err := w.build(ctx, http.MethodPost, picksPath, map[string]any{"order": orderID, "skus": skus})
		if err != nil {
			return backoff.Permanent(err)
		}
		return w.send(req) // check `send \(POST\) inside backoff\.Retry runs again on every retry|POST /wms/v1/picks inside backoff\.Retry runs again on every retry`
	}
	return backoff.Retry(op, backoff.WithContext(backoff.NewExponentialBackOff(), ctx))
}

// SetParcelWeight retries a PUT built by the same helper.
func (w *WMS) SetParcelWeight(ctx context.Context, parcel string, grams int) error {
	return backoff.Retry(func() error {
		req, err := w.build(ctx, http.MethodPut, parcelsPath+"/"+parcel+"/weight", map[string]int{"grams": grams})
		if err != nil {
			return backoff.Permanent(err)
		}
		return w.send(req)
	}, backoff.NewConstantBackOff(time.Second))
}

// ErrNoStock is the WMS's answer for an empty bin.
var ErrNoStock = errors.New("wms: no stock")

// PickAll requests one pick per order, without retry.
func (w *WMS) PickAll(ctx context.Context, orders map[string][]string) error {
	for id, skus := range orders {
		req, err := w.build(ctx, http.MethodPost, picksPath, map[string]any{"order": id, "skus": skus})
		if err != nil {
			return err
		}
		if err := w.send(req); err != nil && !errors.Is(err, ErrNoStock) {
			return err
		}
	}
	return nil
}
