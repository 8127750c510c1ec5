package configcheck

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/twice-lint/twice/internal/sarif"
)

// fingerprintKey names twice's partialFingerprints entry. v2: rule, path and
// the normalized text of the finding's line (v1 hashed the message, which
// quotes line numbers and so changed whenever lines moved).
const fingerprintKey = "twiceFinding/v2"

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
func (s *sourceLines) inUTF16(r *Report) *Report {
	out := *r
	conv := func(fs []Finding) []Finding {
		res := make([]Finding, len(fs))
		for i, f := range fs {
			f.Location = s.utf16(f.Location)
			if len(f.Related) > 0 {
				rel := make([]Related, len(f.Related))
				for j, x := range f.Related {
					x.Location = s.utf16(x.Location)
					rel[j] = x
				}
				f.Related = rel
			}
			if f.Suppression != nil {
				sup := *f.Suppression
				sup.Location = s.utf16(sup.Location)
				f.Suppression = &sup
			}
			res[i] = f
		}
		return res
	}
	out.Findings, out.Suppressed = conv(r.Findings), conv(r.Suppressed)
	out.Errors = make([]InputError, len(r.Errors))
	for i, e := range r.Errors {
		e.Location = s.utf16(e.Location)
		out.Errors[i] = e
	}
	return &out
}

var (
	spaceRun    = regexp.MustCompile(`\s+`)
	lineNumbers = regexp.MustCompile(`:[0-9]+`)
)

// fingerprints computes a stable identity for each finding: rule, path and
// the text of its line without whitespace, plus an ordinal among
// findings with the same three (in location order), so a finding keeps its
// fingerprint when lines are inserted above it. When the line cannot be
// read, the message with its line numbers removed stands in for the text.
func (s *sourceLines) fingerprints(fs []Finding) []string {
	seen := map[string]int{}
	out := make([]string, len(fs))
	for i, f := range fs {
		text, ok := s.line(f.Location.Path, f.Location.Line)
		if ok {
			text = spaceRun.ReplaceAllString(text, "") // "a = b" and "a=b" are the same setting
		} else {
			text = "message:" + lineNumbers.ReplaceAllString(f.Message, "")
		}
		key := f.Rule + "\x00" + f.Location.Path + "\x00" + text
		n := seen[key]
		seen[key] = n + 1
		sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d", key, n))
		out[i] = hex.EncodeToString(sum[:16])
	}
	return out
}
