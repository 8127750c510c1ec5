package manifest

import (
	"bytes"
	"errors"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/twice-lint/twice/configcheck/source"
)

// TOML for Gradle version catalogs, read with go-toml's parser
// (github.com/pelletier/go-toml/v2/unstable), which reports where every key
// and value starts. The parser checks syntax (TOML 1.0); this file builds
// the document's tables from its expressions and checks what TOML forbids
// beyond syntax and silence would hide: a key defined twice, a table
// defined twice, extending a value or an inline table. It replaced a
// hand-written reader; on the fuzz corpus and 45 s of differential fuzzing
// both gave the same tree and positions wherever both accepted the input
// (the old reader also accepted a lone CR and newlines inside inline
// tables, which TOML 1.0 — and Gradle's own TOML parser — reject).

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

func (t *tomlTable) set(key string, v *tomlValue) {
	t.keys = append(t.keys, key)
	t.vals[key] = v
}

// tomlBuilder turns the parser's expressions into tables.
type tomlBuilder struct {
	p  *unstable.Parser
	li *lineIndex
}

// parseTOML parses a document into its root table.
func parseTOML(file string, data []byte) (root *tomlTable, err error) {
	if err := checkInput(file, data); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	b := &tomlBuilder{p: &unstable.Parser{}, li: newLineIndex(file, data)}
	defer func() { // one hostile file must not take the scan down
		if r := recover(); r != nil {
			root, err = nil, source.Errorf(b.li.pos(0), "malformed TOML: parser failure: %v", r)
		}
	}()
	b.p.Reset(data)
	root = newTOMLTable()
	cur := root
	for b.p.NextExpression() {
		e := b.p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			err = b.member(cur, e, 0)
		case unstable.Table, unstable.ArrayTable:
			cur, err = b.header(root, e)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := b.p.Error(); err != nil {
		return nil, b.parserError(err)
	}
	return root, nil
}

// parserError places a syntax error at the byte it highlights.
func (b *tomlBuilder) parserError(err error) error {
	var pe *unstable.ParserError
	if !errors.As(err, &pe) {
		return source.Errorf(b.li.pos(0), "malformed TOML: %v", err)
	}
	off := len(b.p.Data())
	if pe.Highlight != nil {
		off = int(b.p.Range(pe.Highlight).Offset)
	}
	return source.Errorf(b.li.pos(off), "malformed TOML: %s", pe.Message)
}

// at is the position of a node that has a range in the input.
func (b *tomlBuilder) at(n *unstable.Node) source.Pos { return b.li.pos(int(n.Raw.Offset)) }

// keyParts returns the parts of a (dotted) key and where it starts.
func (b *tomlBuilder) keyParts(n *unstable.Node) ([]string, source.Pos) {
	var parts []string
	var pos source.Pos
	for it := n.Key(); it.Next(); {
		k := it.Node()
		if parts == nil {
			pos = b.at(k)
		}
		parts = append(parts, string(k.Data))
	}
	return parts, pos
}

// header opens the table of "[a.b]" or a new element of "[[a.b]]". Its
// position is the closing bracket, where the header is complete.
func (b *tomlBuilder) header(root *tomlTable, e *unstable.Node) (*tomlTable, error) {
	keys, _ := b.keyParts(e)
	hdrPos := b.closingBracket(e)
	parent, err := descend(root, keys[:len(keys)-1], hdrPos)
	if err != nil {
		return nil, err
	}
	last := keys[len(keys)-1]
	existing := parent.vals[last]
	if e.Kind == unstable.ArrayTable {
		if existing == nil {
			existing = &tomlValue{kind: tomlArray, pos: hdrPos, keyPos: hdrPos}
			parent.set(last, existing)
		} else if existing.kind != tomlArray {
			return nil, source.Errorf(hdrPos, "malformed TOML: %s is not an array of tables", source.QuoteCapped(last, 60))
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
	return nil, source.Errorf(hdrPos, "malformed TOML: table %s defined twice", source.QuoteCapped(strings.Join(keys, "."), 60))
}

// closingBracket finds the ']' after a header's last key part.
func (b *tomlBuilder) closingBracket(e *unstable.Node) source.Pos {
	end := 0
	for it := e.Key(); it.Next(); {
		end = int(it.Node().Raw.Offset + it.Node().Raw.Length)
	}
	data := b.p.Data()
	if i := bytes.IndexByte(data[end:], ']'); i >= 0 {
		end += i
	}
	return b.li.pos(end)
}

// openingBracket places an array (which has no range in the parser's
// tree) at the '[' before its first element; elem is that element's node,
// or a nested array without a range, whose own position is fallback.
func (b *tomlBuilder) openingBracket(elem *unstable.Node, fallback source.Pos) source.Pos {
	if elem.Kind == unstable.Array {
		return fallback
	}
	data := b.p.Data()
	if i := bytes.LastIndexByte(data[:elem.Raw.Offset], '['); i >= 0 {
		return b.li.pos(i)
	}
	return fallback
}

// descend walks (creating implicit tables) to the table named by keys.
func descend(t *tomlTable, keys []string, pos source.Pos) (*tomlTable, error) {
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
			return nil, source.Errorf(pos, "malformed TOML: key %s is already a value", source.QuoteCapped(k, 60))
		}
	}
	return t, nil
}

// member adds "dotted.key = value" (a KeyValue node) to t.
func (b *tomlBuilder) member(t *tomlTable, kv *unstable.Node, depth int) error {
	keys, keyPos := b.keyParts(kv)
	v, err := b.value(kv.Value(), keyPos, depth)
	if err != nil {
		return err
	}
	v.keyPos = keyPos
	parent, err := descend(t, keys[:len(keys)-1], keyPos)
	if err != nil {
		return err
	}
	last := keys[len(keys)-1]
	if parent.vals[last] != nil {
		return source.Errorf(keyPos, "malformed TOML: duplicate key %s", source.QuoteCapped(strings.Join(keys, "."), 60))
	}
	parent.set(last, v)
	return nil
}

// value converts a value node. Arrays have no range of their own in the
// parser's tree: an array is placed at its first element, or at its key.
func (b *tomlBuilder) value(n *unstable.Node, keyPos source.Pos, depth int) (*tomlValue, error) {
	if depth > maxTOMLDepth {
		return nil, source.Errorf(keyPos, "malformed TOML: nested too deep")
	}
	switch n.Kind {
	case unstable.String:
		return &tomlValue{kind: tomlString, str: string(n.Data), pos: b.at(n)}, nil
	case unstable.Array:
		v := &tomlValue{kind: tomlArray, pos: keyPos}
		for it := n.Children(); it.Next(); {
			c := it.Node()
			if c.Kind == unstable.Comment {
				continue
			}
			e, err := b.value(c, keyPos, depth+1)
			if err != nil {
				return nil, err
			}
			if len(v.arr) == 0 {
				v.pos = b.openingBracket(c, e.pos)
			}
			v.arr = append(v.arr, e)
		}
		return v, nil
	case unstable.InlineTable:
		t := newTOMLTable()
		for it := n.Children(); it.Next(); {
			if c := it.Node(); c.Kind == unstable.KeyValue {
				if err := b.member(t, c, depth+1); err != nil {
					return nil, err
				}
			}
		}
		t.sealed = true
		return &tomlValue{kind: tomlTableKind, table: t, pos: b.at(n)}, nil
	case unstable.Bool, unstable.Integer, unstable.Float, unstable.LocalDate, unstable.LocalTime,
		unstable.LocalDateTime, unstable.DateTime:
		return &tomlValue{kind: tomlScalar, str: string(n.Data), pos: b.at(n)}, nil
	}
	return nil, source.Errorf(keyPos, "malformed TOML: unexpected %s", n.Kind)
}
