// Package rpcops is a JSON-RPC client: every operation is POSTed to one
// endpoint, the operation named by a string the caller passes.
package rpcops

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"sync/atomic"

	"github.com/avast/retry-go/v4"
)

type request struct {
	JSONRPC string `json:"jsonrpc"`
	ID      int64  `json:"id"`
	Method  string `json:"method"`
	Params  any    `json:"params"`
}

type Client struct {
	url  string
	http *http.Client
	id   atomic.Int64
}

func (c *Client) call(ctx context.Context, method string, params, out any) error {
	body, err := json.Marshal(request{JSONRPC: "2.0", ID: c.id.Add(1), Method: method, Params: params})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

// CallContext passes its operation on to call.
func (c *Client) CallContext(ctx context.Context, out any, method string, args ...any) error {
	return c.call(ctx, method, args, out)
}

// invoke speaks a net/rpc-style codec over HTTP: "Service.Method".
func (c *Client) invoke(ctx context.Context, op string, args any) error {
	body, err := json.Marshal(map[string]any{"method": op, "params": []any{args}, "id": c.id.Add(1)})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, "POST", c.url+"/rpc", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

const methodBlockByNumber = "eth_getBlockByNumber"

type Watcher struct{ c *Client }

func (w *Watcher) Poll(ctx context.Context) error {
	var blk map[string]any
	return retry.Do(func() error {
		if err := w.c.call(ctx, methodBlockByNumber, []any{"latest", false}, &blk); err != nil {
			return err
		}
		if err := w.c.CallContext(ctx, &blk, "abci_query", "/store/acc/key"); err != nil {
			return err
		}
		return w.c.invoke(ctx, "Users.List", nil)
	})
}

func (w *Watcher) Broadcast(ctx context.Context, tx string) error {
	return retry.Do(func() error {
		return w.c.call(ctx, "eth_sendRawTransaction", []any{tx}, nil) // want `Client\.call \(POST request\) inside retry\.Do`
	})
}

func (w *Watcher) Onboard(ctx context.Context, email string) error {
	return retry.Do(func() error {
		return w.c.invoke(ctx, "Users.Create", map[string]string{"email": email}) // want `Client\.invoke \(POST /rpc\) inside retry\.Do`
	})
}

// Forward cannot know which operation its caller asks for.
func (w *Watcher) Forward(ctx context.Context, method string, params []any) error {
	return retry.Do(func() error {
		return w.c.CallContext(ctx, nil, method, params...) // want `Client\.CallContext \(POST request\) inside retry\.Do`
	})
}

// Node builds its message in a constructor and sends it in another
// method: the operation reaches the POST through newMessage's literal.
type Node struct {
	url  string
	http *http.Client
}

type message struct {
	Version string          `json:"jsonrpc"`
	Method  string          `json:"method"`
	Params  json.RawMessage `json:"params,omitempty"`
}

func (n *Node) newMessage(method string, args ...any) (*message, error) {
	msg := &message{Version: "2.0", Method: method}
	var err error
	msg.Params, err = json.Marshal(args)
	return msg, err
}

func (n *Node) sendHTTP(ctx context.Context, msg *message) error {
	body, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := n.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (n *Node) Call(ctx context.Context, method string, args ...any) error {
	msg, err := n.newMessage(method, args...)
	if err != nil {
		return err
	}
	return n.sendHTTP(ctx, msg)
}

func Height(ctx context.Context, n *Node) error {
	return retry.Do(func() error { return n.Call(ctx, "platform.getHeight") })
}

func Issue(ctx context.Context, n *Node, tx string) error {
	return retry.Do(func() error {
		return n.Call(ctx, "platform.issueTx", tx) // want `Node\.Call \(POST request\) inside retry\.Do`
	})
}
