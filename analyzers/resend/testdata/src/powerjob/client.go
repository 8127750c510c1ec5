// Package powerjob is an OpenAPI client for a PowerJob server written the
// way the 5.1.x Java client works: every request carries an app token, and
// a response without X-POWERJOB-AUTH-PASSED: true makes the client
// re-authenticate and send the request again.
package powerjob

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sync"
)

const (
	authPassedHeader = "X-POWERJOB-AUTH-PASSED"
	tokenHeader      = "X-POWERJOB-ACCESS-TOKEN"
)

// Client talks to one PowerJob server.
type Client struct {
	http     *http.Client
	baseURL  string
	appName  string
	password string

	mu    sync.Mutex
	token string
}

// SaveJobRequest mirrors PowerJob's SaveJobInfoRequest.
type SaveJobRequest struct {
	ID             int64  `json:"id,omitempty"`
	JobName        string `json:"jobName"`
	ProcessorInfo  string `json:"processorInfo"`
	TimeExpression string `json:"timeExpression"`
}

// ResultDTO is PowerJob's response envelope.
type ResultDTO struct {
	Success bool            `json:"success"`
	Data    json.RawMessage `json:"data"`
	Message string          `json:"message"`
}

func (c *Client) currentToken() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.token
}

func (c *Client) refreshToken(ctx context.Context) error {
	form := url.Values{"appName": {c.appName}, "encryptedPassword": {c.password}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/openApi/authApp?"+form.Encode(), nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("powerjob: authApp: %w", err)
	}
	defer resp.Body.Close()
	var out struct {
		Data struct {
			Token string `json:"token"`
		} `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return fmt.Errorf("powerjob: authApp: %w", err)
	}
	c.mu.Lock()
	c.token = out.Data.Token
	c.mu.Unlock()
	return nil
}

// SaveJob creates (or, with an ID, updates) a job. It has the 5.1.x bug
// inline: a missing auth header re-sends the same saveJob.
func (c *Client) SaveJob(ctx context.Context, in SaveJobRequest) (int64, error) {
	body, err := json.Marshal(in)
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/openApi/saveJob", bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(tokenHeader, c.currentToken())
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, fmt.Errorf("powerjob: saveJob: %w", err)
	}
	if resp.Header.Get(authPassedHeader) != "true" {
		resp.Body.Close()
		if err := c.refreshToken(ctx); err != nil {
			return 0, err
		}
		again, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/openApi/saveJob", bytes.NewReader(body))
		if err != nil {
			return 0, err
		}
		again.Header.Set("Content-Type", "application/json")
		again.Header.Set(tokenHeader, c.currentToken())
		resp, err = c.http.Do(again) // want `POST .*saveJob is sent again after inspecting the response header X-POWERJOB-AUTH-PASSED`
		if err != nil {
			return 0, fmt.Errorf("powerjob: saveJob: %w", err)
		}
	}
	defer resp.Body.Close()
	var out ResultDTO
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return 0, err
	}
	if !out.Success {
		return 0, fmt.Errorf("powerjob: saveJob: %s", out.Message)
	}
	var id int64
	err = json.Unmarshal(out.Data, &id)
	return id, err
}

// request is the shared path of the other OpenAPI calls, shaped like
// AppAuthClusterRequestService.request: it re-authenticates and recurses
// once when the auth header is missing.
func (c *Client) request(ctx context.Context, path string, form url.Values, reauthed bool) (*ResultDTO, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+path, bytes.NewBufferString(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set(tokenHeader, c.currentToken())
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("powerjob: %s: %w", path, err)
	}
	defer resp.Body.Close()
	if !reauthed && !authPassed(resp) {
		if err := c.refreshToken(ctx); err != nil {
			return nil, err
		}
		return c.request(ctx, path, form, true) // want `sent again by the recursive call of request after inspecting the response header X-POWERJOB-AUTH-PASSED`
	}
	var out ResultDTO
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, err
	}
	return &out, nil
}

func authPassed(resp *http.Response) bool {
	return resp.Header.Get(authPassedHeader) == "true"
}

// RunJob triggers one run of a job.
func (c *Client) RunJob(ctx context.Context, jobID int64, params string) (*ResultDTO, error) {
	return c.request(ctx, "/openApi/runJob", url.Values{"jobId": {fmt.Sprint(jobID)}, "instanceParams": {params}}, false)
}

// DisableJob disables a job.
func (c *Client) DisableJob(ctx context.Context, jobID int64) (*ResultDTO, error) {
	return c.request(ctx, "/openApi/disableJob", url.Values{"jobId": {fmt.Sprint(jobID)}}, false)
}
