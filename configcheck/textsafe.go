package configcheck

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text output must not be forgeable by the scanned tree: a directory named
// "x\nserver/application.yml:1:1: warning: …" must not print a finding line,
// and terminal escapes in a path or a quoted value must not reach the
// terminal. Paths and messages are written as they are when they are plain
// printable text, and escaped otherwise.

// needsEscape reports a rune that must not be printed raw: invalid UTF-8,
// control characters (C0, DEL, C1), Unicode line and paragraph separators,
// and bidirectional overrides that reorder what the reader sees.
func needsEscape(r rune, size int) bool {
	switch {
	case r == utf8.RuneError && size <= 1:
		return true
	case unicode.IsControl(r):
		return true
	case r == '\u2028' || r == '\u2029':
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069', r == '\u200e' || r == '\u200f':
		return true
	}
	return false
}

// isPlain reports whether s needs no escaping.
func isPlain(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if needsEscape(r, size) {
			return false
		}
		i += size
	}
	return true
}

// textPath is a path as printed in text output: as it is when plain, else
// Go-quoted (strconv.Quote escapes every byte isPlain rejects), so the
// reader sees it is not an ordinary path and can still recover its bytes.
func textPath(p string) string {
	if isPlain(p) {
		return p
	}
	return strconv.Quote(p)
}

// textMessage is a message as printed in text output, on one line: line
// breaks become spaces (parser messages may quote multi-line input) and
// every other rune isPlain rejects is written as a Go escape (\x1b, \xff,
// \u202e).
func textMessage(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case needsEscape(r, size) && r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case needsEscape(r, size):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// rawPathBytes is the base64 (standard encoding) of a path that is not
// valid UTF-8, "" otherwise. JSON strings cannot hold such bytes — the
// encoder would replace them with U+FFFD and the file could not be found —
// so JSON output carries them in Location.PathBytes (docs/config-json.md).
func rawPathBytes(p string) string {
	if utf8.ValidString(p) {
		return ""
	}
	return base64.StdEncoding.EncodeToString([]byte(p))
}
