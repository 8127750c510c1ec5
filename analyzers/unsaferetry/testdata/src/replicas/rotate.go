package replicas

import (
	"context"
	"net/http"
)

// Voter is a member the cluster can hand its leadership to.
type Voter struct {
	ID   string
	Addr node
}

// handOver asks each other voter in turn, from the next one round the
// ring, to take the lead: every attempt asks a different voter, a walk
// over alternatives rather than a retry of one request.
func (c *Client) handOver(ctx context.Context, voters []Voter, me int) error {
	var err error
	for attempt := 0; attempt < len(voters)-1; attempt++ {
		idx := (me + 1 + attempt) % len(voters)
		target := voters[idx]
		_, err = c.once(ctx, http.MethodPost, c.nodeURL(target.Addr, "/lead/"+target.ID), nil)
		if err == nil {
			return nil
		}
	}
	return err
}

// executeRotating sends the same statement to the node the counter picks,
// round the ring: only the host changes, so a statement the first node
// executed is executed again.
func (c *Client) executeRotating(ctx context.Context, stmt []byte) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		n := c.nodes[attempt%len(c.nodes)]
		_, err = c.once(ctx, http.MethodPost, c.nodeURL(n, "/db/execute"), stmt) // want `POST /db/execute inside a retry loop runs again on every retry`
		if err == nil {
			return nil
		}
	}
	return err
}
