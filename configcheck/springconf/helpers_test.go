package springconf

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/twice-lint/twice/configcheck/source"
)

// want is the expected shape of one entry: key, value, line, column and
// whether it is opaque.
type want struct {
	Key, Value string
	Line, Col  int
	Opaque     bool
}

func (w want) String() string {
	s := fmt.Sprintf("%q=%q @%d:%d", w.Key, w.Value, w.Line, w.Col)
	if w.Opaque {
		s += " opaque"
	}
	return s
}

// flat renders the entries of every document, one per line, prefixed with the
// document index, so a failing table row shows all differences at once.
func flat(f *File) string {
	var b strings.Builder
	for i, d := range f.Docs {
		for _, e := range d.Entries {
			w := want{Key: e.Key, Value: e.Value, Line: e.Pos.Line, Col: e.Pos.Col, Opaque: e.Opaque}
			fmt.Fprintf(&b, "%d %v\n", i, w)
		}
	}
	return b.String()
}

// render formats wanted entries (all in document docIdx) like flat does.
func render(docIdx int, ws ...want) string {
	var b strings.Builder
	for _, w := range ws {
		fmt.Fprintf(&b, "%d %v\n", docIdx, w)
	}
	return b.String()
}

// wantSourceError asserts that err is a *source.Error at line:col whose
// message contains msg.
func wantSourceError(t *testing.T, err error, path string, line, col int, msg string) {
	t.Helper()
	var se *source.Error
	if !errors.As(err, &se) {
		t.Fatalf("error = %v (%T), want *source.Error", err, err)
	}
	if se.Pos.File != path || se.Pos.Line != line || se.Pos.Col != col {
		t.Errorf("error at %s, want %s:%d:%d (%v)", se.Pos, path, line, col, se)
	}
	if !strings.Contains(se.Msg, msg) {
		t.Errorf("error message %q does not contain %q", se.Msg, msg)
	}
}

// sourceErrorLine returns the line of a *source.Error in err's chain, or 0.
func sourceErrorLine(err error) int {
	var se *source.Error
	if errors.As(err, &se) {
		return se.Pos.Line
	}
	return 0
}
