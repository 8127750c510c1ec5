// Package sp is a list-service client whose Execute re-sends the request
// it is given by calling itself again: the attempt count travels in a
// request header, not in a parameter.
package sp

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
)

// Client sends requests to the list service.
type Client struct {
	http.Client
	Policies map[int]int
}

var defaultPolicies = map[int]int{429: 5, 500: 1, 503: 10, 504: 5}

func (c *Client) retries(status int) int {
	if n, ok := c.Policies[status]; ok {
		return n
	}
	return defaultPolicies[status]
}

func (c *Client) again(req *http.Request, max int) bool {
	n, _ := strconv.Atoi(req.Header.Get("X-Retry"))
	if n >= max {
		return false
	}
	req.Header.Set("X-Retry", strconv.Itoa(n+1))
	return true
}

// Execute sends req and sends it again, with its body restored, after a
// status its retry policy names (500 and 504 among them).
func (c *Client) Execute(req *http.Request) (*http.Response, error) {
	var backup io.Reader
	if req.Body != nil {
		var buf bytes.Buffer
		req.Body = io.NopCloser(io.TeeReader(req.Body, &buf))
		backup = &buf
	}
	resp, err := c.Do(req)
	if err != nil {
		return resp, err
	}
	if n := c.retries(resp.StatusCode); n > 0 && c.again(req, n) {
		resp.Body.Close()
		if backup != nil {
			req.Body = io.NopCloser(backup)
		}
		return c.Execute(req)
	}
	return resp, nil
}

// Refresh re-sends req only after a 401, with a new token: the server
// refused the first request.
func (c *Client) Refresh(req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusUnauthorized && c.again(req, 1) {
		resp.Body.Close()
		req.Header.Set("Authorization", "Bearer fresh")
		return c.Refresh(req)
	}
	return resp, nil
}

// GraphClient reads the service's error code from the response body.
type GraphClient struct{ Client }

// Request re-sends req only when the service's error code says the
// token was rejected (Microsoft Graph's InvalidAuthenticationToken): the
// server refused the first request before doing anything.
func (c *GraphClient) Request(req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	var e struct{ Error struct{ Code string } }
	if resp.StatusCode >= 400 {
		_ = json.NewDecoder(resp.Body).Decode(&e)
	}
	if e.Error.Code == "InvalidAuthenticationToken" && c.again(req, 1) {
		resp.Body.Close()
		req.Header.Set("Authorization", "Bearer fresh")
		return c.Request(req)
	}
	return resp, nil
}

// CodeClient reads the service's error code too.
type CodeClient struct{ Client }

// Request re-sends req while the service's error code says it failed
// inside: the first request may have been applied.
func (c *CodeClient) Request(req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	var e struct{ Error struct{ Code string } }
	if resp.StatusCode >= 400 {
		_ = json.NewDecoder(resp.Body).Decode(&e)
	}
	if e.Error.Code == "InternalServerError" && c.again(req, 3) {
		resp.Body.Close()
		return c.Request(req)
	}
	return resp, nil
}

// Walk visits a page and then the next one: the recursive call sends a
// different request each time, which is not a retry.
func (c *Client) Walk(req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	next := resp.Header.Get("Link")
	if next == "" {
		return nil
	}
	nreq, err := http.NewRequest(http.MethodGet, next, nil)
	if err != nil {
		return err
	}
	return c.Walk(nreq)
}
