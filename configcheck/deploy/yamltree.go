package deploy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/twice-lint/twice/configcheck/source"
)

// errBudget is returned (wrapped in a *source.Error) when a walk exceeds
// maxNodeVisits, i.e. on alias bombs.
var errBudget = errors.New("YAML too large to expand (alias expansion limit reached)")

// decodeYAML parses every document of data into nodes. Errors become
// *source.Error: merge-conflict markers are reported at their exact position,
// yaml's own "yaml: line N: msg" errors at line N.
func decodeYAML(path string, data []byte) ([]*yaml.Node, error) {
	if len(data) > maxInputSize {
		return nil, source.Errorf(source.Pos{File: path, Line: 1, Col: 1},
			"file too large (%d bytes, limit %d)", len(data), maxInputSize)
	}
	if pos, ok := findConflictMarker(path, data); ok {
		return nil, source.Errorf(pos, "merge conflict marker")
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var docs []*yaml.Node
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return nil, yamlError(path, err)
		}
		docs = append(docs, &doc)
	}
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError converts a yaml.v3 error to a *source.Error. yaml.v3 only reports
// a line, so the column is 1.
func yamlError(path string, err error) error {
	msg := err.Error()
	pos := source.Pos{File: path, Line: 1, Col: 1}
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		if n, convErr := strconv.Atoi(m[1]); convErr == nil && n > 0 {
			pos.Line = n
		}
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	return &source.Error{Pos: pos, Msg: "invalid YAML: " + msg}
}

// findConflictMarker finds a git merge-conflict marker line ("<<<<<<< ",
// "=======", ">>>>>>> "); yaml would report a confusing error elsewhere.
func findConflictMarker(path string, data []byte) (source.Pos, bool) {
	line := 0
	for len(data) > 0 {
		line++
		l := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		l = bytes.TrimRight(l, "\r")
		if isConflictMarker(l) {
			return source.Pos{File: path, Line: line, Col: 1}, true
		}
	}
	return source.Pos{}, false
}

func isConflictMarker(l []byte) bool {
	for _, m := range []string{"<<<<<<<", ">>>>>>>"} {
		if bytes.HasPrefix(l, []byte(m)) && (len(l) == len(m) || l[len(m)] == ' ') {
			return true
		}
	}
	return string(l) == "======="
}

// walker reads a YAML tree with a visit budget shared by the whole file, so
// that aliases (which yaml.v3 keeps as pointers, not copies) cannot make a
// walk exponential. It is created per parse call; there is no shared state.
type walker struct {
	path   string
	visits int
	err    error // first budget error; once set every lookup returns nothing
}

func newWalker(path string) *walker { return &walker{path: path} }

// resolve follows alias nodes and unwraps documents, charging the budget.
// It returns nil when the budget or the alias depth is exhausted.
func (w *walker) resolve(n *yaml.Node) *yaml.Node {
	for hops := 0; n != nil; hops++ {
		if !w.charge(n) || hops > maxYAMLDepth {
			return nil
		}
		switch n.Kind {
		case yaml.AliasNode:
			n = n.Alias
		case yaml.DocumentNode:
			if len(n.Content) == 0 {
				return nil
			}
			n = n.Content[0]
		default:
			return n
		}
	}
	return nil
}

func (w *walker) charge(n *yaml.Node) bool {
	if w.err != nil {
		return false
	}
	w.visits++
	if w.visits > maxNodeVisits {
		w.err = &source.Error{Pos: w.pos(n), Msg: errBudget.Error()}
		return false
	}
	return true
}

func (w *walker) pos(n *yaml.Node) source.Pos {
	if n == nil {
		return source.Pos{File: w.path, Line: 1, Col: 1}
	}
	return source.Pos{File: w.path, Line: n.Line, Col: n.Column}
}

// pair is one key/value of a mapping after merge keys are applied.
type pair struct {
	Key   *yaml.Node // a scalar
	Value *yaml.Node // resolved (never an alias), may be nil
}

// mapping returns the entries of a mapping node with YAML merge keys (`<<`)
// applied: explicit keys win over merged ones, and earlier merge sources win
// over later ones. Non-mapping nodes give nil.
func (w *walker) mapping(n *yaml.Node) []pair {
	return w.mappingDepth(w.resolve(n), 0)
}

func (w *walker) mappingDepth(n *yaml.Node, depth int) []pair {
	if n == nil || n.Kind != yaml.MappingNode || depth > maxYAMLDepth {
		return nil
	}
	var explicit, merged []pair
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !w.charge(k) {
			return nil
		}
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			merged = append(merged, w.mergeSources(v, depth)...)
			continue
		}
		if k.Kind != yaml.ScalarNode {
			continue
		}
		explicit = append(explicit, pair{Key: k, Value: w.resolve(v)})
	}
	return mergePairs(explicit, merged)
}

// mergeSources expands the value of a `<<` key: one mapping or a sequence
// of mappings.
func (w *walker) mergeSources(v *yaml.Node, depth int) []pair {
	v = w.resolve(v)
	if v == nil {
		return nil
	}
	if v.Kind == yaml.SequenceNode {
		var out []pair
		for _, item := range v.Content {
			out = mergePairs(out, w.mappingDepth(w.resolve(item), depth+1))
		}
		return out
	}
	return w.mappingDepth(v, depth+1)
}

// mergePairs returns first followed by the entries of second whose key is
// not in first.
func mergePairs(first, second []pair) []pair {
	if len(second) == 0 {
		return first
	}
	seen := make(map[string]bool, len(first))
	for _, p := range first {
		seen[p.Key.Value] = true
	}
	out := append([]pair(nil), first...)
	for _, p := range second {
		if !seen[p.Key.Value] {
			seen[p.Key.Value] = true
			out = append(out, p)
		}
	}
	return out
}

// get returns the value of key in a mapping (merges applied), or nil.
func (w *walker) get(n *yaml.Node, key string) *yaml.Node {
	for _, p := range w.mapping(n) {
		if p.Key.Value == key {
			return p.Value
		}
	}
	return nil
}

// dig follows a chain of mapping keys.
func (w *walker) dig(n *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		n = w.get(n, k)
		if n == nil {
			return nil
		}
	}
	return n
}

// items returns the resolved items of a sequence node, or nil.
func (w *walker) items(n *yaml.Node) []*yaml.Node {
	n = w.resolve(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, 0, len(n.Content))
	for _, item := range n.Content {
		if r := w.resolve(item); r != nil {
			out = append(out, r)
		}
	}
	return out
}

// scalar returns the text of a scalar node; ok is false for other kinds and
// for null.
func scalar(n *yaml.Node) (string, bool) {
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", false
	}
	return n.Value, true
}

// describe names a node kind for error messages.
func describe(n *yaml.Node) string {
	if n == nil {
		return "nothing"
	}
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "an unexpected node"
}
