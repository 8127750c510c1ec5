package configcheck

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestExitCodesAndUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		err  string // substring of stderr
	}{
		{"findings at default -fail-on warning", []string{"fixed-server"}, 3, ""},
		{"-fail-on error ignores warnings", []string{"-fail-on", "error", "fixed-server"}, 0, ""},
		{"-fail-on none", []string{"-fail-on", "none", "fixed-server"}, 0, ""},
		{"-fail-on note catches notes", []string{"-fail-on", "note", "client-only"}, 3, ""},
		{"notes pass at -fail-on warning", []string{"client-only"}, 0, ""},
		{"input errors take precedence", []string{"-fail-on", "none", "broken-files"}, 1, ""},
		{"missing path is an input error", []string{"does-not-exist", "no-powerjob"}, 1, ""},
		{"unknown flag", []string{"-frobnicate"}, 2, "flag provided but not defined"},
		{"bad format", []string{"-format", "xml", "."}, 2, "invalid -format"},
		{"bad fail-on", []string{"-fail-on", "critical", "."}, 2, "invalid -fail-on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runCLI(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit = %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.err) {
				t.Errorf("stderr %q does not contain %q", stderr, tt.err)
			}
		})
	}
}

func TestMissingPathReported(t *testing.T) {
	out, _, _ := runCLI(t, "does-not-exist")
	if !strings.HasPrefix(out, "does-not-exist:1:1: error: ") {
		t.Errorf("output %q: want an error line for the missing path", out)
	}
}

// TestDeterministic runs the whole fixture directory several times with
// different worker counts: the output must be byte-identical.
func TestDeterministic(t *testing.T) {
	wd, _ := filepath.Abs(fixtureDir)
	for _, format := range []string{FormatText, FormatJSON, FormatSARIF} {
		var first string
		for i, workers := range []int{1, 2, 8, 8} {
			r, err := Scan(context.Background(), []string{"."}, Options{WorkDir: wd, Workers: workers})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := Write(r, format, &buf, WriteOptions{WorkDir: wd, ToolVersion: "test"}); err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				first = buf.String()
				if len(r.Findings) < 10 {
					t.Fatalf("only %d findings over all fixtures: the comparison would prove little", len(r.Findings))
				}
				continue
			}
			if buf.String() != first {
				t.Fatalf("%s output differs between runs (workers=%d)", format, workers)
			}
		}
	}
}

func TestProgressOnlyOnTerminalAfterDelay(t *testing.T) {
	wd, _ := filepath.Abs(fixtureDir)
	tests := []struct {
		name     string
		terminal bool
		delay    time.Duration
		args     []string
		want     bool
	}{
		{"terminal, slow scan", true, 0, []string{"."}, true},
		{"terminal, fast scan", true, time.Hour, []string{"."}, false},
		{"not a terminal", false, 0, []string{"."}, false},
		{"quiet", true, 0, []string{"-q", "."}, false},
		{"json output", true, 0, []string{"-format", "json", "."}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			c := cli{stdout: &out, stderr: &errOut, workDir: wd, isTerminal: func() bool { return tt.terminal }, progressDelay: tt.delay}
			c.run(context.Background(), tt.args)
			// The summary line (text output without -q) comes last, after
			// the progress line has been erased.
			progress := errOut.String()
			if i := strings.LastIndex(progress, "twice config: "); i >= 0 && strings.HasSuffix(progress, "\n") {
				progress = progress[:i]
			}
			got := strings.Contains(progress, "files read…")
			if got != tt.want {
				t.Errorf("progress shown = %v, want %v (stderr %q)", got, tt.want, errOut.String())
			}
			if got && !strings.HasSuffix(progress, "\r") {
				t.Errorf("progress line not erased at the end: %q", errOut.String())
			}
		})
	}
}

func TestRulesMetadata(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range Rules() {
		ids[r.ID] = true
		if r.ShortDescription == "" || r.FullDescription == "" || r.Help == "" || r.HelpMarkdown == "" || r.DefaultSeverity != SeverityWarning {
			t.Errorf("rule %s has incomplete metadata", r.ID)
		}
		if r.HelpURI != "https://github.com/twice-lint/twice#"+r.ID {
			t.Errorf("rule %s helpURI = %q", r.ID, r.HelpURI)
		}
		if got, ok := RuleByID(r.ID); !ok || got.ID != r.ID {
			t.Errorf("RuleByID(%q) failed", r.ID)
		}
	}
	if !ids[dup] || !ids[unath] || len(ids) != 2 {
		t.Errorf("rules = %v", ids)
	}
}
