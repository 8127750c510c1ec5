package loops

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"time"
)

// A client of a replicated store that knows every node of the cluster.
// When a node does not answer, the same statement goes to the next one: if
// the first node executed it and only the reply was lost, the cluster
// executes it twice. Loops that send something different to each element
// (its ID, its path, its payload) are walks over distinct items.

type node string

type replica struct {
	addr    string
	port    string
	timeout time.Duration
}

type Cluster struct {
	https    bool
	nodes    []node
	replicas []replica
	hosts    []string
}

var errAllNodesFailed = errors.New("every node failed")

func (c *Cluster) writeTo(ctx context.Context, method, rawURL string, body []byte) ([]byte, error) {
	return nil, nil
}
func (c *Cluster) writeStatement(ctx context.Context, n node, stmt string) error { return nil }
func (c *Cluster) writeReq(r *request) error                                     { return nil }

// endpoint builds the URL of an API operation on one node: the node is the
// host only.
func (c *Cluster) endpoint(n node, path string) string {
	u := url.URL{Host: string(n), Path: path}
	u.Scheme = "http"
	if c.https {
		u.Scheme = "https"
	}
	return u.String()
}

type request struct {
	method, url string
	body        []byte
}

// newRequest puts host after the scheme and the path after it.
func newRequest(method, host, path string, body []byte) (*request, error) {
	return &request{method: method, url: "https://" + host + path, body: body}, nil
}

// itemURL puts the element in the path: a different resource each time.
func itemURL(id string) string {
	u := url.URL{Scheme: "https", Host: "api.example.com", Path: "/items/" + id}
	return u.String()
}

// Execute tries each node in turn with the same statement.
func (c *Cluster) Execute(ctx context.Context, method string, body []byte) ([]byte, error) {
	for _, n := range c.nodes {
		u := c.endpoint(n, "/db/execute")
		resp, err := c.writeTo(ctx, method, u, body) // want "retried by a retry loop"
		if err != nil {
			continue
		}
		return resp, nil
	}
	return nil, errAllNodesFailed
}

// Concat builds the URL inline, and gives each replica its own timeout.
func (c *Cluster) Concat(ctx context.Context, body []byte) error {
	for _, r := range c.replicas {
		attemptCtx, cancel := context.WithTimeout(ctx, r.timeout)
		_, err := c.writeTo(attemptCtx, "POST", "https://"+net.JoinHostPort(r.addr, r.port)+"/v1/orders", body) // want "retried by a retry loop"
		cancel()
		if err == nil {
			return nil
		}
	}
	return errAllNodesFailed
}

// Format puts the host in a format after the scheme; the loop counts.
func (c *Cluster) Format(ctx context.Context, body []byte) error {
	for i := 0; i < len(c.hosts); i++ {
		if _, err := c.writeTo(ctx, "POST", fmt.Sprintf("http://%s/v1/events", c.hosts[i]), body); err == nil { // want "retried by a retry loop"
			return nil
		}
	}
	return errAllNodesFailed
}

// Builder goes through a request builder that takes the host.
func (c *Cluster) Builder(ctx context.Context, method, path string, body []byte) error {
	for _, r := range c.replicas {
		req, err := newRequest(method, r.addr, path, body)
		if err != nil {
			return err
		}
		if err := c.writeReq(req); err == nil { // want "retried by a retry loop"
			return nil
		}
	}
	return errAllNodesFailed
}

// Not retries.

// ByID sends each element's own resource: the element is in the path.
func (c *Cluster) ByID(ctx context.Context, ids []string, body []byte) error {
	for _, id := range ids {
		if _, err := c.writeTo(ctx, "POST", itemURL(id), body); err == nil {
			return nil
		}
	}
	return errAllNodesFailed
}

// ByPath formats the element into the path after a fixed host.
func (c *Cluster) ByPath(ctx context.Context, ids []string, body []byte) error {
	for _, id := range ids {
		if _, err := c.writeTo(ctx, "POST", fmt.Sprintf("https://api.example.com/%s/run", id), body); err == nil {
			return nil
		}
	}
	return errAllNodesFailed
}

// RelativePath: a leading element without a scheme is a path segment for a
// client with a base URL, not a host.
func (c *Cluster) RelativePath(ctx context.Context, repos []string, body []byte) error {
	for _, repo := range repos {
		if _, err := c.writeTo(ctx, "POST", repo+"/issues", body); err == nil {
			return nil
		}
	}
	return errAllNodesFailed
}

// WholeURL: each element is a whole URL of its own (subscriber endpoints),
// not a peer of one service.
func (c *Cluster) WholeURL(ctx context.Context, hooks []string, body []byte) error {
	for _, h := range hooks {
		if _, err := c.writeTo(ctx, "POST", h, body); err == nil {
			return nil
		}
	}
	return errAllNodesFailed
}

// PerNodePayload: the element is also in the payload.
func (c *Cluster) PerNodePayload(ctx context.Context) error {
	for _, n := range c.nodes {
		body := []byte("register " + string(n))
		if _, err := c.writeTo(ctx, "POST", c.endpoint(n, "/register"), body); err == nil {
			return nil
		}
	}
	return errAllNodesFailed
}

// Receiver: the element is the statement's target, not a URL host.
func (c *Cluster) Receiver(ctx context.Context, stmt string) error {
	for _, n := range c.nodes {
		if err := c.writeStatement(ctx, n, stmt); err == nil {
			return nil
		}
	}
	return errAllNodesFailed
}

// Broadcast sends to every node and does not stop at a success.
func (c *Cluster) Broadcast(ctx context.Context, body []byte) {
	for _, n := range c.nodes {
		if _, err := c.writeTo(ctx, "POST", c.endpoint(n, "/db/execute"), body); err != nil {
			continue
		}
	}
}
