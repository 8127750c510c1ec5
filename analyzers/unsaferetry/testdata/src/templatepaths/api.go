// Package templatepaths is a REST client in the shape OpenAPI Generator
// writes: each operation starts from its path template, substitutes the
// parameters into the same variable with strings.Replace, and sends in a
// loop that goes round on a 5xx while attempts are left
// (`status >= 500 && i < maxRetry`: the bound does not change what the
// loop goes round on). The path decides what the POST is:
// an authorization check or a listing reads, a create or a write adds.
package templatepaths

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

type APIClient struct {
	base     string
	http     *http.Client
	maxRetry int
}

const defaultMaxRetry = 3

func NewAPIClient(base string) *APIClient {
	return &APIClient{base: base, http: http.DefaultClient, maxRetry: defaultMaxRetry}
}

func (c *APIClient) prepareRequest(ctx context.Context, path, method string) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, method, c.base+path, nil)
}

// Check asks whether a user may do something: a read sent as POST.
func (c *APIClient) Check(ctx context.Context, storeID string) error {
	localVarHTTPMethod := http.MethodPost
	localVarPath := "/stores/{store_id}/check"
	localVarPath = strings.Replace(localVarPath, "{"+"store_id"+"}", url.PathEscape(storeID), -1)
	for i := 0; i <= c.maxRetry; i++ {
		req, err := c.prepareRequest(ctx, localVarPath, localVarHTTPMethod)
		if err != nil {
			return err
		}
		resp, err := c.http.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode >= http.StatusInternalServerError && i < c.maxRetry {
			continue
		}
		return nil
	}
	return nil
}

// ListObjects lists what a user may access: a read.
func (c *APIClient) ListObjects(ctx context.Context, storeID string) error {
	localVarPath := "/stores/{store_id}/list-objects"
	localVarPath = strings.ReplaceAll(localVarPath, "{store_id}", url.PathEscape(storeID))
	for i := 0; i <= c.maxRetry; i++ {
		req, err := c.prepareRequest(ctx, localVarPath, http.MethodPost)
		if err != nil {
			return err
		}
		resp, err := c.http.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode >= http.StatusInternalServerError && i < c.maxRetry {
			continue
		}
		return nil
	}
	return nil
}

// WriteModel stores a new model with a new id each time.
func (c *APIClient) WriteModel(ctx context.Context, storeID string) error {
	localVarPath := "/stores/{store_id}/authorization-models"
	localVarPath = strings.Replace(localVarPath, "{"+"store_id"+"}", url.PathEscape(storeID), -1)
	for i := 0; i <= c.maxRetry; i++ {
		req, err := c.prepareRequest(ctx, localVarPath, http.MethodPost)
		if err != nil {
			return err
		}
		resp, err := c.http.Do(req) // want `POST /stores/\{…\}/authorization-models inside a retry loop`
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode >= http.StatusInternalServerError && i < c.maxRetry {
			continue
		}
		return nil
	}
	return nil
}

// GetStore reads.
func (c *APIClient) GetStore(ctx context.Context, storeID string) error {
	localVarPath := "/stores/{store_id}"
	localVarPath = strings.Replace(localVarPath, "{"+"store_id"+"}", url.PathEscape(storeID), -1)
	for i := 0; i <= c.maxRetry; i++ {
		req, err := c.prepareRequest(ctx, localVarPath, http.MethodGet)
		if err != nil {
			return err
		}
		resp, err := c.http.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode >= http.StatusInternalServerError && i < c.maxRetry {
			continue
		}
		return nil
	}
	return nil
}

// CloneStore builds its path from two templates: the path is not one
// template filled in place, so it stays unknown (reported without a path).
func (c *APIClient) CloneStore(ctx context.Context, storeID string, v2 bool) error {
	p := "/stores/{store_id}/clone"
	if v2 {
		p = "/v2/stores/{store_id}/clone"
	}
	p = strings.Replace(p, "{store_id}", storeID, -1)
	for i := 0; i <= c.maxRetry; i++ {
		req, err := c.prepareRequest(ctx, p, http.MethodPost)
		if err != nil {
			return err
		}
		resp, err := c.http.Do(req) // want `POST request inside a retry loop`
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode >= http.StatusInternalServerError && i < c.maxRetry {
			continue
		}
		return nil
	}
	return nil
}

// Import queues an import; its loop skips the status the server never
// retries (501) in the same test as the 5xx: `>= 500 && != 501`.
func (c *APIClient) Import(ctx context.Context, storeID string) error {
	for i := 0; i <= c.maxRetry; i++ {
		req, err := c.prepareRequest(ctx, "/stores/"+url.PathEscape(storeID)+"/imports", http.MethodPost)
		if err != nil {
			return err
		}
		resp, err := c.http.Do(req) // want `POST /stores/\{…\}/imports inside a retry loop`
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode >= http.StatusInternalServerError && resp.StatusCode != http.StatusNotImplemented {
			continue
		}
		return nil
	}
	return nil
}

// Retire goes round only on 409 or 429: refusals, never a repeated write.
func (c *APIClient) Retire(ctx context.Context, storeID string) error {
	for i := 0; i <= c.maxRetry; i++ {
		req, err := c.prepareRequest(ctx, "/stores/"+url.PathEscape(storeID)+"/retirements", http.MethodPost)
		if err != nil {
			return err
		}
		resp, err := c.http.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode >= http.StatusConflict && resp.StatusCode != http.StatusGone && resp.StatusCode <= http.StatusTooManyRequests {
			continue
		}
		return nil
	}
	return nil
}
