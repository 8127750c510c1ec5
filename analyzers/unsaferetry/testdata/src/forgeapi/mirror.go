package forgeapi

import (
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

// Mirror pushes to a mirror with a client whose policy is always the
// caller's: the constructor, not an option, installs it, so whether a
// POST is re-sent is unknown here and nothing is reported.
type Mirror struct {
	rc  *retryablehttp.Client
	url string
}

func NewMirror(check retryablehttp.CheckRetry) *Mirror {
	m := &Mirror{rc: retryablehttp.NewClient(), url: "https://mirror.example.com/"}
	m.rc.CheckRetry = check
	return m
}

func (m *Mirror) send(req *retryablehttp.Request) (*http.Response, error) {
	return m.rc.Do(req)
}

func (m *Mirror) Push(ref string) error {
	req, err := retryablehttp.NewRequest(http.MethodPost, m.url+"push", map[string]string{"ref": ref})
	if err != nil {
		return err
	}
	resp, err := m.send(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
