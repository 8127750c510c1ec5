// Package powerjob is a Go port of the PowerJob 5.1 OpenAPI client's
// request path: when the X-POWERJOB-AUTH-PASSED response header is missing
// it re-authenticates and sends the same request again — which a server
// that does not set the header (5.1.0 with auth disabled) has already
// executed.
package powerjob

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

const authPassedHeader = "X-POWERJOB-AUTH-PASSED"

// Client calls a PowerJob server's /openApi endpoints.
type Client struct {
	Addr  string
	App   string
	HTTP  *http.Client
	token string
}

// JobRequest is the body of /openApi/saveJob.
type JobRequest struct {
	AppName string `json:"appName"`
	JobName string `json:"jobName"`
	Cron    string `json:"timeExpression"`
}

// SaveJob creates a job. When the auth header is missing, the request is
// sent again after re-authenticating: the job is created twice.
func (c *Client) SaveJob(ctx context.Context, job JobRequest) error {
	body, err := json.Marshal(job)
	if err != nil {
		return err
	}
	resp, err := c.HTTP.Post(c.Addr+"/openApi/saveJob", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	if resp.Header.Get(authPassedHeader) != "true" {
		resp.Body.Close()
		if err := c.authenticate(ctx); err != nil {
			return err
		}
		resp, err = c.HTTP.Post(c.Addr+"/openApi/saveJob", "application/json", bytes.NewReader(body)) // want resend `(?i)post|saveJob`
		if err != nil {
			return err
		}
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("saveJob: %s", resp.Status)
	}
	return nil
}

// RunJob re-sends only after 401, when the server refused the request
// before executing it: no finding.
func (c *Client) RunJob(ctx context.Context, jobID int64) error {
	url := fmt.Sprintf("%s/openApi/runJob?jobId=%d", c.Addr, jobID)
	resp, err := c.HTTP.Post(url, "application/json", nil)
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusUnauthorized {
		resp.Body.Close()
		if err := c.authenticate(ctx); err != nil {
			return err
		}
		resp, err = c.HTTP.Post(url, "application/json", nil)
		if err != nil {
			return err
		}
	}
	return resp.Body.Close()
}

// authenticate exchanges the app name for a token (/openApi/authApp).
func (c *Client) authenticate(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Addr+"/openApi/authApp", bytes.NewBufferString(c.App))
	if err != nil {
		return err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var out struct {
		Token string `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return fmt.Errorf("authApp: %w", err)
	}
	c.token = out.Token
	return nil
}
