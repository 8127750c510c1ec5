package deploy

import (
	"strings"

	"github.com/twice-lint/twice/configcheck/internal/budget"
	"github.com/twice-lint/twice/configcheck/source"
)

// varState says what is known about a variable when expanding ${NAME}.
type varState int

const (
	// varUnset: known not to be set (a Dockerfile variable never declared).
	varUnset varState = iota
	// varSet: known value.
	varSet
	// varUnknown: may or may not be set at run time (every compose variable,
	// a Dockerfile ARG without default). Defaults are used, as the product
	// contract says, but a bare reference is unknown.
	varUnknown
)

// lookupFunc reports a variable's value and state.
type lookupFunc func(name string) (string, varState)

// expander expands shell-style parameter references as docker compose and
// Dockerfiles do: $NAME, ${NAME}, ${NAME:-default}, ${NAME-default},
// ${NAME:+alt}, ${NAME+alt}, ${NAME:?msg}, ${NAME?msg}.
type expander struct {
	lookup lookupFunc
	// dollarEscape: "$$" is a literal "$" (compose).
	dollarEscape bool
	// escape is the character that makes the next "$" literal (a Dockerfile's
	// escape character), 0 for none.
	escape byte
	// lim is the file's expansion budget (nil: unbounded, for compose,
	// where no variable is known and a value never outgrows its text); at
	// is the line an expansion refused by it is reported at.
	lim *expandLimits
	at  source.Pos
}

// expandLimits is the expansion budget of one file and the input error of
// the first expansion it refused.
type expandLimits struct {
	b   *budget.Budget
	err *source.Error
}

func newExpandLimits() *expandLimits { return &expandLimits{b: budget.New()} }

// spend charges n substituted bytes to a value that would then be total
// bytes long; on refusal it records an error at pos naming what.
func (l *expandLimits) spend(n, total int, pos source.Pos, what string) bool {
	if l == nil || l.b.Spend(n, total) {
		return true
	}
	if l.err == nil {
		l.err = source.Errorf(pos, "%s", l.b.Message(what))
	}
	return false
}

// error is the first refusal, or nil (typed nil avoided).
func (l *expandLimits) error() error {
	if l == nil || l.err == nil {
		return nil
	}
	return l.err
}

// maxExpandDepth bounds nesting such as ${A:-${B:-${C}}}.
const maxExpandDepth = 8

// expand returns s with references replaced. unknown is true when some
// reference could not be resolved; such references are kept as written.
func (e expander) expand(s string) (out string, unknown bool) {
	out, refs := e.expandRefs(s)
	return out, len(refs) > 0
}

// expandRefs is expand that also returns the unresolved references as
// written, e.g. ["${TAG}"].
func (e expander) expandRefs(s string) (string, []string) {
	return e.expandDepth(s, 0)
}

func (e expander) expandDepth(s string, depth int) (string, []string) {
	if depth > maxExpandDepth {
		return s, []string{s}
	}
	var b strings.Builder
	var refs []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case e.escape != 0 && c == e.escape && i+1 < len(s) && s[i+1] == '$':
			b.WriteByte('$')
			i += 2
		case c != '$':
			b.WriteByte(c)
			i++
		case e.dollarEscape && i+1 < len(s) && s[i+1] == '$':
			b.WriteByte('$')
			i += 2
		default:
			text, n, unresolved := e.reference(s[i:], depth)
			if !e.lim.spend(len(text), b.Len()+len(text), e.at, quoteRef(s[i:i+n])) {
				return s, []string{s} // too big to know: unknown, as written
			}
			b.WriteString(text)
			refs = append(refs, unresolved...)
			i += n
		}
	}
	return b.String(), refs
}

// reference expands the reference at the start of s (s[0] == '$') and
// returns the replacement, the bytes consumed and the unresolved references.
func (e expander) reference(s string, depth int) (string, int, []string) {
	if len(s) > 1 && s[1] == '{' {
		end := matchingBrace(s, 1)
		if end < 0 { // unterminated: literal, and compose would reject it
			return s, len(s), []string{s}
		}
		text, refs := e.braced(s[2:end], s[:end+1], depth)
		return text, end + 1, refs
	}
	n := 1
	for n < len(s) && isNameByte(s[n], n == 1) {
		n++
	}
	if n == 1 { // a lone "$"
		return "$", 1, nil
	}
	val, st := e.lookup(s[1:n])
	switch st {
	case varSet:
		return val, n, nil
	case varUnset:
		return "", n, nil
	}
	return s[:n], n, []string{s[:n]}
}

// braced expands the inside of ${...}; raw is the whole reference as written.
func (e expander) braced(inner, raw string, depth int) (string, []string) {
	unresolved := []string{raw}
	nameEnd := 0
	for nameEnd < len(inner) && isNameByte(inner[nameEnd], nameEnd == 0) {
		nameEnd++
	}
	name, op := inner[:nameEnd], inner[nameEnd:]
	if name == "" {
		return raw, unresolved
	}
	val, st := e.lookup(name)
	if op == "" {
		switch st {
		case varSet:
			return val, nil
		case varUnset:
			return "", nil
		}
		return raw, unresolved
	}
	colon := strings.HasPrefix(op, ":")
	op = strings.TrimPrefix(op, ":")
	if op == "" {
		return raw, unresolved
	}
	word := op[1:]
	// "set" for the colon forms means set and non-empty.
	isSet := st == varSet && (!colon || val != "")
	switch op[0] {
	case '-':
		if isSet {
			return val, nil
		}
		return e.expandDepth(word, depth+1)
	case '+':
		switch {
		case st == varUnknown:
			return raw, unresolved
		case isSet:
			return e.expandDepth(word, depth+1)
		}
		return "", nil
	case '?':
		if isSet {
			return val, nil
		}
		return raw, unresolved
	}
	return raw, unresolved
}

// matchingBrace returns the index of the '}' closing the '{' at s[open],
// honouring nesting, or -1.
func matchingBrace(s string, open int) int {
	level := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '{':
			level++
		case '}':
			level--
			if level == 0 {
				return i
			}
		}
	}
	return -1
}

func isNameByte(c byte, first bool) bool {
	switch {
	case c == '_', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		return true
	case c >= '0' && c <= '9':
		return !first
	}
	return false
}

// composeExpander interpolates compose values. The environment compose runs
// in (shell, .env) is not in the repository, so every variable is unknown:
// defaults are used and bare references make the value unknown.
func composeExpander() expander {
	return expander{
		lookup:       func(string) (string, varState) { return "", varUnknown },
		dollarEscape: true,
	}
}

// quoteRef names a reference in an error message, capped in length.
func quoteRef(ref string) string {
	return "reference " + source.QuoteCapped(ref, 40)
}

// expandKubernetes expands Kubernetes dependent variables "$(NAME)" in
// env values, command and args from the container's earlier env entries.
// "$$" is a literal "$"; a reference to an undefined variable stays as
// written (Kubernetes does the same) and, like a reference to a valueFrom
// variable, is returned among the unresolved references. lim bounds the
// substituted text (the error is reported at pos); a value it refuses is
// returned as written, wholly unresolved.
func (lim *expandLimits) expandKubernetes(s string, env []EnvVar, pos source.Pos) (string, []string) {
	if !strings.Contains(s, "$") {
		return s, nil
	}
	var b strings.Builder
	var refs []string
	for i := 0; i < len(s); {
		if s[i] != '$' || i+1 >= len(s) {
			b.WriteByte(s[i])
			i++
			continue
		}
		switch s[i+1] {
		case '$':
			b.WriteByte('$')
			i += 2
			continue
		case '(':
			end := strings.IndexByte(s[i:], ')')
			if end < 0 {
				// No ")" anywhere after: the rest is literal. Stopping here
				// keeps "$($($(…" linear.
				b.WriteString(strings.ReplaceAll(s[i:], "$$", "$"))
				return b.String(), refs
			}
			raw := s[i : i+end+1]
			if val, ok := lookupEnv(env, s[i+2:i+end]); ok {
				if !lim.spend(len(val), b.Len()+len(val), pos, quoteRef(raw)) {
					return s, []string{s}
				}
				b.WriteString(val)
			} else {
				b.WriteString(raw)
				refs = append(refs, raw)
			}
			i += end + 1
			continue
		}
		b.WriteByte('$')
		i++
	}
	return b.String(), refs
}

// lookupEnv finds the last env entry called name; ok is false when it is
// missing or its value is unknown.
func lookupEnv(env []EnvVar, name string) (string, bool) {
	for i := len(env) - 1; i >= 0; i-- {
		if env[i].Name == name {
			return env[i].Value, !env[i].Unknown
		}
	}
	return "", false
}
