package configcheck

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/twice-lint/twice/internal/sarif"
)

// sourceLines reads the lines findings point at, once per file, for SARIF:
// columns must be converted from bytes to UTF-16 code units, and
// fingerprints hash the line's text rather than its number.
type sourceLines struct {
	workDir string
	maxSize int64
	files   map[string][]string // path -> lines; nil when unreadable
}

func newSourceLines(workDir string) *sourceLines {
	return &sourceLines{workDir: workDir, maxSize: DefaultMaxFileSize, files: map[string][]string{}}
}

// line returns line n (1-based) of the file at a report path.
func (s *sourceLines) line(p string, n int) (string, bool) {
	lines, seen := s.files[p]
	if !seen {
		lines = s.read(p)
		s.files[p] = lines
	}
	if n < 1 || n > len(lines) {
		return "", false
	}
	return lines[n-1], true
}

func (s *sourceLines) read(p string) []string {
	full := filepath.FromSlash(p)
	if !filepath.IsAbs(full) {
		if s.workDir == "" {
			return nil
		}
		full = filepath.Join(s.workDir, full)
	}
	data, err := readFile(full, s.maxSize) // without blocking; type checked on the handle
	if err != nil {
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // columns count from after a BOM, as the parsers do
	out := strings.Split(string(data), "\n")
	for i, l := range out {
		out[i] = strings.TrimSuffix(l, "\r")
	}
	return out
}

// utf16 converts a location's byte column into UTF-16 code units, the
// SARIF default columnKind that the run declares. A column whose line
// cannot be read is dropped (0, "not given") rather than written in the
// wrong unit; column 1 is the same in every unit.
func (s *sourceLines) utf16(l Location) Location {
	if l.Column <= 1 {
		return l
	}
	line, ok := s.line(l.Path, l.Line)
	if !ok {
		l.Column = 0
		return l
	}
	l.Column = sarif.Column(line, l.Column)
	return l
}

// inUTF16 returns a copy of the report whose columns count UTF-16 code
// units (the report itself counts bytes, as text and JSON print them).
func (s *sourceLines) inUTF16(r *Report) *Report { return mapLocations(r, s.utf16) }

// mapLocations returns a copy of the report with every location (findings,
// their related locations and suppressions, input errors) passed through f.
func mapLocations(r *Report, f func(Location) Location) *Report {
	out := *r
	conv := func(fs []Finding) []Finding {
		res := make([]Finding, len(fs))
		for i, x := range fs {
			x.Location = f(x.Location)
			if len(x.Related) > 0 {
				rel := make([]Related, len(x.Related))
				for j, y := range x.Related {
					y.Location = f(y.Location)
					rel[j] = y
				}
				x.Related = rel
			}
			if x.Suppression != nil {
				sup := *x.Suppression
				sup.Location = f(sup.Location)
				x.Suppression = &sup
			}
			res[i] = x
		}
		return res
	}
	out.Findings, out.Suppressed = conv(r.Findings), conv(r.Suppressed)
	out.Errors = make([]InputError, len(r.Errors))
	for i, e := range r.Errors {
		e.Location = f(e.Location)
		out.Errors[i] = e
	}
	return &out
}

// fingerprints computes each finding's sarif.FingerprintKey value (the
// scheme both halves of twice share): rule, URI and the text of its line,
// never its number, so a finding keeps its fingerprint when lines are
// inserted above it. Findings come in location order.
func (s *sourceLines) fingerprints(fs []Finding) []string {
	prints := sarif.NewFingerprints()
	out := make([]string, len(fs))
	for i, f := range fs {
		text, ok := s.line(f.Location.Path, f.Location.Line)
		out[i] = prints.Next(f.Rule, artifactLocation(f.Location.Path).URI, text, ok, f.Message)
	}
	return out
}
