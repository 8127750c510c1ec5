// Package artifactsvc sends its requests through a retry executor whose
// operation is a literal in the executor's field. A POST that starts
// something new is repeated after a 5xx or a lost connection; a request
// whose handler goes round only on a 429 is not.
package artifactsvc

import (
	"bytes"
	"net/http"
	"strings"

	"example.com/retryexec"
)

type Client struct {
	hc      *http.Client
	base    string
	retries int
}

func (c *Client) StartExport(body []byte) (resp *http.Response, err error) {
	ex := retryexec.RetryExecutor{
		MaxRetries: c.retries,
		ExecutionHandler: func() (bool, error) {
			req, rerr := http.NewRequest(http.MethodPost, c.base+"/api/export/system", bytes.NewReader(body))
			if rerr != nil {
				return false, rerr
			}
			resp, err = c.hc.Do(req) // want `POST /api/export/system inside RetryExecutor.Execute \(retries its ExecutionHandler\) runs again on every retry`
			if err != nil {
				return true, err
			}
			return resp.StatusCode >= 500, nil
		},
	}
	err = ex.Execute()
	return
}

// StartImport sets the field after making the executor.
func (c *Client) StartImport(body []byte) (resp *http.Response, err error) {
	ex := &retryexec.RetryExecutor{MaxRetries: c.retries}
	ex.ExecutionHandler = func() (bool, error) {
		resp, err = c.hc.Post(c.base+"/api/import/system", "application/json", bytes.NewReader(body)) // want `POST /api/import/system inside RetryExecutor.Execute \(retries its ExecutionHandler\) runs again on every retry`
		return err != nil, err
	}
	err = ex.Execute()
	return
}

// StartBuild goes round only when the server refused the request.
func (c *Client) StartBuild(body []byte) (resp *http.Response, err error) {
	ex := retryexec.RetryExecutor{
		MaxRetries: c.retries,
		ExecutionHandler: func() (bool, error) {
			resp, err = c.hc.Post(c.base+"/api/builds", "application/json", bytes.NewReader(body))
			if err != nil {
				return false, err
			}
			return resp.StatusCode == http.StatusTooManyRequests, nil
		},
	}
	err = ex.Execute()
	return
}

// Label posts once through a func field that is not a retry.
func (c *Client) Label(body []byte) (*http.Response, error) {
	d := retryexec.Describer{Format: strings.ToUpper}
	return c.hc.Post(c.base+"/api/labels/"+d.Describe("x"), "application/json", bytes.NewReader(body))
}

func (c *Client) Publish(links *retryexec.Links, body []byte) error {
	return links.Retry(func() error {
		resp, err := c.hc.Post(c.base+"/api/events", "application/json", bytes.NewReader(body)) // want `POST /api/events inside Links.Retry \(retries its func argument\) runs again on every retry`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}
