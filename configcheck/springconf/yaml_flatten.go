package springconf

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/twice-lint/twice/configcheck/internal/yamlnode"
	"github.com/twice-lint/twice/configcheck/source"
)

// Flattening a YAML node tree into Spring's dotted keys, the way Spring's
// YamlProcessor builds its flattened map: nested mappings join with '.',
// keys that start with '[' attach without a dot, sequence items become
// key[i], null becomes "". Aliases and merge keys (<<) are followed, so the
// work is bounded: nesting depth, nodes visited (which bounds alias bombs)
// and entries emitted. Exceeding a bound is a *source.Error, never a hang.

const (
	maxYAMLDepth   = 200
	maxYAMLVisits  = 1_000_000
	maxYAMLEntries = 100_000
)

type flattener struct {
	path    string
	text    []byte
	starts  []int
	swaps   map[tokenPos]bool   // Maven tokens quoted by quoteMavenTokens
	active  map[*yaml.Node]bool // alias targets being expanded (cycle guard)
	visits  int
	entries []Entry
}

func newFlattener(path string, text []byte, starts []int, swaps map[tokenPos]bool) *flattener {
	return &flattener{path: path, text: text, starts: starts, swaps: swaps, active: map[*yaml.Node]bool{}}
}

// pos converts a node's line and character column to a source.Pos with a
// byte column.
func (f *flattener) pos(n *yaml.Node) source.Pos {
	line := lineAt(f.text, f.starts, n.Line)
	col, chars := 0, 1
	for col < len(line) && chars < n.Column {
		_, size := utf8.DecodeRune(line[col:])
		col += size
		chars++
	}
	return source.Pos{File: f.path, Line: max(n.Line, 1), Col: col + 1}
}

func (f *flattener) errorf(n *yaml.Node, format string, args ...any) error {
	return source.Errorf(f.pos(n), format, args...)
}

// document flattens one YAML document. A root that is not a mapping (a bare
// scalar, a list) holds no Spring properties.
func (f *flattener) document(root *yaml.Node) error {
	n := root
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return nil
		}
		n = n.Content[0]
	}
	target, err := f.deref(n)
	if err != nil || target.Kind != yaml.MappingNode {
		return err
	}
	return f.value(n, "", nil, 0)
}

// deref follows an alias to its anchored node (aliases of aliases do not
// exist in YAML: an alias always names a node that is not itself an alias).
func (f *flattener) deref(n *yaml.Node) (*yaml.Node, error) {
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return nil, f.errorf(n, "unknown YAML anchor %q", n.Value)
		}
		return n.Alias, nil
	}
	return n, nil
}

// visit counts work and enforces the depth bound.
func (f *flattener) visit(n *yaml.Node, depth int) error {
	f.visits++
	if f.visits > maxYAMLVisits {
		return f.errorf(n, "YAML too large after alias expansion (more than %d nodes)", maxYAMLVisits)
	}
	if depth > maxYAMLDepth {
		return f.errorf(n, "YAML nested deeper than %d levels", maxYAMLDepth)
	}
	return nil
}

// value flattens node n found under key (keyNode is where the key is
// written, nil for sequence items and the root).
func (f *flattener) value(n *yaml.Node, key string, keyNode *yaml.Node, depth int) error {
	if err := f.visit(n, depth); err != nil {
		return err
	}
	switch n.Kind {
	case yaml.AliasNode:
		return f.alias(n, key, keyNode, depth)
	case yaml.MappingNode:
		pairs, err := f.pairs(n, depth)
		if err != nil {
			return err
		}
		for _, p := range pairs {
			if err := f.value(p.val, joinKey(key, p.name), p.key, depth+1); err != nil {
				return err
			}
		}
	case yaml.SequenceNode:
		for i, item := range n.Content {
			if err := f.value(item, key+"["+strconv.Itoa(i)+"]", nil, depth+1); err != nil {
				return err
			}
		}
	case yaml.ScalarNode:
		return f.leaf(n, key, keyNode)
	}
	return nil
}

// alias expands the anchored node in place, refusing a node that contains
// an alias to itself.
func (f *flattener) alias(n *yaml.Node, key string, keyNode *yaml.Node, depth int) error {
	target, err := f.deref(n)
	if err != nil {
		return err
	}
	if f.active[target] {
		return f.errorf(n, "YAML anchor %q contains an alias to itself", n.Value)
	}
	f.active[target] = true
	defer delete(f.active, target)
	return f.value(target, key, keyNode, depth+1)
}

// leaf emits one entry. Its position is the key token, or the scalar itself
// for a sequence item.
func (f *flattener) leaf(n *yaml.Node, key string, keyNode *yaml.Node) error {
	if key == "" {
		return nil
	}
	if len(f.entries) >= maxYAMLEntries {
		return f.errorf(n, "YAML has more than %d entries", maxYAMLEntries)
	}
	at := keyNode
	if at == nil {
		at = n
	}
	val := n.Value
	if n.ShortTag() == "!!null" {
		val = ""
	}
	if n.Style&yaml.DoubleQuotedStyle != 0 && f.swaps[tokenPos{line: n.Line, col: n.Column}] {
		val = "@" + val + "@"
	}
	f.entries = append(f.entries, Entry{Key: key, Value: val, Pos: f.pos(at), Opaque: isMavenToken(val)})
	return nil
}

func joinKey(prefix, key string) string {
	switch {
	case prefix == "":
		return key
	case strings.HasPrefix(key, "["):
		return prefix + key
	}
	return prefix + "." + key
}

// pair is one effective key/value of a mapping: the key's text, where the
// key is written, and the value.
type pair struct {
	name     string
	key, val *yaml.Node
}

// pairs returns the effective entries of a mapping: its own keys in order,
// then the keys merged in with `<<` that it does not set itself (among merge
// sources, the first one listed wins, per the YAML merge-key spec). A key
// written twice in the same mapping is an error: SnakeYAML, which Spring
// uses, refuses such a file.
func (f *flattener) pairs(m *yaml.Node, depth int) ([]pair, error) {
	var own []pair
	var merges []*yaml.Node
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if yamlnode.IsMergeKey(k) {
			merges = append(merges, v)
			continue
		}
		name, ok, err := f.keyName(k)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue // complex keys cannot name a Spring property
		}
		if seen[name] {
			return nil, f.errorf(k, "duplicate YAML key %q", name)
		}
		seen[name] = true
		own = append(own, pair{name: name, key: k, val: v})
	}
	for _, src := range merges {
		merged, err := f.mergeSources(src, depth+1)
		if err != nil {
			return nil, err
		}
		for _, p := range merged {
			if !seen[p.name] {
				seen[p.name] = true
				own = append(own, p)
			}
		}
	}
	return own, nil
}

// keyName returns the text of a scalar key (following an alias to one);
// ok is false for mapping or sequence keys.
func (f *flattener) keyName(k *yaml.Node) (string, bool, error) {
	target, err := f.deref(k)
	if err != nil || target.Kind != yaml.ScalarNode {
		return "", false, err
	}
	return target.Value, true, nil
}

// mergeSources returns the pairs a `<<` value contributes: a mapping (or an
// alias to one) or a sequence of those. Anything else is not mergeable.
func (f *flattener) mergeSources(v *yaml.Node, depth int) ([]pair, error) {
	if err := f.visit(v, depth); err != nil {
		return nil, err
	}
	target, err := f.deref(v)
	if err != nil {
		return nil, err
	}
	switch target.Kind {
	case yaml.MappingNode:
		if f.active[target] {
			return nil, f.errorf(v, "YAML merge of %q includes itself", v.Value)
		}
		f.active[target] = true
		defer delete(f.active, target)
		return f.pairs(target, depth+1)
	case yaml.SequenceNode:
		var out []pair
		for _, item := range target.Content {
			if item.Kind == yaml.SequenceNode {
				return nil, f.errorf(item, "YAML merge key takes mappings, not nested lists")
			}
			ps, err := f.mergeSources(item, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, ps...)
		}
		return out, nil
	}
	return nil, f.errorf(v, "YAML merge key `<<` needs a mapping or a list of mappings")
}
