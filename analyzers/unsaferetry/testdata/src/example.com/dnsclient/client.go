// Package dnsclient is a DNS client: a query is written to a UDP
// connection and the answer read back. Nothing is created on the server.
package dnsclient

import (
	"context"
	"net"
	"time"
)

type Msg struct {
	ID       uint16
	Question string
	Answers  []string
}

func (m *Msg) Pack() ([]byte, error) { return []byte(m.Question), nil }

type Client struct {
	Server  string
	Timeout time.Duration
}

// SendQuery sends q to the server and returns its answer.
func (c *Client) SendQuery(ctx context.Context, q *Msg) (*Msg, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "udp", c.Server)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	wire, err := q.Pack()
	if err != nil {
		return nil, err
	}
	if _, err := conn.Write(wire); err != nil {
		return nil, err
	}
	buf := make([]byte, 512)
	n, err := conn.Read(buf)
	if err != nil {
		return nil, err
	}
	return &Msg{ID: q.ID, Question: q.Question, Answers: []string{string(buf[:n])}}, nil
}

// QueryAppender is a resolver plugin that adds records to a query.
type QueryAppender interface {
	AppendQuery(ctx context.Context, b []byte) ([]byte, error)
}
