package manifest

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/twice-lint/twice/configcheck/source"
)

// This file is a small TOML reader, sufficient for Gradle version catalogs:
// tables, dotted keys, basic and literal strings (single- and multi-line),
// arrays (multi-line, trailing commas, comments), inline tables, and other
// scalars (numbers, booleans, dates) kept as their raw text. Every value
// remembers where it starts. It is deliberately tolerant where TOML 1.1 is
// (newlines inside inline tables) and strict where silence would mislead
// (duplicate keys, unterminated strings, garbage after a value).

// maxTOMLDepth bounds nesting of arrays and inline tables.
const maxTOMLDepth = 64

type tomlKind int

const (
	tomlString tomlKind = iota
	tomlScalar          // number, boolean, date: raw text
	tomlArray
	tomlTableKind
)

// tomlValue is one TOML value with its position (and its key's position when
// it is a table member).
type tomlValue struct {
	kind   tomlKind
	str    string
	arr    []*tomlValue
	table  *tomlTable
	pos    source.Pos // where the value starts
	keyPos source.Pos // where its key starts (zero for array elements)
}

// tomlTable is a table: members in insertion order.
type tomlTable struct {
	keys     []string
	vals     map[string]*tomlValue
	explicit bool // defined by a [header]; a second header is an error
	sealed   bool // inline tables cannot be extended later
}

func newTOMLTable() *tomlTable { return &tomlTable{vals: map[string]*tomlValue{}} }

// get returns member key or nil.
func (t *tomlTable) get(key string) *tomlValue {
	if t == nil {
		return nil
	}
	return t.vals[key]
}

// tomlParser is a cursor over one document.
type tomlParser struct {
	data []byte
	off  int
	li   *lineIndex
}

// parseTOML parses a document into its root table.
func parseTOML(file string, data []byte) (*tomlTable, error) {
	if err := checkInput(file, data); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	p := &tomlParser{data: data, li: newLineIndex(file, data)}
	root := newTOMLTable()
	cur := root
	for {
		p.skipBlank()
		if p.off >= len(p.data) {
			return root, nil
		}
		var err error
		switch c := p.data[p.off]; {
		case c == '\n':
			p.off++
		case c == '#':
			p.skipComment()
		case c == '[':
			cur, err = p.header(root)
		default:
			err = p.keyValue(cur)
		}
		if err != nil {
			return nil, err
		}
	}
}

func (p *tomlParser) errorf(format string, args ...any) error {
	return source.Errorf(p.li.pos(p.off), "malformed TOML: "+format, args...)
}

func (p *tomlParser) peek() byte {
	if p.off < len(p.data) {
		return p.data[p.off]
	}
	return 0
}

// skipBlank skips spaces, tabs and carriage returns (not newlines).
func (p *tomlParser) skipBlank() {
	for p.off < len(p.data) && (p.data[p.off] == ' ' || p.data[p.off] == '\t' || p.data[p.off] == '\r') {
		p.off++
	}
}

func (p *tomlParser) skipComment() {
	for p.off < len(p.data) && p.data[p.off] != '\n' {
		p.off++
	}
}

// skipSpaceAndComments skips blanks, newlines and comments (inside arrays).
func (p *tomlParser) skipSpaceAndComments() {
	for {
		p.skipBlank()
		switch p.peek() {
		case '\n':
			p.off++
		case '#':
			p.skipComment()
		default:
			return
		}
	}
}

// endOfLine requires that only blanks and a comment follow on this line.
func (p *tomlParser) endOfLine() error {
	p.skipBlank()
	switch p.peek() {
	case 0, '\n':
		return nil
	case '#':
		p.skipComment()
		return nil
	}
	return p.errorf("unexpected %q after value", p.peek())
}

// header reads "[a.b]" or "[[a.b]]" and returns the table it opens.
func (p *tomlParser) header(root *tomlTable) (*tomlTable, error) {
	p.off++ // [
	array := p.peek() == '['
	if array {
		p.off++
	}
	p.skipBlank()
	keys, _, err := p.dottedKey()
	if err != nil {
		return nil, err
	}
	p.skipBlank()
	closing := "]"
	if array {
		closing = "]]"
	}
	if !bytes.HasPrefix(p.data[p.off:], []byte(closing)) {
		return nil, p.errorf("expected %q to close the table header", closing)
	}
	hdrPos := p.li.pos(p.off)
	p.off += len(closing)
	if err := p.endOfLine(); err != nil {
		return nil, err
	}
	parent, err := p.descend(root, keys[:len(keys)-1], hdrPos)
	if err != nil {
		return nil, err
	}
	last := keys[len(keys)-1]
	existing := parent.vals[last]
	if array {
		if existing == nil {
			existing = &tomlValue{kind: tomlArray, pos: hdrPos, keyPos: hdrPos}
			parent.set(last, existing)
		} else if existing.kind != tomlArray {
			return nil, source.Errorf(hdrPos, "malformed TOML: %q is not an array of tables", last)
		}
		t := newTOMLTable()
		existing.arr = append(existing.arr, &tomlValue{kind: tomlTableKind, table: t, pos: hdrPos})
		return t, nil
	}
	switch {
	case existing == nil:
		t := newTOMLTable()
		t.explicit = true
		parent.set(last, &tomlValue{kind: tomlTableKind, table: t, pos: hdrPos, keyPos: hdrPos})
		return t, nil
	case existing.kind == tomlTableKind && !existing.table.explicit && !existing.table.sealed:
		existing.table.explicit = true
		return existing.table, nil
	}
	return nil, source.Errorf(hdrPos, "malformed TOML: table %q defined twice", strings.Join(keys, "."))
}

func (t *tomlTable) set(key string, v *tomlValue) {
	t.keys = append(t.keys, key)
	t.vals[key] = v
}

// descend walks (creating implicit tables) to the table named by keys.
func (p *tomlParser) descend(t *tomlTable, keys []string, pos source.Pos) (*tomlTable, error) {
	for _, k := range keys {
		v := t.vals[k]
		switch {
		case v == nil:
			nt := newTOMLTable()
			t.set(k, &tomlValue{kind: tomlTableKind, table: nt, pos: pos, keyPos: pos})
			t = nt
		case v.kind == tomlTableKind && !v.table.sealed:
			t = v.table
		case v.kind == tomlArray && len(v.arr) > 0 && v.arr[len(v.arr)-1].kind == tomlTableKind:
			t = v.arr[len(v.arr)-1].table
		default:
			return nil, source.Errorf(pos, "malformed TOML: key %q is already a value", k)
		}
	}
	return t, nil
}

// keyValue reads "key = value" into t, then requires the end of the line.
func (p *tomlParser) keyValue(t *tomlTable) error {
	if err := p.member(t, 0); err != nil {
		return err
	}
	return p.endOfLine()
}

// member reads "dotted.key = value" into t.
func (p *tomlParser) member(t *tomlTable, depth int) error {
	keyPos := p.li.pos(p.off)
	keys, _, err := p.dottedKey()
	if err != nil {
		return err
	}
	p.skipBlank()
	if p.peek() != '=' {
		return p.errorf("expected '=' after key %q", strings.Join(keys, "."))
	}
	p.off++
	p.skipBlank()
	v, err := p.value(depth)
	if err != nil {
		return err
	}
	v.keyPos = keyPos
	parent, err := p.descend(t, keys[:len(keys)-1], keyPos)
	if err != nil {
		return err
	}
	last := keys[len(keys)-1]
	if parent.vals[last] != nil {
		return source.Errorf(keyPos, "malformed TOML: duplicate key %q", strings.Join(keys, "."))
	}
	parent.set(last, v)
	return nil
}

// dottedKey reads a key such as a."b".c and returns its parts.
func (p *tomlParser) dottedKey() ([]string, source.Pos, error) {
	pos := p.li.pos(p.off)
	var keys []string
	for {
		p.skipBlank()
		var k string
		switch c := p.peek(); {
		case c == '"' || c == '\'':
			s, err := p.stringValue()
			if err != nil {
				return nil, pos, err
			}
			k = s
		case isBareKeyChar(c):
			start := p.off
			for p.off < len(p.data) && isBareKeyChar(p.data[p.off]) {
				p.off++
			}
			k = string(p.data[start:p.off])
		default:
			return nil, pos, p.errorf("expected a key, found %q", c)
		}
		keys = append(keys, k)
		p.skipBlank()
		if p.peek() != '.' {
			return keys, pos, nil
		}
		p.off++
	}
}

func isBareKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// value reads one value.
func (p *tomlParser) value(depth int) (*tomlValue, error) {
	if depth > maxTOMLDepth {
		return nil, p.errorf("nested too deep")
	}
	pos := p.li.pos(p.off)
	switch c := p.peek(); {
	case c == '"' || c == '\'':
		s, err := p.stringValue()
		if err != nil {
			return nil, err
		}
		return &tomlValue{kind: tomlString, str: s, pos: pos}, nil
	case c == '[':
		return p.array(pos, depth)
	case c == '{':
		return p.inlineTable(pos, depth)
	case c == 0 || c == '\n' || c == '#':
		return nil, p.errorf("missing value")
	}
	start := p.off
	for p.off < len(p.data) && isScalarChar(p.data[p.off]) {
		p.off++
	}
	raw := string(p.data[start:p.off])
	if !validScalar(raw) {
		p.off = start
		return nil, p.errorf("invalid value %q", firstWord(p.data[start:]))
	}
	return &tomlValue{kind: tomlScalar, str: raw, pos: pos}, nil
}

func isScalarChar(c byte) bool {
	return isBareKeyChar(c) || c == '.' || c == '+' || c == ':'
}

// validScalar accepts booleans, numbers, inf/nan and dates (loosely: a
// scalar must start with a digit or sign, or be a keyword).
func validScalar(s string) bool {
	switch s {
	case "true", "false", "inf", "nan", "+inf", "-inf", "+nan", "-nan":
		return true
	}
	return s != "" && (s[0] >= '0' && s[0] <= '9' || s[0] == '+' || s[0] == '-')
}

func firstWord(b []byte) string {
	i := bytes.IndexAny(b, " \t\r\n,]}")
	if i < 0 {
		i = len(b)
	}
	if i > 40 {
		i = 40
	}
	return string(b[:i])
}

func (p *tomlParser) array(pos source.Pos, depth int) (*tomlValue, error) {
	p.off++ // [
	v := &tomlValue{kind: tomlArray, pos: pos}
	for {
		p.skipSpaceAndComments()
		if p.peek() == ']' {
			p.off++
			return v, nil
		}
		elem, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		v.arr = append(v.arr, elem)
		p.skipSpaceAndComments()
		switch p.peek() {
		case ',':
			p.off++
		case ']':
		default:
			return nil, p.errorf("expected ',' or ']' in array")
		}
	}
}

func (p *tomlParser) inlineTable(pos source.Pos, depth int) (*tomlValue, error) {
	p.off++ // {
	t := newTOMLTable()
	for {
		p.skipSpaceAndComments()
		if p.peek() == '}' {
			p.off++
			t.sealed = true
			return &tomlValue{kind: tomlTableKind, table: t, pos: pos}, nil
		}
		if err := p.member(t, depth+1); err != nil {
			return nil, err
		}
		p.skipSpaceAndComments()
		switch p.peek() {
		case ',':
			p.off++
		case '}':
		default:
			return nil, p.errorf("expected ',' or '}' in inline table")
		}
	}
}

// stringValue reads a basic, literal or multi-line string.
func (p *tomlParser) stringValue() (string, error) {
	q := p.data[p.off]
	triple := bytes.HasPrefix(p.data[p.off:], []byte{q, q, q})
	if triple {
		return p.multiLineString(q)
	}
	start := p.off
	p.off++
	var b strings.Builder
	for p.off < len(p.data) {
		c := p.data[p.off]
		switch {
		case c == q:
			p.off++
			return b.String(), nil
		case c == '\n':
			p.off = start
			return "", p.errorf("unterminated string")
		case c == '\\' && q == '"':
			if err := p.escape(&b); err != nil {
				return "", err
			}
			continue
		default:
			b.WriteByte(c)
		}
		p.off++
	}
	p.off = start
	return "", p.errorf("unterminated string")
}

func (p *tomlParser) multiLineString(q byte) (string, error) {
	start := p.off
	p.off += 3
	if p.peek() == '\r' {
		p.off++
	}
	if p.peek() == '\n' { // a newline right after the opening quotes is trimmed
		p.off++
	}
	closing := []byte{q, q, q}
	var b strings.Builder
	for p.off < len(p.data) {
		if bytes.HasPrefix(p.data[p.off:], closing) {
			p.off += 3
			for p.peek() == q && b.Len() < 2 { // up to two quotes may end the content
				b.WriteByte(q)
				p.off++
			}
			return b.String(), nil
		}
		c := p.data[p.off]
		if c == '\\' && q == '"' {
			if err := p.escape(&b); err != nil {
				return "", err
			}
			continue
		}
		b.WriteByte(c)
		p.off++
	}
	p.off = start
	return "", p.errorf("unterminated multi-line string")
}

// escape decodes one backslash escape of a basic string at p.off. A
// backslash before a line end (multi-line strings) joins lines.
func (p *tomlParser) escape(b *strings.Builder) error {
	p.off++ // backslash
	c := p.peek()
	p.off++
	switch c {
	case 'b':
		b.WriteByte('\b')
	case 't':
		b.WriteByte('\t')
	case 'n':
		b.WriteByte('\n')
	case 'f':
		b.WriteByte('\f')
	case 'r':
		b.WriteByte('\r')
	case 'e':
		b.WriteByte(0x1b)
	case '"', '\\':
		b.WriteByte(c)
	case 'u', 'U':
		n := 4
		if c == 'U' {
			n = 8
		}
		if p.off+n > len(p.data) {
			return p.errorf("short \\%c escape", c)
		}
		r, err := strconv.ParseUint(string(p.data[p.off:p.off+n]), 16, 32)
		if err != nil {
			return p.errorf("invalid \\%c escape", c)
		}
		b.WriteRune(rune(r))
		p.off += n
	case ' ', '\t', '\r', '\n':
		p.off--
		for p.off < len(p.data) && strings.IndexByte(" \t\r\n", p.data[p.off]) >= 0 {
			p.off++
		}
	default:
		p.off -= 2
		return p.errorf("invalid escape \\%c", c)
	}
	return nil
}
