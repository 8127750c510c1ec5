// Package replicas is the client of a replicated SQL store reached over
// HTTP. It knows every node of the cluster and, when one does not answer,
// sends the same request to the next: a statement the first node executed
// before its reply was lost is executed again. Reads sent the same way,
// and loops that give each element its own request, are not reported.
package replicas

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
)

type node string

type Client struct {
	hc    *http.Client
	nodes []node
}

// nodeURL puts the node in the host of the URL; the path is the same for
// every node.
func (c *Client) nodeURL(n node, path string) string {
	u := url.URL{Scheme: "http", Host: string(n), Path: path}
	return u.String()
}

// call sends one request to each node in turn until one answers.
func (c *Client) call(ctx context.Context, method, path string, body []byte) ([]byte, error) {
	var failures []error
	for _, n := range c.nodes {
		out, err := c.once(ctx, method, c.nodeURL(n, path), body)
		if err != nil {
			failures = append(failures, err)
			continue
		}
		return out, nil
	}
	return nil, errors.Join(failures...)
}

func (c *Client) once(ctx context.Context, method, u string, body []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, u, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("node answered %s", resp.Status)
	}
	return io.ReadAll(resp.Body)
}

// Execute runs write statements.
func (c *Client) Execute(ctx context.Context, stmts []string) error {
	body, err := json.Marshal(stmts)
	if err != nil {
		return err
	}
	_, err = c.call(ctx, http.MethodPost, "/db/execute", body) // want `POST /db/execute is retried by Client\.call, which sends it again inside a retry loop; the request can be applied twice`
	return err
}

// Status is a read sent the same way.
func (c *Client) Status(ctx context.Context) ([]byte, error) {
	return c.call(ctx, http.MethodGet, "/status", nil)
}

// Join registers with each node in turn; the node is in the path of the
// request, so each attempt asks a different thing.
func (c *Client) Join(ctx context.Context, self string) error {
	for _, n := range c.nodes {
		if _, err := c.once(ctx, http.MethodPost, "http://seed.internal/join/"+string(n), []byte(self)); err == nil {
			return nil
		}
	}
	return errors.New("no node accepted the join")
}
