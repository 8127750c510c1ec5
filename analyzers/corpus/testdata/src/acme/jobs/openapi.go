// Package jobs is the Go client of the job scheduler's OpenAPI (a
// PowerJob-compatible server): saveJob, runJob, disableJob, fetchJob. Every
// call sends the app's access token; the server answers with
// X-POWERJOB-AUTH-PASSED when it checked the token.
package jobs

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"sync"
)

const (
	authPassedHeader = "X-POWERJOB-AUTH-PASSED"
	tokenHeader      = "X-POWERJOB-ACCESS-TOKEN"

	pathAuthApp    = "/openApi/authApp"
	pathSaveJob    = "/openApi/saveJob"
	pathRunJob     = "/openApi/runJob"
	pathDisableJob = "/openApi/disableJob"
	pathFetchJob   = "/openApi/fetchJob"
)

// Client calls one scheduler server.
type Client struct {
	http     *http.Client
	baseURL  string
	appName  string
	password string

	mu    sync.Mutex
	token string
}

// SaveJobRequest is the saveJob body.
type SaveJobRequest struct {
	ID             int64  `json:"id,omitempty"`
	JobName        string `json:"jobName"`
	ProcessorInfo  string `json:"processorInfo"`
	TimeExpression string `json:"timeExpression"`
}

// Result is the server's response envelope.
type Result struct {
	Success bool            `json:"success"`
	Data    json.RawMessage `json:"data"`
	Message string          `json:"message"`
}

var errAuth = errors.New("scheduler: authentication failed")

func (c *Client) accessToken() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.token
}

func (c *Client) authenticate(ctx context.Context) error {
	q := url.Values{"appName": {c.appName}, "encryptedPassword": {c.password}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+pathAuthApp+"?"+q.Encode(), nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("authApp: %w", err)
	}
	defer resp.Body.Close()
	var out Result
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return fmt.Errorf("authApp: %w", err)
	}
	if !out.Success {
		return errAuth
	}
	c.mu.Lock()
	c.token = string(out.Data)
	c.mu.Unlock()
	return nil
}

// post builds an authenticated POST to the scheduler.
func (c *Client) post(ctx context.Context, path string, body []byte) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(tokenHeader, c.accessToken())
	return req, nil
}

func readResult(resp *http.Response) (*Result, error) {
	defer resp.Body.Close()
	var out Result
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, err
	}
	return &out, nil
}

// SaveJob is the 5.1.x client's logic: a response without the auth header
// is taken for an auth failure, and the job is saved again.
func (c *Client) SaveJob(ctx context.Context, job SaveJobRequest) (*Result, error) {
	body, err := json.Marshal(job)
	if err != nil {
		return nil, err
	}
	req, err := c.post(ctx, pathSaveJob, body)
	if err != nil {
		return nil, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.Header.Get(authPassedHeader) != "true" {
		resp.Body.Close()
		if err := c.authenticate(ctx); err != nil {
			return nil, err
		}
		again, err := c.post(ctx, pathSaveJob, body)
		if err != nil {
			return nil, err
		}
		resp, err = c.http.Do(again) // want `POST /openApi/saveJob is sent again after inspecting the response header X-POWERJOB-AUTH-PASSED`
		if err != nil {
			return nil, err
		}
	}
	return readResult(resp)
}

// RunJob re-sends when the envelope says it failed.
func (c *Client) RunJob(ctx context.Context, jobID int64, params string) (*Result, error) {
	form := url.Values{"jobId": {strconv.FormatInt(jobID, 10)}, "instanceParams": {params}}
	body := []byte(form.Encode())
	req, err := c.post(ctx, pathRunJob, body)
	if err != nil {
		return nil, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	out, err := readResult(resp)
	if err != nil {
		return nil, err
	}
	if !out.Success {
		if err := c.authenticate(ctx); err != nil {
			return nil, err
		}
		req, err = c.post(ctx, pathRunJob, body)
		if err != nil {
			return nil, err
		}
		resp, err = c.http.Do(req) // want `POST /openApi/runJob is sent again after inspecting the response field out\.Success`
		if err != nil {
			return nil, err
		}
		return readResult(resp)
	}
	return out, nil
}

// DisableJob re-sends only when the server refused the token (401/403):
// the request was not executed.
func (c *Client) DisableJob(ctx context.Context, jobID int64) error {
	body := []byte("jobId=" + strconv.FormatInt(jobID, 10))
	req, err := c.post(ctx, pathDisableJob, body)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden {
		resp.Body.Close()
		if err := c.authenticate(ctx); err != nil {
			return err
		}
		if req, err = c.post(ctx, pathDisableJob, body); err != nil {
			return err
		}
		if resp, err = c.http.Do(req); err != nil {
			return err
		}
	}
	_, err = readResult(resp)
	return err
}

// FetchJob is a read: re-sending it after a missing header is harmless.
func (c *Client) FetchJob(ctx context.Context, jobID int64) (*Result, error) {
	u := c.baseURL + pathFetchJob + "?jobId=" + strconv.FormatInt(jobID, 10)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set(tokenHeader, c.accessToken())
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.Header.Get(authPassedHeader) != "true" {
		resp.Body.Close()
		if err := c.authenticate(ctx); err != nil {
			return nil, err
		}
		req.Header.Set(tokenHeader, c.accessToken())
		if resp, err = c.http.Do(req); err != nil {
			return nil, err
		}
	}
	return readResult(resp)
}

// SaveThenRun saves a job and runs it: two different endpoints, each
// sent once.
func (c *Client) SaveThenRun(ctx context.Context, job SaveJobRequest) error {
	body, err := json.Marshal(job)
	if err != nil {
		return err
	}
	req, err := c.post(ctx, pathSaveJob, body)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	saved, err := readResult(resp)
	if err != nil || !saved.Success {
		return fmt.Errorf("saveJob failed: %v", err)
	}
	run, err := c.post(ctx, pathRunJob, saved.Data)
	if err != nil {
		return err
	}
	resp, err = c.http.Do(run)
	if err != nil {
		return err
	}
	_, err = readResult(resp)
	return err
}
