package lsp

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/twice-lint/twice/configcheck"
	"github.com/twice-lint/twice/internal/lsptest"
)

// editedFiles are the benchmark's trees and the file edited in each.
var editedFiles = []struct{ tree, file string }{
	{"maven-parent-client", "pom.xml"},
	{"profiles", "server/src/main/resources/application-prod.yml"},
	{"monorepo", "platform/powerjob/docker-compose.yml"},
}

// editor keeps one config document open and edits it, alternating between
// two contents (a comment line added or not), so every edit changes the
// buffer and re-parses the file.
type editor struct {
	s       *session
	path    string
	text    string
	comment string
	version int
}

func newEditor(s *session, path string) *editor {
	comment, _ := configcheck.IgnoreComment(path, "none", "edited")
	e := &editor{s: s, path: path, text: readText(s.t, path), comment: comment + "\n"}
	s.open(path, e.text)
	return e
}

// edit sends one change and waits for the diagnostics it publishes (the
// edited document's are always published).
func (e *editor) edit() []lsptest.Diagnostic {
	e.version++
	text := e.text
	if e.version%2 == 1 {
		text += e.comment
	}
	mark := e.s.c.Mark()
	e.s.change(e.path, e.version, text)
	return e.s.diagnostics(mark, e.path, nil)
}

// BenchmarkConfigEdit measures one config edit in a running session, from
// the didChange notification to the publishDiagnostics it causes (framing,
// the incremental check, conversion, publishing), against a floor measured
// in the same run: a cold configcheck.Scan of the same tree (what an editor
// integration without the cache would pay). The budget is 200 ms
// per edit on these trees.
func BenchmarkConfigEdit(b *testing.B) {
	for _, ef := range editedFiles {
		root := fixture(b, "config/"+ef.tree)
		b.Run(ef.tree+"/scan-floor", func(b *testing.B) {
			for b.Loop() {
				if _, err := configcheck.Scan(context.Background(), nil, configcheck.Options{WorkDir: root}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(ef.tree+"/lsp-edit", func(b *testing.B) {
			s := startBenchSession(b, root)
			e := newEditor(s, filepath.Join(root, ef.file))
			e.edit()
			for b.Loop() {
				e.edit()
				if e.version%256 == 0 {
					s.c.Forget()
				}
			}
		})
	}
}

// startBenchSession starts a session on root and waits for its first
// check.
func startBenchSession(b *testing.B, root string) *session {
	s := startSession(b)
	mark := s.c.Mark()
	s.initialize(root, nil)
	if _, _, err := s.c.WaitFor(mark, func(n lsptest.Notification) bool { return n.Method == "textDocument/publishDiagnostics" }); err != nil {
		b.Fatal(err)
	}
	return s
}

// TestLongSessionMemory edits a config file 1,000 times in one session and
// checks that the heap (after a GC) does not grow with the number of
// edits: parse results are replaced, not accumulated. The bound is
// generous (a leak of one file's parse per edit would exceed it many
// times over).
func TestLongSessionMemory(t *testing.T) {
	root := fixture(t, "config/monorepo")
	s := startSession(t)
	mark := s.c.Mark()
	s.initialize(root, nil)
	if _, _, err := s.c.WaitFor(mark, func(n lsptest.Notification) bool { return n.Method == "textDocument/publishDiagnostics" }); err != nil {
		t.Fatal(err)
	}
	e := newEditor(s, filepath.Join(root, "platform/powerjob/docker-compose.yml"))
	heap := func() uint64 {
		s.c.Forget()
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	const warmup, edits = 100, 1000
	for range warmup {
		e.edit()
	}
	before := heap()
	for i := range edits {
		ds := e.edit()
		if len(ds) != 1 || ds[0].Code != configcheck.RuleUnauthenticatedOpenAPI {
			t.Fatalf("edit %d: diagnostics %+v", i, ds)
		}
	}
	after := heap()
	growth := int64(after) - int64(before)
	t.Logf("heap after %d warm-up edits: %d KiB; after %d more: %d KiB (growth %d KiB)", warmup, before>>10, edits, after>>10, growth>>10)
	const bound = 1 << 20
	if growth > bound {
		t.Errorf("heap grew by %d KiB over %d edits (bound %d KiB): something accumulates per edit", growth>>10, edits, bound>>10)
	}
}
