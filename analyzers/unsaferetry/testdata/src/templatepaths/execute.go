package templatepaths

import (
	"context"
	"net/http"
)

// The generator names each operation's send <Operation>Execute and may
// take the path from a server-variables table twice cannot read: the
// operation's name decides. A read stays silent whatever suffix the
// generator adds; a create is reported.

type pathTable map[string]string

func (c *APIClient) ReadTuplesExecute(ctx context.Context, paths pathTable) error {
	for i := 0; i <= c.maxRetry; i++ {
		req, err := c.prepareRequest(ctx, paths["read"], http.MethodPost)
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

func (c *APIClient) CreateStoreExecute(ctx context.Context, paths pathTable) error {
	for i := 0; i <= c.maxRetry; i++ {
		req, err := c.prepareRequest(ctx, paths["stores"], http.MethodPost)
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
