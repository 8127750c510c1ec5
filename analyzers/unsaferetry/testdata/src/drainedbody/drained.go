// Package drainedbody posts events with hand-written retry loops. A
// request rebuilt in each attempt around a reader made once before the
// loop has an empty body after the first read: the write is sent whole
// only once. A request built once and sent again is re-sent whole
// (http.NewRequest gives it a GetBody), and so is one rebuilt around a
// reader made, seeked or refilled in each attempt.
package drainedbody

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/avast/retry-go/v4"
)

type Client struct {
	http *http.Client
	url  string
}

// Built once before the loop: GetBody gives every Do the whole body again.
func (c *Client) PostOnce(ctx context.Context, payload []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url+"/events", bytes.NewReader(payload))
	if err != nil {
		return err
	}
	for i := 0; i < 3; i++ {
		resp, err := c.http.Do(req) // want `POST /events inside a retry loop runs again on every retry`
		if err == nil {
			return resp.Body.Close()
		}
		time.Sleep(time.Second)
	}
	return nil
}

// The same through a copy made with the attempt's context: the copy keeps
// the GetBody.
func (c *Client) PostOnceWithContext(ctx context.Context, payload string) error {
	req, err := http.NewRequest(http.MethodPost, c.url+"/events", strings.NewReader(payload))
	if err != nil {
		return err
	}
	for i := 0; i < 3; i++ {
		resp, err := c.http.Do(req.WithContext(ctx)) // want `POST /events inside a retry loop runs again on every retry`
		if err == nil {
			return resp.Body.Close()
		}
	}
	return nil
}

// Rewinding the body with GetBody makes every attempt a full re-send.
func (c *Client) PostRewound(ctx context.Context, payload []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url+"/events", bytes.NewReader(payload))
	if err != nil {
		return err
	}
	for i := 0; i < 3; i++ {
		if i > 0 {
			body, err := req.GetBody()
			if err != nil {
				return err
			}
			req.Body = body
		}
		resp, err := c.http.Do(req) // want `POST /events inside a retry loop runs again on every retry`
		if err == nil {
			return resp.Body.Close()
		}
	}
	return nil
}

// A new request on each attempt re-sends the whole write.
func (c *Client) PostRebuilt(ctx context.Context, payload []byte) error {
	for i := 0; i < 3; i++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url+"/events", bytes.NewReader(payload))
		if err != nil {
			return err
		}
		resp, err := c.http.Do(req) // want `POST /events inside a retry loop runs again on every retry`
		if err == nil {
			return resp.Body.Close()
		}
	}
	return nil
}

// A POST with no body is re-sent whole.
func (c *Client) PostEmpty(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url+"/events/replay", nil)
	if err != nil {
		return err
	}
	for i := 0; i < 3; i++ {
		resp, err := c.http.Do(req) // want `POST /events/replay inside a retry loop runs again on every retry`
		if err == nil {
			return resp.Body.Close()
		}
	}
	return nil
}

// A body twice cannot see may be nil or rewind itself: reported.
func (c *Client) PostReader(ctx context.Context, body io.Reader) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url+"/events", body)
	if err != nil {
		return err
	}
	for i := 0; i < 3; i++ {
		resp, err := c.http.Do(req) // want `POST /events inside a retry loop runs again on every retry`
		if err == nil {
			return resp.Body.Close()
		}
	}
	return nil
}

// A buffer filled before the loop: NewRequest's GetBody keeps its bytes.
func (c *Client) PostEncoded(ctx context.Context, ev any) error {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(ev); err != nil {
		return err
	}
	body := &buf
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url+"/events", body)
	if err != nil {
		return err
	}
	return retry.Do(func() error {
		resp, err := c.http.Do(req) // want `POST /events inside retry\.Do \(avast/retry-go\) runs again on every retry`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// Seeking the reader back to its start before each attempt re-sends it.
func (c *Client) PostSeeked(ctx context.Context, payload []byte) error {
	r := bytes.NewReader(payload)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url+"/events", r)
	if err != nil {
		return err
	}
	return retry.Do(func() error {
		if _, err := r.Seek(0, io.SeekStart); err != nil {
			return err
		}
		resp, err := c.http.Do(req) // want `POST /events inside retry\.Do \(avast/retry-go\) runs again on every retry`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// A request built in each attempt around a reader made before the loop:
// after the first read the server is sent an empty body, not the write.
func (c *Client) PostSharedReader(ctx context.Context, payload []byte) error {
	body := bytes.NewBuffer(payload)
	for i := 0; i < 3; i++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url+"/events", body)
		if err != nil {
			return err
		}
		resp, err := c.http.Do(req)
		if err == nil {
			return resp.Body.Close()
		}
	}
	return nil
}

// The same, with the reader made again in each attempt: a full re-send.
func (c *Client) PostFreshReader(ctx context.Context, payload []byte) error {
	for i := 0; i < 3; i++ {
		body := bytes.NewBuffer(payload)
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url+"/events", body)
		if err != nil {
			return err
		}
		resp, err := c.http.Do(req) // want `POST /events inside a retry loop runs again on every retry`
		if err == nil {
			return resp.Body.Close()
		}
	}
	return nil
}

// Refilling the buffer behind the body before each attempt re-sends it.
func (c *Client) PostRefilled(ctx context.Context, ev any) error {
	var buf bytes.Buffer
	body := &buf
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url+"/events", body)
	if err != nil {
		return err
	}
	return retry.Do(func() error {
		buf.Reset()
		if err := json.NewEncoder(&buf).Encode(ev); err != nil {
			return err
		}
		resp, err := c.http.Do(req) // want `POST /events inside retry\.Do \(avast/retry-go\) runs again on every retry`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}
