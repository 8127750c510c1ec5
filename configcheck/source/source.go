// Package source holds the position and error types shared by every config
// parser, so that a finding or an input error can always name file, line and
// column in the same way.
package source

import "fmt"

// Pos is a 1-based position in a scanned file. Col counts bytes from the
// start of the line, like go/token. A zero Line means "the whole file".
type Pos struct {
	File string // path as given to the parser (slash-separated, relative to the scan root's parent as the caller decides)
	Line int
	Col  int
}

// String formats the position as file:line:col, the form editors and CI
// annotations recognise.
func (p Pos) String() string {
	line, col := p.Line, p.Col
	if line <= 0 {
		line = 1
	}
	if col <= 0 {
		col = 1
	}
	return fmt.Sprintf("%s:%d:%d", p.File, line, col)
}

// IsValid reports whether the position names a file.
func (p Pos) IsValid() bool { return p.File != "" }

// Error is a malformed-input error at a position. Parsers return it (possibly
// wrapped) so the scanner can print `path:line:col: error: msg`.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Errorf builds an *Error at pos.
func Errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}
