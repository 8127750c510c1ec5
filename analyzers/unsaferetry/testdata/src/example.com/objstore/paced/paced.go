// Package paced is an SDK core whose client only re-sends a request the
// server refused before acting on it (429 Too Many Requests); any other
// failure is returned to the caller.
package paced

import (
	"net/http"
	"time"

	"example.com/objstore/wire"
)

type Request struct {
	wire.Request
}

type Doer interface {
	Do(req *Request) (*http.Response, error)
}

type Client struct{ Wait time.Duration }

func (c *Client) Do(req *Request) (*http.Response, error) {
	for {
		resp, err := wire.Execute(&req.Request)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode != http.StatusTooManyRequests {
			return resp, nil
		}
		resp.Body.Close()
		time.Sleep(c.Wait)
	}
}

// AddMember posts through the refusal-only client: silent.
func AddMember(d Doer, team, user string) error {
	req := &Request{}
	req.SetMethod(http.MethodPost)
	req.SetPath("/v2/teams/" + team + "/members")
	req.SetBody([]byte(user))
	_, err := d.Do(req)
	return err
}
