// Package buckets is a client for an object-storage admin API: buckets are
// created and their settings changed with POSTs, each answered with the
// bucket as the server now has it. Some functions send the same request
// again after looking at the answer (reported); others send a different
// request to the same endpoint — another bucket, another setting, another
// ID — or go on only after the answer was judged good (silent).
package buckets

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// Client talks to the admin API.
type Client struct {
	hc    *http.Client
	base  string
	token string
}

// Bucket is a bucket's settings; Update sends all of them.
type Bucket struct {
	c          *Client
	Name       string `json:"bucketName"`
	Encryption string `json:"encryption,omitempty"`
	Versioning bool   `json:"versioning"`
	Lifecycle  []Rule `json:"lifecycleRules,omitempty"`
}

// Rule is a lifecycle rule.
type Rule struct {
	Prefix string `json:"prefix"`
	Days   int    `json:"days"`
}

type answer struct {
	Code   int    `json:"code"`
	Bucket Bucket `json:"bucket"`
}

var errRejected = errors.New("buckets: request rejected")

func (c *Client) post(ctx context.Context, path string, in any) (*answer, error) {
	body, err := json.Marshal(in)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out answer
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Create creates a bucket.
func (c *Client) Create(ctx context.Context, name string, rules []Rule) (*answer, error) {
	return c.post(ctx, "/v1/buckets/create", Bucket{Name: name, Lifecycle: rules})
}

// Update sends the bucket's settings.
func (b *Bucket) Update(ctx context.Context) (*Bucket, error) {
	out, err := b.c.post(ctx, "/v1/buckets/update", b)
	if err != nil {
		return nil, err
	}
	return &out.Bucket, nil
}

func (c *Client) login(ctx context.Context) error { return nil }

// EnsureEncrypted turns encryption on and, when the answer does not show
// it, sends the very same bucket again. Update assigns the bucket's whole
// settings: sent twice, it leaves them as sent once (silent).
func EnsureEncrypted(ctx context.Context, b *Bucket) error {
	b.Encryption = "AES256"
	got, err := b.Update(ctx)
	if err != nil {
		return err
	}
	if got.Encryption == "" {
		_, err = b.Update(ctx)
	}
	return err
}

// EncryptOrVersion falls back to versioning when the server ignored the
// encryption: the second update sends a changed bucket, another request.
func EncryptOrVersion(ctx context.Context, b *Bucket) error {
	b.Encryption = "AES256"
	got, err := b.Update(ctx)
	if err != nil {
		return err
	}
	if got.Encryption == "" {
		b.Encryption = ""
		b.Versioning = true
		_, err = b.Update(ctx)
	}
	return err
}

// CreatePair creates a bucket and, when the answer carries an error code,
// its replica under another name: two buckets, nothing created twice.
func (c *Client) CreatePair(ctx context.Context, primary, replica string) error {
	out, err := c.Create(ctx, primary, nil)
	if err != nil {
		return err
	}
	if out.Code != 0 {
		_, err = c.Create(ctx, replica, nil)
	}
	return err
}

// CreateAgain logs in and creates the same bucket again when the answer
// carries an error code: the token lives on the client, so the request is
// the same, and the bucket may now exist twice.
func (c *Client) CreateAgain(ctx context.Context, name string, rules []Rule) error {
	out, err := c.Create(ctx, name, rules)
	if err != nil {
		return err
	}
	if out.Code != 0 {
		c.token = ""
		if err := c.login(ctx); err != nil {
			return err
		}
		_, err = c.Create(ctx, name, rules) // want `Client.Create \(.*/v1/buckets/create.*\) is sent again after inspecting the response field out.Code`
	}
	return err
}

// CreateStaging creates a bucket under a name derived from a constant, and
// on an error code a second one under another constant suffix.
func (c *Client) CreateStaging(ctx context.Context, project string) error {
	name := project + "-logs"
	out, err := c.Create(ctx, name, nil)
	if err != nil {
		return err
	}
	if out.Code != 0 {
		fallback := project + "-logs-eu"
		_, err = c.Create(ctx, fallback, nil)
	}
	return err
}

// CreateSameName builds the name twice from the same parts: one bucket,
// sent twice.
func (c *Client) CreateSameName(ctx context.Context, project string) error {
	name := project + "-logs"
	out, err := c.Create(ctx, name, nil)
	if err != nil {
		return err
	}
	if out.Code != 0 {
		again := project + "-logs"
		_, err = c.Create(ctx, again, nil) // want `Client.Create .* is sent again after inspecting the response field out.Code`
	}
	return err
}

// Archive posts one literal payload and, on an error code, a literal with
// another rule: two different requests.
func (c *Client) Archive(ctx context.Context, name string) error {
	out, err := c.post(ctx, "/v1/buckets/rules", Bucket{Name: name, Lifecycle: []Rule{{Prefix: "logs/", Days: 30}}})
	if err != nil {
		return err
	}
	if out.Code != 0 {
		_, err = c.post(ctx, "/v1/buckets/rules", Bucket{Name: name, Lifecycle: []Rule{{Prefix: "logs/", Days: 90}}})
	}
	return err
}

// ArchiveAgain posts the same literal payload twice.
func (c *Client) ArchiveAgain(ctx context.Context, name string) error {
	out, err := c.post(ctx, "/v1/buckets/rules", Bucket{Name: name, Lifecycle: []Rule{{Prefix: "logs/", Days: 30}}})
	if err != nil {
		return err
	}
	if out.Code != 0 {
		_, err = c.post(ctx, "/v1/buckets/rules", Bucket{Name: name, Lifecycle: []Rule{{Prefix: "logs/", Days: 30}}}) // want `POST .*/v1/buckets/rules.* is sent again after inspecting the response field out.Code`
	}
	return err
}

// Resize posts a new size and, after a 5xx, a clone of the same request
// with a fresh token: the same request.
func (c *Client) Resize(ctx context.Context, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/buckets/resize", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode >= 500 {
		retry := req.Clone(ctx)
		retry.Header["Authorization"] = []string{"Bearer " + c.token}
		resp, err = c.hc.Do(retry) // want `POST .*/v1/buckets/resize is sent again after inspecting the response status \(5xx\)`
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// Rename posts a rename and, after a 5xx, posts the same request again
// with its body set anew (the first send consumed it): the same request,
// but a rename assigns a name: a second one finds it done (silent).
func (c *Client) Rename(ctx context.Context, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/buckets/rename", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode >= 500 {
		req.Body = io.NopCloser(bytes.NewReader(body))
		req.ContentLength = int64(len(body))
		resp, err = c.hc.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// Copy posts a copy and, after a 5xx, posts the same request again with
// its body set anew (the first send consumed it): the same request, and a
// second copy.
func (c *Client) Copy(ctx context.Context, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/buckets/copy", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode >= 500 {
		req.Body = io.NopCloser(bytes.NewReader(body))
		req.ContentLength = int64(len(body))
		resp, err = c.hc.Do(req) // want `POST .*/v1/buckets/copy is sent again after inspecting the response status \(5xx\)`
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// Move posts one payload and, after a 5xx, the payload that undoes it, to
// the same endpoint: two requests.
func (c *Client) Move(ctx context.Context, forward, undo []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/buckets/move", bytes.NewReader(forward))
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode >= 500 {
		back, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/buckets/move", bytes.NewReader(undo))
		if err != nil {
			return err
		}
		resp, err = c.hc.Do(back)
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// ConfirmThenMirror gives up with an error unless the answer carries a
// bucket name, and only then sends the same settings to the mirror
// endpoint path it was given: control reaches the second send only after
// the first answer was judged good.
func (c *Client) ConfirmThenMirror(ctx context.Context, b Bucket) error {
	out, err := c.post(ctx, "/v1/buckets/update", b)
	if err != nil {
		return err
	}
	if out.Bucket.Name == "" {
		return fmt.Errorf("buckets: update %s: %w", b.Name, errRejected)
	}
	_, err = c.post(ctx, "/v1/buckets/update", b)
	return err
}

// UpdateUntilNamed leaves when the answer carries the bucket name and
// sends the same settings again otherwise: a re-send, but of settings
// assigned whole (silent).
func (c *Client) UpdateUntilNamed(ctx context.Context, b Bucket) error {
	out, err := c.post(ctx, "/v1/buckets/update", b)
	if err != nil {
		return err
	}
	if out.Bucket.Name != "" {
		return nil
	}
	_, err = c.post(ctx, "/v1/buckets/update", b)
	return err
}

// CreateUntilNamed leaves when the answer carries the bucket name and
// creates again otherwise: the leaving branch is the good answer, so the
// second send is a re-send.
func (c *Client) CreateUntilNamed(ctx context.Context, b Bucket) error {
	out, err := c.post(ctx, "/v1/buckets/create", b)
	if err != nil {
		return err
	}
	if out.Bucket.Name != "" {
		return nil
	}
	_, err = c.post(ctx, "/v1/buckets/create", b) // want `POST .*/v1/buckets/create.* is sent again after inspecting the response field out.Bucket.Name`
	return err
}
