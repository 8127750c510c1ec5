// Package methodbranch is an API client whose request wrapper sends some
// methods once and retries the others, deciding by the method its caller
// passes: a caller passing a method sent once is not retried.
package methodbranch

import (
	"bytes"
	"net/http"
	"time"
)

type Client struct {
	hc   *http.Client
	base string
}

// doRequestWithRetries sends req until it gets an answer.
func (c *Client) doRequestWithRetries(req *http.Request) (*http.Response, error) {
	var err error
	for i := 0; i < 5; i++ {
		var resp *http.Response
		if resp, err = c.hc.Do(req); err == nil {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
	return nil, err
}

// doJSON retries everything but POST and PUT.
func (c *Client) doJSON(method, path string, body []byte) error {
	req, err := http.NewRequest(method, c.base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	var resp *http.Response
	if method == "POST" || method == "PUT" {
		resp, err = c.hc.Do(req)
	} else {
		resp, err = c.doRequestWithRetries(req)
	}
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// send returns early for a POST: only the other methods are retried.
func (c *Client) send(method, path string, body []byte) error {
	req, err := http.NewRequest(method, c.base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	if method == http.MethodPost {
		resp, err := c.hc.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
	resp, err := c.doRequestWithRetries(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// PostEvent is sent once.
func (c *Client) PostEvent(body []byte) error {
	return c.doJSON("POST", "/v1/events", body)
}

// AppendLog is a PATCH that appends: the wrapper retries it.
func (c *Client) AppendLog(body []byte) error {
	return c.doJSON(http.MethodPatch, "/v1/logs", body) // want `PATCH /v1/logs is retried by Client\.doRequestWithRetries`
}

// CreateMonitor goes through send, which posts once.
func (c *Client) CreateMonitor(body []byte) error {
	return c.send(http.MethodPost, "/v1/monitors", body)
}

// AddTag is a PATCH through send: retried.
func (c *Client) AddTag(body []byte) error {
	return c.send(http.MethodPatch, "/v1/tags", body) // want `PATCH /v1/tags is retried by Client\.doRequestWithRetries`
}
