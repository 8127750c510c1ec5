package manifest

import (
	"bytes"
	"strings"

	"github.com/twice-lint/twice/configcheck/source"
)

// This file is the lexer of the tolerant Gradle scanner. It understands just
// enough of Groovy and Kotlin to find strings, identifiers and punctuation:
// comments (//, /* */) are dropped while respecting strings, so a
// commented-out dependency never counts, and string interpolation ($x,
// ${expr}) is split out so that versions held in variables can be resolved.
// Nothing is evaluated beyond that.

type gtokKind int

const (
	gIdent   gtokKind = iota // identifier (keywords included)
	gString                  // string literal (parts hold literal text and ${} expressions)
	gNumber                  // numeric literal
	gPunct                   // one punctuation character
	gNewline                 // end of a line
)

// gtok is one token with the byte offset where it starts.
type gtok struct {
	kind  gtokKind
	text  string    // identifier, number or punctuation text; a string's literal text when it has no interpolation
	parts []strPart // gString: literal and interpolated parts
	off   int
}

// strPart is a piece of a string literal: literal text, or the source of an
// interpolated expression ("x", "versions.powerjob", "property('v')").
type strPart struct {
	lit  string
	expr string
	isEx bool
}

func (t gtok) is(kind gtokKind, text string) bool { return t.kind == kind && t.text == text }

// interpolated reports whether a string token has ${} / $x parts.
func (t gtok) interpolated() bool {
	for _, p := range t.parts {
		if p.isEx {
			return true
		}
	}
	return false
}

// gradleLexer turns one script into tokens.
type gradleLexer struct {
	src    []byte
	off    int
	kotlin bool // Kotlin DSL: "$a.b" interpolates only a; block comments nest
	li     *lineIndex
	toks   []gtok
}

// lexGradle tokenizes a build script. Unterminated strings and block
// comments are errors (the file is broken); everything else is tolerated.
func lexGradle(file string, src []byte, kotlin bool) ([]gtok, *lineIndex, error) {
	lx := &gradleLexer{src: src, kotlin: kotlin, li: newLineIndex(file, src)}
	if err := lx.run(); err != nil {
		return nil, lx.li, err
	}
	return lx.toks, lx.li, nil
}

func (lx *gradleLexer) errorAt(off int, msg string) error {
	return source.Errorf(lx.li.pos(off), "%s", msg)
}

func (lx *gradleLexer) run() error {
	for lx.off < len(lx.src) {
		c := lx.src[lx.off]
		start := lx.off
		switch {
		case c == '\n':
			lx.toks = append(lx.toks, gtok{kind: gNewline, text: "\n", off: start})
			lx.off++
		case c == ' ' || c == '\t' || c == '\r' || c == '\f':
			lx.off++
		case c == '/' && lx.at(1) == '/':
			for lx.off < len(lx.src) && lx.src[lx.off] != '\n' {
				lx.off++
			}
		case c == '/' && lx.at(1) == '*':
			if err := lx.blockComment(); err != nil {
				return err
			}
		case c == '"' || c == '\'':
			tok, err := lx.stringLit()
			if err != nil {
				return err
			}
			lx.toks = append(lx.toks, tok)
		case c == '`': // Kotlin quoted identifier
			end := bytes.IndexByte(lx.src[lx.off+1:], '`')
			if end < 0 {
				return lx.errorAt(start, "unterminated `identifier`")
			}
			lx.toks = append(lx.toks, gtok{kind: gIdent, text: string(lx.src[lx.off+1 : lx.off+1+end]), off: start})
			lx.off += end + 2
		case isIdentStart(c):
			for lx.off < len(lx.src) && isIdentPart(lx.src[lx.off]) {
				lx.off++
			}
			lx.toks = append(lx.toks, gtok{kind: gIdent, text: string(lx.src[start:lx.off]), off: start})
		case c >= '0' && c <= '9':
			for lx.off < len(lx.src) && (isIdentPart(lx.src[lx.off]) || lx.src[lx.off] == '.' && lx.at(1) >= '0' && lx.at(1) <= '9') {
				lx.off++
			}
			lx.toks = append(lx.toks, gtok{kind: gNumber, text: string(lx.src[start:lx.off]), off: start})
		default:
			lx.toks = append(lx.toks, gtok{kind: gPunct, text: string(c), off: start})
			lx.off++
		}
	}
	return nil
}

func (lx *gradleLexer) at(n int) byte {
	if lx.off+n < len(lx.src) {
		return lx.src[lx.off+n]
	}
	return 0
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' || c >= 0x80
}

func isIdentPart(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

// blockComment skips /* … */ (nested in Kotlin), keeping newlines as tokens
// so that statement boundaries survive.
func (lx *gradleLexer) blockComment() error {
	start := lx.off
	depth := 0
	for lx.off < len(lx.src) {
		switch {
		case lx.src[lx.off] == '/' && lx.at(1) == '*':
			if depth == 0 || lx.kotlin {
				depth++
			}
			lx.off += 2
		case lx.src[lx.off] == '*' && lx.at(1) == '/':
			depth--
			lx.off += 2
			if depth == 0 {
				return nil
			}
		default:
			if lx.src[lx.off] == '\n' {
				lx.toks = append(lx.toks, gtok{kind: gNewline, text: "\n", off: lx.off})
			}
			lx.off++
		}
	}
	return lx.errorAt(start, "unterminated /* comment")
}

// stringLit reads '…', "…", ”'…”' or """…""". Single-quoted Groovy strings
// do not interpolate; double-quoted ones (and all Kotlin strings) do.
func (lx *gradleLexer) stringLit() (gtok, error) {
	start := lx.off
	q := lx.src[lx.off]
	triple := lx.at(1) == q && lx.at(2) == q
	interp := q == '"'
	if triple {
		lx.off += 3
	} else {
		lx.off++
	}
	var parts []strPart
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, strPart{lit: lit.String()})
			lit.Reset()
		}
	}
	for lx.off < len(lx.src) {
		c := lx.src[lx.off]
		switch {
		case triple && c == q && lx.at(1) == q && lx.at(2) == q:
			lx.off += 3
			for lx.off < len(lx.src) && lx.src[lx.off] == q { // """a"""" ends with a quote in the content
				lit.WriteByte(q)
				lx.off++
			}
			flush()
			return lx.stringTok(start, parts), nil
		case !triple && c == q:
			lx.off++
			flush()
			return lx.stringTok(start, parts), nil
		case !triple && c == '\n':
			return gtok{}, lx.errorAt(start, "unterminated string")
		case c == '\\' && lx.off+1 < len(lx.src):
			lit.WriteByte(unescapeChar(lx.src[lx.off+1]))
			lx.off += 2
		case interp && c == '$' && lx.at(1) == '{':
			flush()
			expr, ok := lx.braceExpr()
			if !ok {
				return gtok{}, lx.errorAt(start, "unterminated ${ in string")
			}
			parts = append(parts, strPart{expr: expr, isEx: true})
		case interp && c == '$' && isIdentStart(lx.at(1)) && lx.at(1) != '$':
			flush()
			parts = append(parts, strPart{expr: lx.dollarPath(), isEx: true})
		default:
			lit.WriteByte(c)
			lx.off++
		}
	}
	return gtok{}, lx.errorAt(start, "unterminated string")
}

func (lx *gradleLexer) stringTok(start int, parts []strPart) gtok {
	t := gtok{kind: gString, parts: parts, off: start}
	if !t.interpolated() {
		for _, p := range parts {
			t.text += p.lit
		}
	}
	return t
}

func unescapeChar(c byte) byte {
	switch c {
	case 'n':
		return '\n'
	case 't':
		return '\t'
	case 'r':
		return '\r'
	}
	return c
}

// braceExpr reads ${…} (lx.off at '$') and returns the expression source.
// Nested braces and quotes inside are balanced; a newline is allowed.
func (lx *gradleLexer) braceExpr() (string, bool) {
	lx.off += 2
	start := lx.off
	depth := 1
	for lx.off < len(lx.src) {
		switch c := lx.src[lx.off]; c {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				expr := string(lx.src[start:lx.off])
				lx.off++
				return expr, true
			}
		case '"', '\'':
			if end := bytes.IndexByte(lx.src[lx.off+1:], c); end >= 0 {
				lx.off += end + 1
			}
		}
		lx.off++
	}
	return "", false
}

// dollarPath reads $name (Groovy: $a.b.c) with lx.off at '$'.
func (lx *gradleLexer) dollarPath() string {
	lx.off++
	start := lx.off
	for {
		for lx.off < len(lx.src) && isIdentPart(lx.src[lx.off]) && lx.src[lx.off] != '$' {
			lx.off++
		}
		if lx.kotlin || lx.at(0) != '.' || !isIdentStart(lx.at(1)) || lx.at(1) == '$' {
			return string(lx.src[start:lx.off])
		}
		lx.off++
	}
}
