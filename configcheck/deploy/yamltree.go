package deploy

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/twice-lint/twice/configcheck/internal/yamlnode"
	"github.com/twice-lint/twice/configcheck/source"
)

// errBudget is returned (wrapped in a *source.Error) when a walk exceeds
// maxNodeVisits, i.e. on alias bombs.
var errBudget = errors.New("YAML too large to expand (alias expansion limit reached)")

// decodeYAML parses every document of data into nodes. Errors become
// *source.Error: merge-conflict markers are reported at their exact position,
// yaml's own "yaml: line N: msg" errors at line N.
func decodeYAML(path string, data []byte) ([]*yaml.Node, error) {
	if err := checkSize(path, data); err != nil {
		return nil, err
	}
	if pos, ok := findConflictMarker(path, data); ok {
		return nil, source.Errorf(pos, "merge conflict marker")
	}
	docs, err := yamlnode.DecodeAll(data)
	if err != nil {
		return nil, yamlError(path, data, err)
	}
	return docs, nil
}

// checkSize rejects input over maxInputSize.
func checkSize(path string, data []byte) error {
	if len(data) > maxInputSize {
		return source.Errorf(source.Pos{File: path, Line: 1, Col: 1},
			"file too large (%d bytes, limit %d)", len(data), maxInputSize)
	}
	return nil
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError converts a yaml.v3 error to a *source.Error at the line where
// the input first goes wrong (see errorLine); the column is that line's first
// non-blank byte, as yaml.v3 reports no column.
func yamlError(path string, data []byte, err error) error {
	msg, reported := yamlMessage(err), 1
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		if n, convErr := strconv.Atoi(m[1]); convErr == nil && n > 0 {
			reported = n
		}
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	line := errorLine(lines, msg, reported)
	col := 1
	if line <= len(lines) {
		l := lines[line-1]
		col += len(l) - len(bytes.TrimLeft(l, " \t"))
		if col > len(bytes.TrimRight(l, "\r\n")) {
			col = 1
		}
	}
	return &source.Error{Pos: source.Pos{File: path, Line: line, Col: col}, Msg: "invalid YAML: " + msg}
}

// yamlMessage is a yaml.v3 error without "yaml: line N: ".
func yamlMessage(err error) string {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		return m[2]
	}
	return strings.TrimPrefix(msg, "yaml: ")
}

// errorLine finds the first line whose inclusion makes the input fail with
// the same error. yaml.v3 reports the line where the enclosing construct
// starts (often the line before a bad indentation, 0-based), not the line at
// fault; a parser is streaming, so the shortest failing prefix ends at the
// line at fault. The search is a bisection (O(log n) parses, errors only) and
// falls back to the reported line if the shortest prefix is not found.
func errorLine(lines [][]byte, want string, reported int) int {
	fails := func(k int) bool {
		_, err := yamlnode.DecodeAll(bytes.Join(lines[:k], nil))
		return err != nil && yamlMessage(err) == want
	}
	lo, hi := 1, len(lines)
	if hi == 0 || !fails(hi) {
		return reported
	}
	for lo < hi {
		mid := lo + (hi-lo)/2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
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
	// maps memoizes mapping(): parsers look up many keys of the same
	// mapping, and charging each lookup for every key again made large
	// files without a single alias hit the alias budget.
	maps map[*yaml.Node][]pair
}

func newWalker(path string) *walker { return &walker{path: path, maps: map[*yaml.Node][]pair{}} }

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
// applied, in document order: merged entries appear where their `<<` key is.
// Explicit keys win over merged ones, and earlier merge sources win over
// later ones. Non-mapping nodes give nil.
func (w *walker) mapping(n *yaml.Node) []pair {
	n = w.resolve(n)
	if ps, ok := w.maps[n]; ok || n == nil {
		return ps
	}
	ps := w.mappingDepth(n, 0)
	if w.err == nil { // a result cut short by the budget is not kept
		w.maps[n] = ps
	}
	return ps
}

func (w *walker) mappingDepth(n *yaml.Node, depth int) []pair {
	if n == nil || n.Kind != yaml.MappingNode || depth > maxYAMLDepth {
		return nil
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind == yaml.ScalarNode && !yamlnode.IsMergeKey(k) {
			seen[k.Value] = true
		}
	}
	var out []pair
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !w.charge(k) {
			return nil
		}
		switch {
		case yamlnode.IsMergeKey(k):
			for _, p := range w.mergeSources(v, depth) {
				if !seen[p.Key.Value] {
					seen[p.Key.Value] = true
					out = append(out, p)
				}
			}
		case k.Kind == yaml.ScalarNode:
			out = append(out, pair{Key: k, Value: w.resolve(v)})
		}
	}
	return out
}

// mergeSources expands the value of a `<<` key: one mapping or a sequence
// of mappings (the first that defines a key wins).
func (w *walker) mergeSources(v *yaml.Node, depth int) []pair {
	v = w.resolve(v)
	if v == nil {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		return w.mappingDepth(v, depth+1)
	}
	var out []pair
	seen := map[string]bool{}
	for _, item := range v.Content {
		for _, p := range w.mappingDepth(w.resolve(item), depth+1) {
			if !seen[p.Key.Value] {
				seen[p.Key.Value] = true
				out = append(out, p)
			}
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
		return source.QuoteCapped(n.Value, 60)
	}
	return "an unexpected node"
}
