package purposes

import (
	"bytes"
	"context"
	"net/http"
)

// Hook posts to the endpoint its configuration names: twice cannot see
// the path, so only the Go names say what each request is for.
type Hook struct {
	hc       *http.Client
	endpoint string
}

// ImportPipeline: only its name says create, and an import is often
// refused or overwritten when repeated under the same name: a check.
func (h *Hook) ImportPipeline(ctx context.Context, content []byte) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, h.endpoint, bytes.NewReader(content))
		var resp *http.Response
		if resp, err = h.hc.Do(req); err == nil { // check: pathless create named by Go alone
			resp.Body.Close()
			return nil
		}
	}
	return err
}

// DeliverEvent: a send to a configured URL (a webhook) is delivered
// again by each repeat: reported.
func (h *Hook) DeliverEvent(ctx context.Context, event []byte) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, h.endpoint, bytes.NewReader(event))
		var resp *http.Response
		if resp, err = h.hc.Do(req); err == nil { // want `POST request inside a retry loop runs again on every retry`
			resp.Body.Close()
			return nil
		}
	}
	return err
}
