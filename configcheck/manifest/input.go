package manifest

import (
	"bytes"
	"sort"

	"github.com/twice-lint/twice/configcheck/source"
)

// maxFileSize bounds the size of one manifest. Real build files are a few
// hundred kilobytes at most; anything larger is refused rather than parsed.
const maxFileSize = 8 << 20

// utf8BOM is the byte-order mark some editors put at the start of a file.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// lineIndex maps byte offsets of one file to 1-based line and column.
type lineIndex struct {
	file   string
	starts []int // byte offset of the start of each line
}

func newLineIndex(file string, data []byte) *lineIndex {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{file: file, starts: starts}
}

// pos returns the position of byte offset off.
func (li *lineIndex) pos(off int) source.Pos {
	if off < 0 {
		off = 0
	}
	line := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) // first line starting after off
	return source.Pos{File: li.file, Line: line, Col: off - li.starts[line-1] + 1}
}

// checkInput rejects input no parser should try: oversized files and files
// with unresolved merge-conflict markers (which every format would otherwise
// misread silently, since our scanners are tolerant).
func checkInput(file string, data []byte) error {
	if len(data) > maxFileSize {
		return source.Errorf(source.Pos{File: file, Line: 1, Col: 1}, "file too large (%d bytes, limit %d); skipped", len(data), maxFileSize)
	}
	line := 1
	for rest := data; len(rest) > 0; line++ {
		var cur []byte
		cur, rest, _ = bytes.Cut(rest, []byte("\n"))
		if isConflictMarker(cur) {
			return source.Errorf(source.Pos{File: file, Line: line, Col: 1}, "merge-conflict marker %s", source.QuoteCapped(string(bytes.TrimSpace(cur)), 60))
		}
	}
	return nil
}

// isConflictMarker recognises the lines git writes around a conflict:
// "<<<<<<< ours", "=======", ">>>>>>> theirs" (and "|||||||" for diff3).
func isConflictMarker(line []byte) bool {
	line = bytes.TrimRight(line, "\r")
	for _, m := range []string{"<<<<<<<", ">>>>>>>", "|||||||"} {
		if bytes.HasPrefix(line, []byte(m)) && (len(line) == 7 || line[7] == ' ') {
			return true
		}
	}
	return string(line) == "======="
}
