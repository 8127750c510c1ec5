// Package lsp is twice's language server (`twice lsp`): LSP 3.17 over
// stdio. It publishes the config rules' findings for the files `twice
// config` reads, checked from the editor's buffers on every change, and the
// Go analyzers' findings for a saved file's package and its importers, with
// the same facts as the command line. It offers code actions that suppress
// a finding or, for unauthenticated-openapi, enable OpenAPI auth.
//
// The JSON-RPC layer is this package's own (jsonrpc.go): the maintained Go
// LSP implementations live in golang.org/x/tools/internal and cannot be
// imported, and the go.lsp.dev modules have had no release for years.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/twice-lint/twice/internal/jsonrpc"
)

// Options configure a server.
type Options struct {
	// Version is reported in serverInfo.
	Version string
	// Log receives the server's own log lines (stdout carries the
	// protocol); nil discards them.
	Log io.Writer
}

// Exit codes: 0 after shutdown then exit, 1 otherwise (LSP 3.17 "exit").
const (
	exitOK    = 0
	exitError = 1
)

// Server is one language server session.
type Server struct {
	opts   Options
	out    *jsonrpc.Writer
	ctx    context.Context // cancelled when the session ends
	cancel context.CancelFunc
	wg     sync.WaitGroup // background workers

	mu          sync.Mutex
	initialized bool // initialize answered
	shutdown    bool // shutdown received
	progressOK  bool // the client accepts window/workDoneProgress/create
	settings    settings
	requests    map[string]context.CancelFunc    // in-flight requests by ID
	replies     map[string]chan *jsonrpc.Message // our requests to the client by ID

	docs    *documents
	diags   *diagStore
	config  *configChecker
	gocheck *goChecker
	nextID  atomic.Int64
}

// Run serves one session on in/out and returns the process exit code.
func Run(in io.Reader, out io.Writer, opts Options) int {
	s := newServer(out, opts)
	defer s.stop()
	return s.loop(jsonrpc.NewReader(in))
}

func newServer(out io.Writer, opts Options) *Server {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Server{
		opts:     opts,
		out:      jsonrpc.NewWriter(out),
		ctx:      ctx,
		cancel:   cancel,
		requests: map[string]context.CancelFunc{},
		replies:  map[string]chan *jsonrpc.Message{},
		docs:     newDocuments(),
	}
	s.diags = newDiagStore(s)
	s.config = newConfigChecker(s)
	s.gocheck = newGoChecker(s)
	return s
}

// stop ends the background work and waits for it.
func (s *Server) stop() {
	s.cancel()
	s.wg.Wait()
}

// loop reads and dispatches messages until exit or the end of the stream.
func (s *Server) loop(rd *jsonrpc.Reader) int {
	for {
		body, err := rd.Read()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				s.logf("reading: %v", err)
			}
			return exitError // the stream ended without an exit notification
		}
		m, rerr := jsonrpc.Decode(body)
		if rerr != nil {
			s.logf("bad message: %s", rerr.Message)
			s.send(&jsonrpc.Message{ID: json.RawMessage("null"), Error: rerr})
			continue
		}
		if m.Method == "exit" {
			s.mu.Lock()
			down := s.shutdown
			s.mu.Unlock()
			if down {
				return exitOK
			}
			return exitError
		}
		s.dispatch(m)
	}
}

// dispatch handles one message. Requests that may take time run in their
// own goroutine (so the loop keeps reading, and $/cancelRequest can reach
// them); notifications run in order on the loop, so a request always sees
// the document changes sent before it. A panic in a handler is reported to
// the user and, for a request, answered with an error: never a crash.
func (s *Server) dispatch(m *jsonrpc.Message) {
	switch {
	case m.Method == "":
		s.deliverReply(m)
	case m.IsNotification():
		defer s.recoverTo(nil)
		s.notify(m)
	default:
		s.request(m)
	}
}

func (s *Server) request(m *jsonrpc.Message) {
	s.mu.Lock()
	initialized, down := s.initialized, s.shutdown
	s.mu.Unlock()
	switch {
	case m.Method == "initialize":
		defer s.recoverTo(m)
		result, err := s.initialize(m.Params)
		s.replyWith(m, result, err)
		return
	case !initialized:
		s.replyError(m, jsonrpc.CodeServerNotInitialized, "the server is not initialized")
		return
	case down:
		s.replyError(m, jsonrpc.CodeInvalidRequest, "the server is shutting down")
		return
	case m.Method == "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		s.replyWith(m, nil, nil)
		return
	}
	handler, ok := s.requestHandler(m.Method)
	if !ok {
		s.replyError(m, jsonrpc.CodeMethodNotFound, "method not supported: "+m.Method)
		return
	}
	ctx, cancel := context.WithCancel(s.ctx)
	key := string(m.ID)
	s.mu.Lock()
	s.requests[key] = cancel
	s.mu.Unlock()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer func() {
			s.mu.Lock()
			delete(s.requests, key)
			s.mu.Unlock()
			cancel()
		}()
		defer s.recoverTo(m)
		result, err := handler(ctx, m.Params)
		if ctx.Err() != nil && s.ctx.Err() == nil {
			s.replyError(m, jsonrpc.CodeRequestCancelled, "request cancelled")
			return
		}
		s.replyWith(m, result, err)
	}()
}

func (s *Server) requestHandler(method string) (func(context.Context, json.RawMessage) (any, error), bool) {
	switch method {
	case "textDocument/codeAction":
		return s.codeActions, true
	}
	return nil, false
}

func (s *Server) notify(m *jsonrpc.Message) {
	s.mu.Lock()
	initialized := s.initialized
	s.mu.Unlock()
	if !initialized {
		return // notifications before initialize are dropped (exit is handled by the loop)
	}
	var err error
	switch m.Method {
	case "initialized":
		s.startWorkspace()
	case "textDocument/didOpen":
		err = s.didOpen(m.Params)
	case "textDocument/didChange":
		err = s.didChange(m.Params)
	case "textDocument/didSave":
		err = s.didSave(m.Params)
	case "textDocument/didClose":
		err = s.didClose(m.Params)
	case "workspace/didChangeConfiguration":
		err = s.didChangeConfiguration(m.Params)
	case "workspace/didChangeWatchedFiles":
		s.config.invalidate()
	case "$/cancelRequest":
		s.cancelRequest(m.Params)
	}
	// Other notifications, $/ ones included, may be ignored.
	if err != nil {
		s.showError("twice: %s: %v", m.Method, err)
	}
}

func (s *Server) cancelRequest(params json.RawMessage) {
	var p cancelParams
	if json.Unmarshal(params, &p) != nil {
		return
	}
	s.mu.Lock()
	cancel := s.requests[string(p.ID)]
	s.mu.Unlock()
	if cancel != nil {
		cancel()
	}
}

// recoverTo turns a panic into a window message and, for request m, an
// internal error response.
func (s *Server) recoverTo(m *jsonrpc.Message) {
	r := recover()
	if r == nil {
		return
	}
	s.logf("panic: %v\n%s", r, debug.Stack())
	s.showError("twice: internal error (please report it): %v", r)
	if m != nil && m.IsRequest() {
		s.replyError(m, jsonrpc.CodeInternalError, fmt.Sprintf("internal error: %v", r))
	}
}

func (s *Server) replyWith(m *jsonrpc.Message, result any, err error) {
	if err != nil {
		s.replyError(m, jsonrpc.CodeInvalidParams, err.Error())
		return
	}
	data, merr := json.Marshal(result)
	if merr != nil {
		s.replyError(m, jsonrpc.CodeInternalError, merr.Error())
		return
	}
	s.send(&jsonrpc.Message{ID: m.ID, Result: data})
}

func (s *Server) replyError(m *jsonrpc.Message, code int, msg string) {
	s.send(&jsonrpc.Message{ID: m.ID, Error: &jsonrpc.ResponseError{Code: code, Message: msg}})
}

func (s *Server) notifyClient(method string, params any) {
	data, err := json.Marshal(params)
	if err != nil {
		s.logf("encoding %s: %v", method, err)
		return
	}
	s.send(&jsonrpc.Message{Method: method, Params: data})
}

// callClient sends a request to the client and waits (bounded) for the
// answer; it returns false when there was none or it was an error.
func (s *Server) callClient(ctx context.Context, method string, params any) bool {
	data, err := json.Marshal(params)
	if err != nil {
		return false
	}
	id := json.RawMessage(strconv.FormatInt(s.nextID.Add(1), 10))
	ch := make(chan *jsonrpc.Message, 1)
	s.mu.Lock()
	s.replies[string(id)] = ch
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.replies, string(id))
		s.mu.Unlock()
	}()
	s.send(&jsonrpc.Message{ID: id, Method: method, Params: data})
	select {
	case r := <-ch:
		return r.Error == nil
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
	}
	return false
}

func (s *Server) deliverReply(m *jsonrpc.Message) {
	s.mu.Lock()
	ch := s.replies[string(m.ID)]
	s.mu.Unlock()
	if ch != nil {
		select {
		case ch <- m:
		default: // a second answer to the same ID
		}
	}
}

func (s *Server) send(m *jsonrpc.Message) {
	if err := s.out.Write(m); err != nil {
		s.logf("%v", err)
	}
}

// showError shows the server's own error to the user (and logs it).
func (s *Server) showError(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	s.logf("%s", msg)
	s.notifyClient("window/showMessage", showMessageParams{Type: messageError, Message: msg})
}

func (s *Server) logf(format string, args ...any) {
	fmt.Fprintf(s.opts.Log, "twice lsp: "+format+"\n", args...)
}
