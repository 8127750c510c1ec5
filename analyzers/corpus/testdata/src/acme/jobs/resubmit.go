package jobs

import (
	"context"
	"encoding/json"
	"net/http"
)

// sendJSON posts a body to path with the current token.
func (c *Client) sendJSON(ctx context.Context, path string, body []byte) (*http.Response, error) {
	req, err := c.post(ctx, path, body)
	if err != nil {
		return nil, err
	}
	return c.http.Do(req)
}

// SaveWorkflow re-sends through the helper when the header is missing:
// the same operation (same helper, same path) runs twice.
func (c *Client) SaveWorkflow(ctx context.Context, wf map[string]any) (*Result, error) {
	body, err := json.Marshal(wf)
	if err != nil {
		return nil, err
	}
	resp, err := c.sendJSON(ctx, "/openApi/saveWorkflow", body)
	if err != nil {
		return nil, err
	}
	if resp.Header.Get(authPassedHeader) == "" {
		resp.Body.Close()
		if err := c.authenticate(ctx); err != nil {
			return nil, err
		}
		resp, err = c.sendJSON(ctx, "/openApi/saveWorkflow", body) // want `sent again after inspecting the response header X-POWERJOB-AUTH-PASSED`
		if err != nil {
			return nil, err
		}
	}
	return readResult(resp)
}

// RetryJobInstance re-sends on 429 only: the server refused it.
func (c *Client) RetryJobInstance(ctx context.Context, instanceID string) error {
	body := []byte("instanceId=" + instanceID)
	resp, err := c.sendJSON(ctx, "/openApi/retryInstance", body)
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		resp.Body.Close()
		resp, err = c.sendJSON(ctx, "/openApi/retryInstance", body)
		if err != nil {
			return err
		}
	}
	_, err = readResult(resp)
	return err
}
