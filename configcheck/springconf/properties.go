package springconf

import (
	"fmt"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/twice-lint/twice/configcheck/source"
)

// This file is a .properties lexer with java.util.Properties.load semantics
// (which Spring Boot's OriginTrackedPropertiesLoader follows), plus Spring
// Boot 2.4's `#---` / `!---` multi-document separators. It is written from
// the documented format, not translated from Java, and it keeps the
// position of every character so entries and errors can name line:col.

// ParseProperties parses a .properties file. Valid UTF-8 is read as UTF-8;
// other bytes are decoded as ISO-8859-1, the encoding
// java.util.Properties.load(InputStream) assumes. (Spring Boot reads every
// .properties file as ISO-8859-1, so a UTF-8 file's non-ASCII values differ
// from what the server sees; keys and the values that matter here are ASCII.)
// Columns are byte columns of the original line, after a UTF-8 BOM.
// The error, if any, is a *source.Error.
func ParseProperties(path string, data []byte) (*File, error) {
	data = stripBOM(data)
	if err := checkRawText(path, data); err != nil {
		return nil, err
	}
	lx := propLexer{path: path, data: data, latin1: !utf8.Valid(data)}
	return lx.parse()
}

// propLexer walks the physical lines of a properties file and assembles the
// logical lines (entries) that continuation backslashes join.
type propLexer struct {
	path   string
	data   []byte
	latin1 bool
}

// logicalLine is one entry's text with the source position of every rune, so
// that escapes can be reported where they are written.
type logicalLine struct {
	runes []rune
	lines []int
	cols  []int
}

func (l *logicalLine) add(r rune, line, col int) {
	l.runes = append(l.runes, r)
	l.lines = append(l.lines, line)
	l.cols = append(l.cols, col)
}

// physLine is one physical line decoded to runes, with byte columns.
type physLine struct {
	runes []rune
	cols  []int // 1-based byte column of each rune in the original line
}

func (lx *propLexer) decodeLine(raw []byte) physLine {
	pl := physLine{runes: make([]rune, 0, len(raw)), cols: make([]int, 0, len(raw))}
	for i := 0; i < len(raw); {
		r, size := rune(raw[i]), 1
		if !lx.latin1 {
			r, size = utf8.DecodeRune(raw[i:])
		}
		pl.runes = append(pl.runes, r)
		pl.cols = append(pl.cols, i+1)
		i += size
	}
	return pl
}

func isPropBlank(r rune) bool { return r == ' ' || r == '\t' || r == '\f' }

// skipBlanks returns the index of the first rune that is not a properties
// whitespace character.
func skipBlanks(runes []rune) int {
	i := 0
	for i < len(runes) && isPropBlank(runes[i]) {
		i++
	}
	return i
}

// isDocSeparator reports a Spring Boot multi-document separator: `#---` or
// `!---` at the very start of the line, optionally followed by blanks.
func isDocSeparator(runes []rune) bool {
	if len(runes) < 4 || (runes[0] != '#' && runes[0] != '!') ||
		runes[1] != '-' || runes[2] != '-' || runes[3] != '-' {
		return false
	}
	return skipBlanks(runes[4:]) == len(runes)-4
}

func (lx *propLexer) parse() (*File, error) {
	starts := lineStarts(lx.data)
	if len(lx.data) == 0 {
		starts = nil
	}
	file := &File{Path: lx.path}
	var doc Document
	flush := func() {
		if len(doc.Entries) > 0 {
			doc.OnProfile, doc.OnProfilePos = activation(doc.Entries)
			file.Docs = append(file.Docs, doc)
		}
		doc = Document{}
	}
	for n := 1; n <= len(starts); n++ {
		pl := lx.decodeLine(lineAt(lx.data, starts, n))
		first := skipBlanks(pl.runes)
		switch {
		case first == len(pl.runes):
			continue // blank line
		case isDocSeparator(pl.runes):
			flush()
			continue
		case pl.runes[first] == '#' || pl.runes[first] == '!':
			continue // comment lines never continue, even when they end in '\'
		}
		var ll logicalLine
		n = lx.collect(&ll, pl, first, n, starts)
		if len(ll.runes) == 0 {
			continue // only a continuation backslash: Properties.load yields no entry
		}
		entry, err := lx.entry(&ll)
		if err != nil {
			return nil, err
		}
		doc.Entries = append(doc.Entries, entry)
	}
	flush()
	return file, nil
}

// collect appends physical line n (from rune index first) and every line it
// continues into to ll, and returns the number of the last line consumed.
// A line continues when it ends in an odd number of backslashes; the next
// line's leading blanks are dropped, and a blank next line ends the entry.
func (lx *propLexer) collect(ll *logicalLine, pl physLine, first, n int, starts []int) int {
	for {
		content := pl.runes[first:]
		trailing := 0
		for i := len(content) - 1; i >= 0 && content[i] == '\\'; i-- {
			trailing++
		}
		keep := len(content)
		if trailing%2 == 1 {
			keep-- // the continuation backslash itself is not part of the value
		}
		for i := 0; i < keep; i++ {
			ll.add(content[i], n, pl.cols[first+i])
		}
		if trailing%2 == 0 || n >= len(starts) {
			return n
		}
		next := lx.decodeLine(lineAt(lx.data, starts, n+1))
		nextFirst := skipBlanks(next.runes)
		if nextFirst == len(next.runes) {
			return n + 1 // an empty continuation line ends the entry
		}
		n, pl, first = n+1, next, nextFirst
	}
}

// entry splits a logical line into key and value. The key ends at the first
// unescaped '=', ':' or blank; blanks around the separator are skipped, and
// a single '=' or ':' after blanks still counts as the separator.
func (lx *propLexer) entry(ll *logicalLine) (Entry, error) {
	r := ll.runes
	keyEnd, valueStart, hasSep, escaped := len(r), len(r), false, false
	for i, c := range r {
		if !escaped && (c == '=' || c == ':') {
			keyEnd, valueStart, hasSep = i, i+1, true
			break
		}
		if !escaped && isPropBlank(c) {
			keyEnd, valueStart = i, i+1
			break
		}
		escaped = c == '\\' && !escaped
	}
	for valueStart < len(r) {
		c := r[valueStart]
		if !isPropBlank(c) {
			if hasSep || (c != '=' && c != ':') {
				break
			}
			hasSep = true
		}
		valueStart++
	}
	key, err := lx.unescape(ll, 0, keyEnd)
	if err != nil {
		return Entry{}, err
	}
	value, err := lx.unescape(ll, valueStart, len(r))
	if err != nil {
		return Entry{}, err
	}
	return Entry{
		Key:    key,
		Value:  value,
		Pos:    source.Pos{File: lx.path, Line: ll.lines[0], Col: ll.cols[0]},
		Opaque: isMavenToken(value),
	}, nil
}

// unescape converts runes[from:to] of a logical line: \t \n \r \f, \uXXXX
// (UTF-16 surrogate pairs combined), and \x -> x for any other x. A trailing
// lone backslash is dropped, as Properties.load does.
func (lx *propLexer) unescape(ll *logicalLine, from, to int) (string, error) {
	out := make([]rune, 0, to-from)
	for i := from; i < to; i++ {
		c := ll.runes[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		if i >= to {
			break
		}
		switch e := ll.runes[i]; e {
		case 't':
			out = append(out, '\t')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 'f':
			out = append(out, '\f')
		case 'u':
			u, err := lx.hex4(ll, i+1, to)
			if err != nil {
				return "", source.Errorf(source.Pos{File: lx.path, Line: ll.lines[i-1], Col: ll.cols[i-1]}, "%v", err)
			}
			out = append(out, u)
			i += 4
		default:
			out = append(out, e)
		}
	}
	return combineSurrogates(out), nil
}

// hex4 reads the four hex digits of a \uXXXX escape starting at index i.
func (lx *propLexer) hex4(ll *logicalLine, i, to int) (rune, error) {
	if i+4 > to {
		return 0, fmt.Errorf(`malformed \uxxxx escape: needs 4 hex digits`)
	}
	var v rune
	for _, c := range ll.runes[i : i+4] {
		d, ok := hexDigit(c)
		if !ok {
			return 0, fmt.Errorf(`malformed \uxxxx escape: %q is not a hex digit`, c)
		}
		v = v<<4 | d
	}
	return v, nil
}

func hexDigit(c rune) (rune, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// combineSurrogates joins UTF-16 surrogate pairs produced by consecutive
// \uD83D\uDE00 escapes into one rune; a lone surrogate becomes U+FFFD.
func combineSurrogates(rs []rune) string {
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if !utf16.IsSurrogate(r) {
			out = append(out, r)
			continue
		}
		if i+1 < len(rs) {
			if pair := utf16.DecodeRune(r, rs[i+1]); pair != utf8.RuneError {
				out = append(out, pair)
				i++
				continue
			}
		}
		out = append(out, utf8.RuneError)
	}
	return string(out)
}
