package lsp

import (
	"io"
	"path/filepath"
	"testing"

	"github.com/twice-lint/twice/internal/jsonrpc"
	"github.com/twice-lint/twice/internal/lsptest"
)

// session is a server running in this process, driven through pipes by a
// test client as an editor would.
type session struct {
	t      testing.TB
	c      *lsptest.Client
	toSrv  *io.PipeWriter
	exit   chan int
	closed bool
	srv    *Server
}

func startSession(t testing.TB) *session {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	s := &session{t: t, toSrv: inW, exit: make(chan int, 1)}
	var log io.Writer = testLog{t}
	if _, bench := t.(*testing.B); bench {
		log = io.Discard
	}
	// What Run does, keeping the server at hand for tests that look inside.
	s.srv = newServer(outW, Options{Version: "test", Log: log})
	go func() {
		code := s.srv.loop(jsonrpc.NewReader(inR))
		s.srv.stop()
		outW.Close()
		s.exit <- code
	}()
	s.c = lsptest.New(outR, inW, lsptest.WaitBound(t))
	t.Cleanup(func() {
		if !s.closed {
			inW.Close()
			<-s.exit
		}
	})
	return s
}

// initialize opens root as the workspace with the given options.
func (s *session) initialize(root string, options any) {
	s.t.Helper()
	params := map[string]any{
		"processId":             nil,
		"rootUri":               pathToURI(root),
		"initializationOptions": options,
		"capabilities":          map[string]any{"window": map[string]any{"workDoneProgress": true}},
	}
	var res struct {
		Capabilities struct {
			TextDocumentSync struct {
				Change int `json:"change"`
			} `json:"textDocumentSync"`
		} `json:"capabilities"`
		ServerInfo struct {
			Name string `json:"name"`
		} `json:"serverInfo"`
	}
	if err := s.c.Call("initialize", params, &res); err != nil {
		s.t.Fatal(err)
	}
	if res.ServerInfo.Name != "twice" || res.Capabilities.TextDocumentSync.Change != syncFull {
		s.t.Fatalf("initialize result: %+v", res)
	}
	s.notify("initialized", map[string]any{})
}

func (s *session) notify(method string, params any) {
	s.t.Helper()
	if err := s.c.Notify(method, params); err != nil {
		s.t.Fatal(err)
	}
}

// shutdown ends the session cleanly and checks the exit code.
func (s *session) shutdown() {
	s.t.Helper()
	if err := s.c.Call("shutdown", nil, nil); err != nil {
		s.t.Fatal(err)
	}
	s.notify("exit", nil)
	if code := <-s.exit; code != 0 {
		s.t.Errorf("exit code after shutdown = %d, want 0", code)
	}
	s.closed = true
}

// diagnostics waits for a publication for path (after mark) that accept
// approves.
func (s *session) diagnostics(mark int, path string, accept func([]lsptest.Diagnostic) bool) []lsptest.Diagnostic {
	s.t.Helper()
	ds, _, err := s.c.WaitDiagnostics(mark, pathToURI(path), accept)
	if err != nil {
		s.t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	return ds
}

func (s *session) open(path, text string) {
	s.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": pathToURI(path), "languageId": "", "version": 1, "text": text,
	}})
}

func (s *session) change(path string, version int, text string) {
	s.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": pathToURI(path), "version": version},
		"contentChanges": []map[string]any{{"text": text}},
	})
}

func (s *session) codeActions(path string, line int) []codeAction {
	s.t.Helper()
	var actions []codeAction
	err := s.c.Call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": pathToURI(path)},
		"range":        lspRange{Start: position{Line: line}, End: position{Line: line}},
		"context":      map[string]any{"diagnostics": []any{}},
	}, &actions)
	if err != nil {
		s.t.Fatal(err)
	}
	return actions
}

// testLog sends the server's log to the test log.
type testLog struct{ t testing.TB }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Logf("%s", p)
	return len(p), nil
}

func codes(ds []lsptest.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Code)
	}
	return out
}

func fixture(t testing.TB, rel string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("../../testdata", rel))
	if err != nil {
		t.Fatal(err)
	}
	return p
}
