// Package alertsinks posts alerts to chat and incident services through
// one helper, postMessage, that retries with go-retryablehttp. The helper
// posts by default; its callers adjust the request with options and send
// payloads of their own. A caller whose option makes the request a PUT
// (Matrix: PUT …/send/m.room.message/{txnId}), or whose payload carries a
// dedup key the receiver merges repeats on (PagerDuty's dedup_key), is
// silent; a plain POST, an option that only adds a header, and a payload
// without a key are reported.
package alertsinks

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

type requestOption func(*retryablehttp.Request)

func postMessage(ctx context.Context, address string, payload any, opts ...requestOption) error {
	client := retryablehttp.NewClient()
	client.RetryMax = 4
	data, err := json.Marshal(payload)
	if err != nil {
		return fmt.Errorf("encoding payload: %w", err)
	}
	req, err := retryablehttp.NewRequest(http.MethodPost, address, bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("building request: %w", err)
	}
	req = req.WithContext(ctx)
	req.Header.Set("Content-Type", "application/json")
	for _, o := range opts {
		o(req)
	}
	resp, err := client.Do(req) // want `POST request sent through go-retryablehttp's Client \(retries failed requests\) runs again on every retry`
	if err != nil {
		return fmt.Errorf("posting to %s: %w", address, err)
	}
	return resp.Body.Close()
}
