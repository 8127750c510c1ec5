package deploy

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/twice-lint/twice/configcheck/source"
)

// Seeds live in testdata/fuzz/<FuzzName>/ (realistic files, bombs and
// crashers found earlier). The properties checked: no panic, errors are
// *source.Error inside the file, positions point into the input, and exact
// embedded files really map line for line.

// watchdog panics if the parser runs longer than any real file could need:
// a panic kills the fuzz worker, so the fuzzer records the slow input as a
// crasher instead of silently stalling. Call the returned func when done.
// It is armed only while fuzzing (-test.fuzz set): a plain `go test` run of
// the seeds, maybe under -race on a loaded machine, is bounded by the test
// timeout instead, so it never fails on wall-clock time.
func watchdog(data []byte) (stop func()) {
	if f := flag.Lookup("test.fuzz"); f == nil || f.Value.String() == "" {
		return func() {}
	}
	timer := time.AfterFunc(30*time.Second, func() {
		panic(fmt.Sprintf("parser did not finish within 30s on %d bytes", len(data)))
	})
	return func() { timer.Stop() }
}

func FuzzParseCompose(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer watchdog(data)()
		cs, err := ParseCompose("docker-compose.yml", data)
		checkResult(t, data, "docker-compose.yml", cs, err)
	})
}

func FuzzParseKubernetes(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer watchdog(data)()
		cs, files, err := ParseKubernetes("k8s.yaml", data)
		checkResult(t, data, "k8s.yaml", cs, err)
		lines := strings.Split(string(data), "\n")
		for _, ef := range files {
			if !ef.Exact {
				continue
			}
			for i, l := range strings.Split(strings.TrimRight(string(ef.Data), "\n"), "\n") {
				n := i + ef.LineOffset // 0-based index of file line i+1+LineOffset
				if n >= len(lines) {
					t.Fatalf("%s: data line %d maps past the end of the file", ef.Name, i+1)
				}
				fl := strings.TrimRight(lines[n], "\r")
				if l != "" && (len(fl) < ef.ColOffset || fl[ef.ColOffset:] != l) {
					t.Fatalf("%s: data line %d %q != file line %d %q", ef.Name, i+1, l, n+1, fl)
				}
			}
		}
	})
}

func FuzzParseDockerfile(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer watchdog(data)()
		cs, err := ParseDockerfile("Dockerfile", data)
		checkResult(t, data, "Dockerfile", cs, err)
	})
}

func FuzzSplitArgs(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		defer watchdog([]byte(s))()
		words := splitWords(s, shellSyntax)
		prevEnd := 0
		for _, w := range words {
			if w.off < prevEnd || w.end < w.off || w.end > len(s) {
				t.Fatalf("word %q has offsets [%d,%d) after %d in %d bytes", w.text, w.off, w.end, prevEnd, len(s))
			}
			prevEnd = w.end
		}
		// Single-quoting words without quotes round-trips.
		var simple []string
		for _, w := range SplitArgs(s) {
			if !strings.Contains(w, "'") {
				simple = append(simple, w)
			}
		}
		var quoted []string
		for _, w := range simple {
			quoted = append(quoted, "'"+w+"'")
		}
		if got := SplitArgs(strings.Join(quoted, " ")); len(simple) > 0 && !equalStrings(got, simple) {
			t.Fatalf("round trip of %q gave %q", simple, got)
		}
	})
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// checkResult asserts the invariants every parser result must hold.
func checkResult(t *testing.T, data []byte, file string, cs []Container, err error) {
	t.Helper()
	maxLine := yamlLines(data)
	if err != nil {
		var se *source.Error
		if !errors.As(err, &se) {
			t.Fatalf("error %v is %T, want *source.Error", err, err)
		}
		checkPos(t, se.Pos, file, maxLine, "error")
		// Only a refused expansion keeps the containers (the value it
		// refused is unknown); every other error drops the file.
		if cs != nil && !strings.Contains(se.Msg, "expansion budget") {
			t.Fatalf("containers returned with an error: %v", err)
		}
		return
	}
	for _, c := range cs {
		if c.Image != "" {
			checkPos(t, c.ImagePos, file, maxLine, "image")
		}
		for _, e := range c.Env {
			checkPos(t, e.Pos, file, maxLine, "env "+e.Name)
		}
		for _, a := range c.Args {
			checkPos(t, a.Pos, file, maxLine, "arg "+a.Text)
		}
		for _, m := range c.Mounts {
			checkPos(t, m.Pos, file, maxLine, "mount "+m.Target)
		}
	}
}

// yamlLines is the number of lines in data as YAML counts them (and so the
// positions it reports): "\r\n", a lone "\r" and "\n" each end a line. It
// is never less than the count by "\n" alone, which the parser's own line
// scans use.
func yamlLines(data []byte) int {
	n := 1
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
			n++
		case '\n':
			n++
		}
	}
	return n
}

func checkPos(t *testing.T, p source.Pos, file string, maxLine int, what string) {
	t.Helper()
	if p.File != file || p.Line < 1 || p.Line > maxLine || p.Col < 1 {
		t.Fatalf("%s at %v: outside %s (1..%d lines)", what, p, file, maxLine)
	}
}
