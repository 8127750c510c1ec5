package genericchain

import (
	"context"
	"net/http"
	"time"
)

// politeHandler re-sends a copy only after a 429: the refused request was
// not executed, so a POST through it is silent.
type politeHandler struct{ next *httpHandler }

func (h *politeHandler) Do(req *http.Request, v any) (*http.Response, error) {
	for {
		attempt, err := copyRequest(req, req.Context())
		if err != nil {
			return nil, err
		}
		resp, err := h.next.Do(attempt, v)
		if resp != nil && resp.StatusCode == http.StatusTooManyRequests {
			time.Sleep(time.Second)
			continue
		}
		return resp, err
	}
}

// PoliteClient sends through the 429-only handler.
type PoliteClient struct{ h *politeHandler }

func (c *PoliteClient) CreateTag(ctx context.Context, name string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://api.example.com/tags?name="+name, nil)
	if err != nil {
		return err
	}
	_, err = c.h.Do(req, nil)
	return err
}
