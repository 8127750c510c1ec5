// Package memberactions is a REST API client in a common shape: requests
// are built by copying the base URL and setting its path (escaped and
// unescaped), and sent by a loop that re-sends every method on a 5xx. A POST
// that asks for a state of one existing resource (archive it, subscribe to
// it, enable it) finds that state reached when repeated; a POST that makes
// something new — a note, a retried job, a refund, a subscription made
// without a member — does not.
package memberactions

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

type Client struct {
	baseURL *url.URL
	http    *http.Client
}

// NewRequest builds a request for a path relative to the base URL.
func (c *Client) NewRequest(method, path string, opt any) (*http.Request, error) {
	u := *c.baseURL
	unescaped, err := url.PathUnescape(path)
	if err != nil {
		return nil, err
	}
	u.RawPath = c.baseURL.Path + path
	u.Path = c.baseURL.Path + unescaped
	body, err := json.Marshal(opt)
	if err != nil {
		return nil, err
	}
	return http.NewRequest(method, u.String(), bytes.NewReader(body))
}

// Do re-sends any request while the server answers 5xx.
func (c *Client) Do(req *http.Request) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		resp, err := c.http.Do(req)
		if err != nil || resp.StatusCode < 500 || attempt == 3 {
			return resp, err
		}
		resp.Body.Close()
	}
}

func (c *Client) ArchiveProject(id string) error {
	req, err := c.NewRequest(http.MethodPost, fmt.Sprintf("projects/%s/archive", url.PathEscape(id)), nil)
	if err != nil {
		return err
	}
	_, err = c.Do(req)
	return err
}

func (c *Client) SubscribeToIssue(project string, issue int) error {
	req, err := c.NewRequest(http.MethodPost, fmt.Sprintf("projects/%s/issues/%d/subscribe", url.PathEscape(project), issue), nil)
	if err != nil {
		return err
	}
	_, err = c.Do(req)
	return err
}

func (c *Client) EnableKey(project string, key int) error {
	req, err := c.NewRequest(http.MethodPost, fmt.Sprintf("projects/%s/keys/%d/enable", url.PathEscape(project), key), nil)
	if err != nil {
		return err
	}
	_, err = c.Do(req)
	return err
}

func (c *Client) CreateNote(project string, issue int, text string) error {
	req, err := c.NewRequest(http.MethodPost, fmt.Sprintf("projects/%s/issues/%d/notes", url.PathEscape(project), issue), text)
	if err != nil {
		return err
	}
	_, err = c.Do(req) // want `POST /projects/\{…\}/issues/\{…\}/notes is retried by Client\.Do`
	return err
}

func (c *Client) RetryJob(project string, job int) error {
	req, err := c.NewRequest(http.MethodPost, fmt.Sprintf("projects/%s/jobs/%d/retry", url.PathEscape(project), job), nil)
	if err != nil {
		return err
	}
	_, err = c.Do(req) // want `POST /projects/\{…\}/jobs/\{…\}/retry is retried by Client\.Do`
	return err
}

func (c *Client) RefundCharge(charge string) error {
	req, err := c.NewRequest(http.MethodPost, fmt.Sprintf("charges/%s/refund", charge), nil)
	if err != nil {
		return err
	}
	_, err = c.Do(req) // want `POST /charges/\{…\}/refund is retried by Client\.Do`
	return err
}

func (c *Client) SubscribeNewsletter(email string) error {
	req, err := c.NewRequest(http.MethodPost, "newsletter/subscribe", email)
	if err != nil {
		return err
	}
	_, err = c.Do(req) // want `POST /newsletter/subscribe is retried by Client\.Do`
	return err
}
