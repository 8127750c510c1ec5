package memberactions

import (
	"net/http"
	"net/url"
)

// LegacyClient sets its URL's path in one of two ways: the path is no
// longer one expression, so the message names no path, and nothing is
// judged from a path it cannot know.
type LegacyClient struct {
	baseURL *url.URL
	v1      bool
	http    *http.Client
}

func (c *LegacyClient) newRequest(method, path string) (*http.Request, error) {
	u := *c.baseURL
	if c.v1 {
		u.Path = "/v1/" + path
	} else {
		u.Path = "/v2/" + path
	}
	return http.NewRequest(method, u.String(), nil)
}

func (c *LegacyClient) do(req *http.Request) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		resp, err := c.http.Do(req)
		if err != nil || resp.StatusCode < 500 || attempt == 3 {
			return resp, err
		}
		resp.Body.Close()
	}
}

func (c *LegacyClient) ArchiveProject(id string) error {
	req, err := c.newRequest(http.MethodPost, "projects/"+id+"/archive")
	if err != nil {
		return err
	}
	_, err = c.do(req) // want `POST request is retried by LegacyClient\.do`
	return err
}
