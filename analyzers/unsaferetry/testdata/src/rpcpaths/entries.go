package rpcpaths

import (
	"context"
	"errors"
	"net/http"
)

// makeRequest retries every request it sends.
func (c *Client) makeRequest(ctx context.Context, method, path string) (*http.Response, error) {
	var err error
	for i := 0; i < 3; i++ {
		var req *http.Request
		req, err = http.NewRequestWithContext(ctx, method, c.base+path, nil)
		if err != nil {
			return nil, err
		}
		var resp *http.Response
		resp, err = c.hc.Do(req)
		if err == nil {
			return resp, nil
		}
	}
	return nil, err
}

var errEntryExists = errors.New("entry already in the log")

// CreateLogEntry: the log keys entries by their content and answers a
// repeat with 409 and the existing entry, which the switch takes apart.
func (c *Client) CreateLogEntry(ctx context.Context) error {
	res, err := c.makeRequest(ctx, http.MethodPost, "/api/v1/log/entries")
	if err != nil {
		return err
	}
	defer res.Body.Close()
	switch res.StatusCode {
	case http.StatusCreated:
		return nil
	case http.StatusConflict:
		return errEntryExists
	default:
		return errors.New("unexpected status")
	}
}

// AppendRecord switches on other statuses only: each repeat appends.
func (c *Client) AppendRecord(ctx context.Context) error {
	res, err := c.makeRequest(ctx, http.MethodPost, "/api/v1/records") // want `POST /api/v1/records is retried by Client.makeRequest`
	if err != nil {
		return err
	}
	defer res.Body.Close()
	switch res.StatusCode {
	case http.StatusCreated:
		return nil
	default:
		return errors.New("unexpected status")
	}
}
