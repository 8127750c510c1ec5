package springconf

import (
	"errors"
	"strings"
	"testing"

	"github.com/twice-lint/twice/configcheck/internal/budget"
)

// Fuzz targets. Seeds live in testdata/fuzz/<FuzzName>/. The invariants: no
// panic, every entry's line lies within the file, and every error is a
// *source.Error with a line >= 1 (or, for YAML, ErrTemplate).

func FuzzParseProperties(f *testing.F) {
	f.Add([]byte("oms.auth.openapi.enable=false\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := ParseProperties("f.properties", data)
		checkParseResult(t, data, file, err, false)
	})
}

func FuzzParseYAML(f *testing.F) {
	f.Add([]byte("oms:\n  auth:\n    openapi.enable: false\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := ParseYAML("f.yml", data)
		checkParseResult(t, data, file, err, true)
	})
}

func checkParseResult(t *testing.T, data []byte, file *File, err error, templates bool) {
	t.Helper()
	lines := lineCount(stripBOM(data))
	if err != nil {
		if templates && errors.Is(err, ErrTemplate) {
			return
		}
		if line := sourceErrorLine(err); line < 1 || line > max(lines, 1) {
			t.Fatalf("error %v: want *source.Error with line in [1,%d]", err, max(lines, 1))
		}
		return
	}
	for _, d := range file.Docs {
		for _, e := range d.Entries {
			if e.Pos.Line < 1 || e.Pos.Line > lines || e.Pos.Col < 1 {
				t.Fatalf("entry %q at %d:%d outside the file's %d lines", e.Key, e.Pos.Line, e.Pos.Col, lines)
			}
		}
	}
}

func FuzzExpand(f *testing.F) {
	f.Add("${OMS_AUTH_OPENAPI_ENABLE:${AUTH:false}}", "AUTH", "${x}")
	f.Fuzz(func(t *testing.T, value, key, keyValue string) {
		lookup := func(k string) (string, bool, bool) {
			switch k {
			case key:
				return keyValue, true, true
			case "unknown":
				return "", true, false
			}
			return "", false, true
		}
		got, ok := Expand(value, lookup)
		if !strings.Contains(value, "${") && (got != value || !ok) {
			t.Fatalf("Expand(%q) = %q, %v: text without placeholders must be unchanged", value, got, ok)
		}
		if len(got) > budget.MaxValue+len(value) {
			t.Fatalf("output of %d bytes exceeds the bound", len(got))
		}
	})
}
