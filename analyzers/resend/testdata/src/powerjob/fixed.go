package powerjob

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

// runJobFixed is the client done right: it re-sends only when the server
// said it refused the request, and otherwise trusts the response.
func (c *Client) runJobFixed(ctx context.Context, form url.Values) (*ResultDTO, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/openApi/runJob", bytes.NewBufferString(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set(tokenHeader, c.currentToken())
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden {
		resp.Body.Close()
		if err := c.refreshToken(ctx); err != nil {
			return nil, err
		}
		again, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/openApi/runJob", bytes.NewBufferString(form.Encode()))
		if err != nil {
			return nil, err
		}
		again.Header.Set(tokenHeader, c.currentToken())
		if resp, err = c.http.Do(again); err != nil {
			return nil, err
		}
	}
	defer resp.Body.Close()
	var out ResultDTO
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, err
	}
	return &out, nil
}

// saveThenRun saves a job and, once the server confirmed it, runs it: two
// different endpoints, not a re-send.
func (c *Client) saveThenRun(ctx context.Context, form url.Values) error {
	save, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/openApi/saveJob", bytes.NewBufferString(form.Encode()))
	if err != nil {
		return err
	}
	resp, err := c.http.Do(save)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.Header.Get(authPassedHeader) != "true" {
		run, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/openApi/runJob", bytes.NewBufferString(form.Encode()))
		if err != nil {
			return err
		}
		resp2, err := c.http.Do(run)
		if err != nil {
			return err
		}
		resp2.Body.Close()
	}
	return nil
}

// fetchJob re-reads a job after a token refresh: a GET is safe to repeat.
func (c *Client) fetchJob(ctx context.Context, jobID int64) (*ResultDTO, error) {
	target := fmt.Sprintf("%s/openApi/fetchJob?jobId=%d", c.baseURL, jobID)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set(tokenHeader, c.currentToken())
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	if !authPassed(resp) {
		resp.Body.Close()
		if err := c.refreshToken(ctx); err != nil {
			return nil, err
		}
		again, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
		if err != nil {
			return nil, err
		}
		again.Header.Set(tokenHeader, c.currentToken())
		if resp, err = c.http.Do(again); err != nil {
			return nil, err
		}
	}
	defer resp.Body.Close()
	var out ResultDTO
	err = json.NewDecoder(resp.Body).Decode(&out)
	return &out, err
}

// updateJob replaces a job's definition with PUT, which is idempotent.
func (c *Client) updateJob(ctx context.Context, jobID int64, body []byte) error {
	target := fmt.Sprintf("%s/v2/jobs/%d", c.baseURL, jobID)
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, target, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode >= 500 {
		again, err := http.NewRequestWithContext(ctx, http.MethodPut, target, bytes.NewReader(body))
		if err != nil {
			return err
		}
		if resp, err = c.http.Do(again); err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// deleteJob deletes a job; deleting twice leaves the same state.
func (c *Client) deleteJob(ctx context.Context, jobID int64) error {
	target := fmt.Sprintf("%s/v2/jobs/%d", c.baseURL, jobID)
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, target, nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.Header.Get(authPassedHeader) != "true" {
		again, err := http.NewRequestWithContext(ctx, http.MethodDelete, target, nil)
		if err != nil {
			return err
		}
		if resp, err = c.http.Do(again); err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}
