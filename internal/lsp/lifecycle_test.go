package lsp

import (
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/twice-lint/twice/internal/jsonrpc"
	"github.com/twice-lint/twice/internal/lsptest"
)

func wantCode(t *testing.T, err error, code int) {
	t.Helper()
	var re *jsonrpc.ResponseError
	if !errors.As(err, &re) || re.Code != code {
		t.Errorf("error %v, want code %d", err, code)
	}
}

// TestLifecycle checks the protocol's rules around initialize, shutdown
// and exit, unknown methods, bad parameters and cancellation.
func TestLifecycle(t *testing.T) {
	s := startSession(t)
	wantCode(t, s.c.Call("textDocument/codeAction", map[string]any{}, nil), jsonrpc.CodeServerNotInitialized)
	s.initialize(t.TempDir(), map[string]any{"failOn": "warning"})
	wantCode(t, s.c.Call("workspace/symbol", map[string]any{}, nil), jsonrpc.CodeMethodNotFound)
	wantCode(t, s.c.Call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": "untitled:1"}}, nil), jsonrpc.CodeInvalidParams)
	s.notify("$/cancelRequest", map[string]any{"id": 999}) // unknown: ignored
	s.notify("$/setTrace", map[string]any{"value": "off"})

	// A bad notification is the server's own error: a window message.
	mark := s.c.Mark()
	s.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": "file:///not/open.yml", "version": 2}, "contentChanges": []any{}})
	_, n, err := s.c.WaitFor(mark, func(n lsptest.Notification) bool { return n.Method == "window/showMessage" })
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(n.Params), "not open") {
		t.Errorf("showMessage %s", n.Params)
	}

	// Still answering after all that.
	var actions []codeAction
	if err := s.c.Call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": pathToURI(t.TempDir() + "/x.yml")}}, &actions); err != nil || len(actions) != 0 {
		t.Errorf("code actions %v, %v", actions, err)
	}
	if err := s.c.Call("shutdown", nil, nil); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.c.Call("textDocument/codeAction", map[string]any{}, nil), jsonrpc.CodeInvalidRequest)
	s.notify("exit", nil)
	if code := <-s.exit; code != 0 {
		t.Errorf("exit code %d after shutdown, want 0", code)
	}
	s.closed = true
}

// TestExitCodes: exit without shutdown, the end of the stream and a
// framing error all end the session with status 1; a batch or a body that
// is not JSON is answered with an error and the session goes on.
func TestExitCodes(t *testing.T) {
	frame := func(body string) string {
		return "Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
	}
	tests := []struct {
		name  string
		input string
		want  []string // responses' error messages, in order
	}{
		{name: "exit without shutdown", input: frame(`{"jsonrpc":"2.0","method":"exit"}`)},
		{name: "end of stream", input: ""},
		{name: "bad header", input: "Content-Length: x\r\n\r\n"},
		{name: "batch and garbage, then the end", input: frame(`[{"jsonrpc":"2.0","id":1,"method":"shutdown"}]`) + frame(`{oops`),
			want: []string{"batch requests are not supported", "parse error"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			outR, outW := io.Pipe()
			done := make(chan int, 1)
			go func() {
				done <- Run(strings.NewReader(tt.input), outW, Options{Log: testLog{t}})
				outW.Close()
			}()
			rd := jsonrpc.NewReader(outR)
			var got []string
			for {
				body, err := rd.Read()
				if err != nil {
					break
				}
				var m jsonrpc.Message
				if json.Unmarshal(body, &m) == nil && m.Error != nil {
					got = append(got, m.Error.Message)
				}
			}
			if code := <-done; code != 1 {
				t.Errorf("exit code %d, want 1", code)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("responses %q, want %q", got, tt.want)
			}
			for i := range got {
				if !strings.Contains(got[i], tt.want[i]) {
					t.Errorf("response %d: %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}
