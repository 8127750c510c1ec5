// Package accounting pushes journal entries to an external accounting
// API whose gateway sometimes answers oddly; the code looks at the answer
// and sometimes sends again.
package accounting

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

const (
	entriesURL  = "/api/v3/journal-entries"
	accountsURL = "/api/v3/accounts"
)

// Client is the accounting API client.
type Client struct {
	http    *http.Client
	baseURL string
	token   string
}

type envelope struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	ID      string `json:"id"`
}

func (c *Client) newPost(ctx context.Context, path string, body []byte) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	return req, nil
}

// PushEntry re-posts when the body cannot be decoded (the gateway's HTML
// error page after the backend booked the entry).
func (c *Client) PushEntry(ctx context.Context, body []byte) (string, error) {
	req, err := c.newPost(ctx, entriesURL, body)
	if err != nil {
		return "", err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var env envelope
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		again, err := c.newPost(ctx, entriesURL, body)
		if err != nil {
			return "", err
		}
		resp2, err := c.http.Do(again) // want `POST /api/v3/journal-entries is sent again after inspecting whether the response body could be decoded`
		if err != nil {
			return "", err
		}
		defer resp2.Body.Close()
		if err := json.NewDecoder(resp2.Body).Decode(&env); err != nil {
			return "", err
		}
	}
	return env.ID, nil
}

// PushEntryOn5xx re-posts on a gateway error.
func (c *Client) PushEntryOn5xx(ctx context.Context, body []byte) error {
	req, err := c.newPost(ctx, entriesURL, body)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusBadGateway, http.StatusGatewayTimeout:
		req, err = c.newPost(ctx, entriesURL, body)
		if err != nil {
			return err
		}
		resp, err = c.http.Do(req) // want `POST /api/v3/journal-entries is sent again after inspecting the response status`
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// PushEntryOnCode re-posts when the envelope's code is not 0.
func (c *Client) PushEntryOnCode(ctx context.Context, body []byte) error {
	req, err := c.newPost(ctx, entriesURL, body)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	var env envelope
	err = json.NewDecoder(resp.Body).Decode(&env)
	resp.Body.Close()
	if err != nil {
		return err
	}
	if env.Code != 0 {
		if req, err = c.newPost(ctx, entriesURL, body); err != nil {
			return err
		}
		if resp, err = c.http.Do(req); err != nil { // want `POST /api/v3/journal-entries is sent again after inspecting the response field env\.Code`
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// PushThenAccount posts the entry, then on 5xx posts to another endpoint
// (an incident record): a different operation.
func (c *Client) PushThenAccount(ctx context.Context, body []byte) error {
	req, err := c.newPost(ctx, entriesURL, body)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode >= 500 {
		inc, err := c.newPost(ctx, "/api/v3/incidents", []byte(`{"source":"journal"}`))
		if err != nil {
			return err
		}
		if resp, err = c.http.Do(inc); err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// RenameAccount PUTs again after a 5xx: idempotent.
func (c *Client) RenameAccount(ctx context.Context, id, name string) error {
	body := []byte(fmt.Sprintf(`{"name":%q}`, name))
	put := func() (*http.Response, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPut, c.baseURL+accountsURL+"/"+id, bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		return c.http.Do(req)
	}
	resp, err := put()
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode >= 500 {
		if resp, err = put(); err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// CloseAccount DELETEs again after a bad body: idempotent.
func (c *Client) CloseAccount(ctx context.Context, id string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, c.baseURL+accountsURL+"/"+id, nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !json.Valid(b) {
		if resp, err = c.http.Do(req); err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// PushViaProxy re-posts after 407 Proxy Authentication Required: the
// proxy refused before forwarding.
func (c *Client) PushViaProxy(ctx context.Context, body []byte) error {
	req, err := c.newPost(ctx, entriesURL, body)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusProxyAuthRequired {
		req, err = c.newPost(ctx, entriesURL, body)
		if err != nil {
			return err
		}
		req.Header.Set("Proxy-Authorization", "Basic Zm9vOmJhcg==")
		if resp, err = c.http.Do(req); err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// PushWithKey re-posts on 5xx with the same Idempotency-Key, created once.
func (c *Client) PushWithKey(ctx context.Context, entryID string, body []byte) error {
	key := "journal-" + entryID
	send := func() (*http.Response, error) {
		req, err := c.newPost(ctx, entriesURL, body)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Idempotency-Key", key)
		return c.http.Do(req)
	}
	resp, err := send()
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode >= 500 {
		if resp, err = send(); err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}
