// Package lsptest is a minimal LSP client for tests: it drives a language
// server over a pair of streams as an editor would, answers the server's
// own requests, and records every notification.
package lsptest

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"sync"
	"time"

	"github.com/twice-lint/twice/internal/jsonrpc"
)

// A hang guard, not a speed check: every wait is bounded so that a server
// that never answers fails the test instead of hanging it. The bound is
// taken from the test's own -timeout (WaitBound), because a fixed one fails
// a slow but correct server on a loaded CI machine (the race detector on
// two shared cores made a 2-minute bound too short).

// noDeadlineWait bounds waits when the test binary runs without -timeout.
const noDeadlineWait = 10 * time.Minute

// reportMargin is left before the test's deadline so that a timed-out wait
// is reported by the test, with its context, rather than by the test
// binary's panic.
const reportMargin = 30 * time.Second

// WaitBound is how long a client's waits may take in test t (a
// *testing.T, or a testing.TB holding one): until shortly before t's
// deadline, or noDeadlineWait without one.
func WaitBound(t any) time.Duration {
	dt, ok := t.(interface{ Deadline() (time.Time, bool) })
	if !ok {
		return noDeadlineWait
	}
	d, ok := dt.Deadline()
	if !ok {
		return noDeadlineWait
	}
	return max(time.Until(d)-reportMargin, time.Second)
}

// Position, Range, Location and Diagnostic mirror the LSP types.
type Position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

// Range is an LSP range.
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// Location is an LSP location.
type Location struct {
	URI   string `json:"uri"`
	Range Range  `json:"range"`
}

// Diagnostic is an LSP diagnostic.
type Diagnostic struct {
	Range           Range  `json:"range"`
	Severity        int    `json:"severity"`
	Code            string `json:"code"`
	CodeDescription *struct {
		Href string `json:"href"`
	} `json:"codeDescription"`
	Source             string    `json:"source"`
	Message            string    `json:"message"`
	RelatedInformation []Related `json:"relatedInformation"`
}

// Related is an LSP DiagnosticRelatedInformation.
type Related struct {
	Location Location `json:"location"`
	Message  string   `json:"message"`
}

// Notification is a notification the server sent.
type Notification struct {
	Method string
	Params json.RawMessage
}

// Client is connected to one server.
type Client struct {
	w *jsonrpc.Writer

	mu       sync.Mutex
	cond     *sync.Cond
	nextID   int
	pending  map[string]chan *jsonrpc.Message
	notes    []Notification // notifications from index base on
	base     int
	requests []string // methods of the server's requests, in order
	readErr  error    // why reading stopped
	wait     time.Duration
}

// New starts reading the server's output (fromServer) and writes to its
// input (toServer); no wait for a response or a notification lasts longer
// than wait (see WaitBound).
func New(fromServer io.Reader, toServer io.Writer, wait time.Duration) *Client {
	c := &Client{w: jsonrpc.NewWriter(toServer), pending: map[string]chan *jsonrpc.Message{}, wait: wait}
	c.cond = sync.NewCond(&c.mu)
	go c.read(jsonrpc.NewReader(fromServer))
	return c
}

func (c *Client) read(rd *jsonrpc.Reader) {
	for {
		body, err := rd.Read()
		if err != nil {
			c.mu.Lock()
			c.readErr = err
			c.cond.Broadcast()
			c.mu.Unlock()
			return
		}
		m, rerr := jsonrpc.Decode(body)
		if rerr != nil {
			c.mu.Lock()
			c.readErr = fmt.Errorf("server sent a bad message %s: %w", body, rerr)
			c.cond.Broadcast()
			c.mu.Unlock()
			return
		}
		c.mu.Lock()
		switch {
		case m.Method == "":
			if ch := c.pending[string(m.ID)]; ch != nil {
				ch <- m
			}
		case m.IsRequest():
			// window/workDoneProgress/create and the like: accept.
			c.requests = append(c.requests, m.Method)
			go func() { _ = c.w.Write(&jsonrpc.Message{ID: m.ID, Result: json.RawMessage("null")}) }()
		default:
			c.notes = append(c.notes, Notification{Method: m.Method, Params: m.Params})
			c.cond.Broadcast()
		}
		c.mu.Unlock()
	}
}

// Call sends a request and decodes the result into result (may be nil).
func (c *Client) Call(method string, params, result any) error {
	c.mu.Lock()
	c.nextID++
	id := strconv.Itoa(c.nextID)
	ch := make(chan *jsonrpc.Message, 1)
	c.pending[id] = ch
	c.mu.Unlock()
	if err := c.send(&jsonrpc.Message{ID: json.RawMessage(id), Method: method}, params); err != nil {
		return err
	}
	select {
	case m := <-ch:
		if m.Error != nil {
			return m.Error
		}
		if result != nil {
			return json.Unmarshal(m.Result, result)
		}
		return nil
	case <-time.After(c.wait):
		return fmt.Errorf("%s: no response within %v", method, c.wait)
	}
}

// Notify sends a notification.
func (c *Client) Notify(method string, params any) error {
	return c.send(&jsonrpc.Message{Method: method}, params)
}

func (c *Client) send(m *jsonrpc.Message, params any) error {
	if params != nil {
		data, err := json.Marshal(params)
		if err != nil {
			return err
		}
		m.Params = data
	}
	return c.w.Write(m)
}

// Mark returns how many notifications have arrived so far; WaitFor looks
// only at notifications after a mark.
func (c *Client) Mark() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.base + len(c.notes)
}

// Forget drops the notifications recorded so far (a long session's test
// measures the server's memory, not the client's).
func (c *Client) Forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.base += len(c.notes)
	c.notes = nil
}

// WaitFor waits for the first notification after mark that match accepts
// and returns its index.
func (c *Client) WaitFor(mark int, match func(Notification) bool) (int, Notification, error) {
	deadline := time.Now().Add(c.wait)
	timer := time.AfterFunc(c.wait, func() {
		c.mu.Lock()
		c.cond.Broadcast()
		c.mu.Unlock()
	})
	defer timer.Stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := max(mark, c.base); ; {
		for ; i < c.base+len(c.notes); i++ {
			if n := c.notes[i-c.base]; match(n) {
				return i, n, nil
			}
		}
		if c.readErr != nil {
			return 0, Notification{}, fmt.Errorf("waiting for a notification: %w", c.readErr)
		}
		if time.Now().After(deadline) {
			return 0, Notification{}, fmt.Errorf("waiting for a notification: none within %v", c.wait)
		}
		c.cond.Wait()
	}
}

// PublishParams are textDocument/publishDiagnostics parameters.
type PublishParams struct {
	URI         string       `json:"uri"`
	Diagnostics []Diagnostic `json:"diagnostics"`
}

// WaitDiagnostics waits for diagnostics published for uri after mark that
// accept approves, and returns them with the index of that notification.
func (c *Client) WaitDiagnostics(mark int, uri string, accept func([]Diagnostic) bool) ([]Diagnostic, int, error) {
	var got []Diagnostic
	i, _, err := c.WaitFor(mark, func(n Notification) bool {
		if n.Method != "textDocument/publishDiagnostics" {
			return false
		}
		var p PublishParams
		if json.Unmarshal(n.Params, &p) != nil || p.URI != uri {
			return false
		}
		if accept == nil || accept(p.Diagnostics) {
			got = p.Diagnostics
			return true
		}
		return false
	})
	return got, i, err
}

// Notifications returns a copy of what the server sent so far.
func (c *Client) Notifications() []Notification {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]Notification(nil), c.notes...)
}

// ServerRequests returns the methods of the requests the server made.
func (c *Client) ServerRequests() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.requests...)
}
