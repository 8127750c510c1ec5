package doerclient

import (
	"net/http"
	"time"
)

// PoliteClient re-sends only what the server refused (429) or what never
// reached it: nothing executed is repeated, so its POSTs are silent.
type PoliteClient struct {
	doer Doer
}

func (c *PoliteClient) Do(req *http.Request) (*http.Response, error) {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.doer.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			resp.Body.Close()
			time.Sleep(time.Second)
			continue
		}
		return resp, nil
	}
	return nil, errTooMany
}

type refusal string

func (r refusal) Error() string { return string(r) }

const errTooMany = refusal("rate limited")

func (c *PoliteClient) Post(url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}
