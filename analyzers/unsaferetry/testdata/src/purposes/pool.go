package purposes

import (
	"errors"
	"net/http"
	"net/url"
	"time"
)

// PoolClient talks to a resource-pool server whose every endpoint takes
// a POST with form values, through one helper named for the transport.
// httpPost's name says how the request goes, not what it does: what it
// does is read from the operation that calls it and from the path.
type PoolClient struct {
	base  string
	owner string
	http  *http.Client
}

func (c *PoolClient) httpPost(action string, values url.Values) (*http.Response, error) {
	u, _ := url.ParseRequestURI(c.base)
	u.Path = action
	u.RawQuery = values.Encode()
	req, err := http.NewRequest(http.MethodPost, u.String(), nil)
	if err != nil {
		return nil, err
	}
	return c.http.Do(req)
}

// retryPool runs work until it reports done, sleeping between attempts;
// work swallows transport errors and 5xx answers so that they are retried.
func retryPool(work func() (bool, error)) error {
	for i := 0; i < 4; i++ {
		done, err := work()
		if err != nil {
			return err
		}
		if done {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("out of attempts")
}

// Release ends the owner's lease on a named resource: the server checks
// the owner, so a repeat is refused and changes nothing.
func (c *PoolClient) Release(name string) error {
	values := url.Values{}
	values.Set("name", name)
	values.Set("owner", c.owner)
	return retryPool(func() (bool, error) {
		resp, err := c.httpPost("/release", values) // check: an action on a named lease
		if err != nil {
			return false, nil
		}
		defer resp.Body.Close()
		return resp.StatusCode == http.StatusOK, nil
	})
}

// Update sets a resource's state: a repeat leaves the same state, and
// twice stays silent even at -confidence=low.
func (c *PoolClient) Update(name, state string) error {
	values := url.Values{"name": {name}, "state": {state}, "owner": {c.owner}}
	return retryPool(func() (bool, error) {
		resp, err := c.httpPost("/update", values)
		if err != nil {
			return false, nil
		}
		defer resp.Body.Close()
		return resp.StatusCode == http.StatusOK, nil
	})
}

// SubmitJob files a job in the pool's queue: every accepted POST is one
// more job, so a repeat after a lost answer queues it twice.
func (c *PoolClient) SubmitJob(kind string) error {
	values := url.Values{"kind": {kind}, "owner": {c.owner}}
	return retryPool(func() (bool, error) {
		resp, err := c.httpPost("/jobs", values) // check: a create (or a send only its path names); whether a repeat makes a second is the API's rule
		if err != nil {
			return false, nil
		}
		defer resp.Body.Close()
		return resp.StatusCode == http.StatusOK, nil
	})
}
