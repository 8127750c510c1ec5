package growth

import (
	"bytes"
	"testing"
)

// fakeT records failures instead of failing the real test.
type fakeT struct {
	testing.TB
	failed bool
}

func (f *fakeT) Helper()               {}
func (f *fakeT) Name() string          { return "fake" }
func (f *fakeT) Errorf(string, ...any) { f.failed = true }

func TestLinearAcceptsLinearAndRejectsQuadratic(t *testing.T) {
	gen := func(n int) []byte { return bytes.Repeat([]byte("line\n"), n) }
	linear := func(data []byte) {
		var lines [][]byte
		for l := range bytes.Lines(data) {
			lines = append(lines, append([]byte(nil), l...))
		}
		_ = lines
	}
	quadratic := func(data []byte) { // copies the prefix at every line
		for i := range bytes.Count(data, []byte("\n")) {
			_ = append([]byte(nil), data[:i*5]...)
		}
	}
	for _, tt := range []struct {
		name     string
		parse    func([]byte)
		wantFail bool
	}{{"linear", linear, false}, {"quadratic", quadratic, true}} {
		f := &fakeT{TB: t}
		Linear(f, 2000, gen, tt.parse)
		if f.failed != tt.wantFail {
			t.Errorf("%s: failed = %v, want %v", tt.name, f.failed, tt.wantFail)
		}
	}
}
