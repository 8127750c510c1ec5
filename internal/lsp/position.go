package lsp

import (
	"bytes"
	"unicode/utf8"

	"github.com/twice-lint/twice/internal/sarif"
)

// LSP positions are 0-based lines and UTF-16 code unit offsets within the
// line; the checkers report 1-based lines and 1-based byte columns. These
// helpers convert with the file's text at hand.

// lineIndex splits a file's contents into lines once.
type lineIndex struct {
	text   []byte
	starts []int // byte offset of each line's first byte
}

func newLineIndex(text []byte) *lineIndex {
	starts := []int{0}
	for i, b := range text {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{text: text, starts: starts}
}

// lines is the number of lines (a final newline starts an empty last line).
func (li *lineIndex) lines() int { return len(li.starts) }

// line returns 1-based line n without its line ending; "" when out of range.
func (li *lineIndex) line(n int) string {
	if n < 1 || n > len(li.starts) {
		return ""
	}
	end := len(li.text)
	if n < len(li.starts) {
		end = li.starts[n] - 1
	}
	return string(bytes.TrimSuffix(li.text[li.starts[n-1]:end], []byte("\r")))
}

// position converts a 1-based line and byte column. Lines past the end
// stay where they are (the editor clamps); columns past the end of the
// line are clamped to it.
func (li *lineIndex) position(line, byteCol int) position {
	if line < 1 {
		return position{}
	}
	return position{Line: line - 1, Character: max(sarif.Column(li.line(line), max(byteCol, 1))-1, 0)}
}

// lineEnd is the position after the last character of 1-based line n.
func (li *lineIndex) lineEnd(n int) position {
	text := li.line(n)
	return position{Line: n - 1, Character: utf16Len(text)}
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// offsetOf converts an LSP position into a byte offset in text. A line
// past the end gives the end of the text; a character past the end of its
// line gives the end of the line (as the specification says), and one
// inside a surrogate pair gives the start of that character.
func offsetOf(text []byte, p position) int {
	off := 0
	for line := 0; line < p.Line; line++ {
		i := bytes.IndexByte(text[off:], '\n')
		if i < 0 {
			return len(text)
		}
		off += i + 1
	}
	lineEnd := len(text)
	if i := bytes.IndexByte(text[off:], '\n'); i >= 0 {
		lineEnd = off + i
		if lineEnd > off && text[lineEnd-1] == '\r' {
			lineEnd--
		}
	}
	units := 0
	for off < lineEnd {
		r, size := utf8.DecodeRune(text[off:lineEnd])
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if units+w > p.Character {
			break
		}
		units += w
		off += size
	}
	return off
}
