package springconf

import (
	"bytes"
	"strings"

	"github.com/twice-lint/twice/configcheck/source"
)

// Helpers shared by both parsers for the raw bytes of a file: BOM, line
// terminators, merge-conflict markers, binary content and Maven tokens.

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// stripBOM removes a UTF-8 byte order mark. Columns are then counted from the
// first byte after it, which is what editors show for line 1.
func stripBOM(data []byte) []byte {
	return bytes.TrimPrefix(data, utf8BOM)
}

// lineStarts returns the byte offset at which every physical line starts.
// "\n", "\r\n" and a lone "\r" all end a line, as in java.util.Properties and
// YAML. The slice has one element per line (a trailing terminator does not
// open a new, empty line).
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
		case '\n':
		default:
			continue
		}
		if i+1 < len(data) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineCount is the number of physical lines in data (0 for empty data).
func lineCount(data []byte) int {
	if len(data) == 0 {
		return 0
	}
	return len(lineStarts(data))
}

// lineAt returns physical line n (1-based) of data without its terminator.
func lineAt(data []byte, starts []int, n int) []byte {
	if n < 1 || n > len(starts) {
		return nil
	}
	end := len(data)
	if n < len(starts) {
		end = starts[n]
	}
	return bytes.TrimRight(data[starts[n-1]:end], "\r\n")
}

// conflictMarkers are the line prefixes git writes into a conflicted file.
// `|||||||` is the diff3 "base" marker.
var conflictMarkers = []string{"<<<<<<<", "=======", ">>>>>>>", "|||||||"}

// findConflictMarker returns the 1-based line of the first git merge-conflict
// marker, or 0. A marker is the 7-character prefix at the start of a line
// followed by a space or the end of the line (`=======` only by the end of
// the line or blanks), so that a row of `=` inside a value does not count.
func findConflictMarker(data []byte) int {
	starts := lineStarts(data)
	for n := 1; n <= len(starts); n++ {
		line := lineAt(data, starts, n)
		if len(line) < 7 {
			continue
		}
		for _, m := range conflictMarkers {
			if !bytes.HasPrefix(line, []byte(m)) {
				continue
			}
			rest := line[7:]
			if m == "=======" {
				if len(bytes.TrimRight(rest, " \t")) == 0 {
					return n
				}
				continue
			}
			if len(rest) == 0 || rest[0] == ' ' {
				return n
			}
		}
	}
	return 0
}

// checkRawText rejects content that is not a text config file at all: git
// conflict markers, NUL bytes and C0 control characters that never occur in
// hand-written configuration. The error is at the offending line and column.
func checkRawText(path string, data []byte) error {
	if n := findConflictMarker(data); n > 0 {
		return source.Errorf(source.Pos{File: path, Line: n, Col: 1}, "unresolved git merge-conflict marker")
	}
	line, col := 1, 1
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '\n' || (c == '\r' && (i+1 >= len(data) || data[i+1] != '\n')):
			line, col = line+1, 1
			continue
		case c == 0:
			return source.Errorf(source.Pos{File: path, Line: line, Col: col}, "binary content (NUL byte), not a text config file")
		case c < 0x20 && !isTextControl(c):
			return source.Errorf(source.Pos{File: path, Line: line, Col: col}, "binary content (control byte 0x%02x), not a text config file", c)
		}
		col++
	}
	return nil
}

// isTextControl reports the control bytes plain text legitimately contains:
// tab, line feed, vertical tab, form feed, carriage return, and ESC (ANSI
// colour codes in log patterns).
func isTextControl(c byte) bool {
	switch c {
	case '\t', '\n', '\v', '\f', '\r', 0x1b:
		return true
	}
	return false
}

// isMavenToken reports whether v (trimmed) is exactly one Maven
// resource-filter token such as @profiles.active@.
func isMavenToken(v string) bool {
	v = strings.TrimSpace(v)
	if len(v) < 3 || v[0] != '@' || v[len(v)-1] != '@' {
		return false
	}
	for i := 1; i < len(v)-1; i++ {
		if !isMavenTokenChar(v[i]) {
			return false
		}
	}
	return true
}

// isMavenTokenChar is the character set of Maven property names used in
// resource-filter tokens.
func isMavenTokenChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '.' || c == '_' || c == '-'
}
