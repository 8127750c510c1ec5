package readpost

import (
	"bytes"
	"context"
	"crypto"
	"encoding/json"
	"errors"
	"net/http"
	"time"
)

// Polls through a generic JWS poster: the caller's payload is the body,
// and a nil payload is a POST-as-GET. A loop that leaves on any failure of
// the fetch and goes round only while the fetched status is pending polls;
// it does not retry the POST.

type Authorization struct {
	URL    string `json:"-"`
	Status string `json:"status"`
}

type Job struct {
	URL     string          `json:"-"`
	Request json.RawMessage `json:"request"`
	Status  string          `json:"status"`
}

// httpPostJWS signs input (nil: an empty payload) and POSTs it to url,
// decoding the answer into output.
func (c *Client) httpPostJWS(ctx context.Context, key crypto.Signer, kid, url string, input, output any) (*http.Response, error) {
	payload, err := json.Marshal(input)
	if err != nil {
		return nil, err
	}
	_ = key
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(payload))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/jose+json")
	req.Header.Set("Kid", kid)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return resp, json.NewDecoder(resp.Body).Decode(output)
}

func finalized(a Authorization) (bool, error) {
	switch a.Status {
	case "valid":
		return true, nil
	case "invalid", "expired", "revoked":
		return true, errors.New("authorization " + a.Status)
	}
	return false, nil
}

// PollAuthorization is silent: a poll with a nil payload, errors return.
func (c *Client) PollAuthorization(ctx context.Context, key crypto.Signer, kid string, authz Authorization) (Authorization, error) {
	start := time.Now()
	for time.Since(start) < time.Minute {
		select {
		case <-time.After(time.Second):
		case <-ctx.Done():
			return authz, ctx.Err()
		}
		resp, err := c.httpPostJWS(ctx, key, kid, authz.URL, nil, &authz)
		if err != nil {
			return authz, err
		}
		if done, err := finalized(authz); done {
			return authz, err
		}
		_ = resp
	}
	return authz, errors.New("authorization took too long")
}

// PollJob is silent too: the status check follows the error check in
// another statement, the fetch assigns to variables declared before.
func (c *Client) PollJob(ctx context.Context, key crypto.Signer, kid string, job Job) (Job, error) {
	var err error
	for attempt := 0; attempt < 30; attempt++ {
		time.Sleep(time.Second)
		_, err = c.httpPostJWS(ctx, key, kid, job.URL, nil, &job)
		if err != nil {
			return job, err
		}
		done, err := jobDone(job)
		if done {
			return job, err
		}
	}
	return job, errors.New("job took too long")
}

func jobDone(j Job) (bool, error) { return j.Status != "pending", nil }

// ResubmitJob polls by sending the job's request again: each round may
// write (a payload, not a POST-as-GET), so the loop is judged as before.
func (c *Client) ResubmitJob(ctx context.Context, key crypto.Signer, kid string, job Job) (Job, error) {
	for time.Now().Before(time.Now().Add(time.Minute)) {
		_, err := c.httpPostJWS(ctx, key, kid, job.URL, job.Request, &job) // want `Client\.httpPostJWS \(POST request\) inside a retry loop runs again on every retry`
		if err != nil {
			return job, err
		}
		if done, err := jobDone(job); done {
			return job, err
		}
	}
	return job, errors.New("job took too long")
}

// AwaitAuthorization goes round after a failed fetch: a retry of the POST, nil
// payload or not, is judged as before.
func (c *Client) AwaitAuthorization(ctx context.Context, key crypto.Signer, kid string, authz Authorization) (Authorization, error) {
	for {
		_, err := c.httpPostJWS(ctx, key, kid, authz.URL, nil, &authz) // want `Client\.httpPostJWS \(POST request\) inside a retry loop runs again on every retry`
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		return authz, nil
	}
}
