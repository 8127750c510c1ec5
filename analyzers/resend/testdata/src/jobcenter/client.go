// Package jobcenter is a client for a job-scheduling admin API whose
// responses are wrapped in {"code": 0, "msg": "…", "content": …} and whose
// gateway sometimes answers with a non-zero code after the job was added.
package jobcenter

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Client talks to the admin API.
type Client struct {
	hc    *http.Client
	admin string
	token string
}

// Job is a job definition.
type Job struct {
	Group    int    `json:"jobGroup"`
	Desc     string `json:"jobDesc"`
	Cron     string `json:"scheduleConf"`
	Handler  string `json:"executorHandler"`
	Param    string `json:"executorParam"`
	Author   string `json:"author"`
	Children string `json:"childJobId,omitempty"`
}

type envelope struct {
	Code    int             `json:"code"`
	Msg     string          `json:"msg"`
	Content json.RawMessage `json:"content"`
}

// AddJob posts the job and re-posts it when the envelope's code is not 0.
func (c *Client) AddJob(ctx context.Context, job Job) (int, error) {
	body, err := json.Marshal(job)
	if err != nil {
		return 0, err
	}
	resp, err := c.hc.Post(c.admin+"/jobinfo/add", "application/json", bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var out envelope
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return 0, fmt.Errorf("jobcenter: add: %w", err)
	}
	if out.Code != 0 {
		resp2, err := c.hc.Post(c.admin+"/jobinfo/add", "application/json", bytes.NewReader(body)) // want `POST .*/jobinfo/add is sent again after inspecting the response field out.Code`
		if err != nil {
			return 0, err
		}
		defer resp2.Body.Close()
		if err := json.NewDecoder(resp2.Body).Decode(&out); err != nil {
			return 0, err
		}
	}
	var id int
	err = json.Unmarshal(out.Content, &id)
	return id, err
}

// Trigger runs a job once; when the answer cannot be decoded it triggers
// the job again — but the first trigger may have run it.
func (c *Client) Trigger(ctx context.Context, jobID int, param string) error {
	form := url.Values{"id": {fmt.Sprint(jobID)}, "executorParam": {param}}
	resp, err := c.hc.PostForm(c.admin+"/jobinfo/trigger", form)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var out envelope
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		resp2, err := c.hc.PostForm(c.admin+"/jobinfo/trigger", form) // want `POST .*/jobinfo/trigger is sent again after inspecting whether the response body could be decoded`
		if err != nil {
			return err
		}
		resp2.Body.Close()
	}
	return nil
}

// result is what the post helper returns.
type result struct {
	OK  bool
	Msg string
}

// post sends one form to the admin API with the session token.
func (c *Client) post(ctx context.Context, path string, form url.Values) (*result, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.admin+path, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("XXL-JOB-ACCESS-TOKEN", c.token)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out envelope
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, err
	}
	return &result{OK: out.Code == 0, Msg: out.Msg}, nil
}

func (c *Client) login(ctx context.Context) error { return nil }

// Start starts a job through the helper and starts it again after logging
// in when the helper says it did not work.
func (c *Client) Start(ctx context.Context, jobID int) error {
	form := url.Values{"id": {fmt.Sprint(jobID)}}
	res, err := c.post(ctx, "/jobinfo/start", form)
	if err != nil {
		return err
	}
	if !res.OK {
		if err := c.login(ctx); err != nil {
			return err
		}
		res, err = c.post(ctx, "/jobinfo/start", form) // want `is sent again after inspecting the response field res.OK`
		if err != nil {
			return err
		}
	}
	if !res.OK {
		return errors.New(res.Msg)
	}
	return nil
}

// StartThenLog starts a job and, when that failed, records the failure in
// the audit log: the same helper, but another endpoint.
func (c *Client) StartThenLog(ctx context.Context, jobID int) error {
	form := url.Values{"id": {fmt.Sprint(jobID)}}
	res, err := c.post(ctx, "/jobinfo/start", form)
	if err != nil {
		return err
	}
	if !res.OK {
		_, err = c.post(ctx, "/joblog/add", url.Values{"id": {fmt.Sprint(jobID)}, "msg": {res.Msg}})
	}
	return err
}

// Remove removes a job, switching on the HTTP status: after a 401 it logs
// in and removes again (fine: refused), after a 504 it posts again (the
// first removal may have been applied — and /jobinfo/remove is a POST).
func (c *Client) Remove(ctx context.Context, jobID int) error {
	form := url.Values{"id": {fmt.Sprint(jobID)}}
	resp, err := c.hc.PostForm(c.admin+"/jobinfo/remove", form)
	if err != nil {
		return err
	}
	resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
		return nil
	case http.StatusUnauthorized:
		if err := c.login(ctx); err != nil {
			return err
		}
		resp, err = c.hc.PostForm(c.admin+"/jobinfo/remove", form)
	case http.StatusGatewayTimeout:
		resp, err = c.hc.PostForm(c.admin+"/jobinfo/remove", form) // want `the response status \(504\)`
	default:
		return fmt.Errorf("jobcenter: remove: %s", resp.Status)
	}
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}
