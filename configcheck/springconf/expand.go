package springconf

import (
	"strings"

	"github.com/twice-lint/twice/configcheck/internal/budget"
)

// Placeholder expansion, after Spring's PropertyPlaceholderHelper (6.2 rules
// for defaults: a default is only evaluated when the key is not found).
//
// Implemented: ${KEY}, ${KEY:default}, placeholders nested in keys, in
// defaults and in looked-up values, an unclosed "${" kept literally.
// Not implemented: the "\${" escape of Spring 6.2 and custom prefixes or
// separators. Work is bounded: nesting depth, number of lookups, and the
// shared expansion budget (length of the value, bytes produced over all
// levels); hitting a bound makes the result unknown, never a hang.

const (
	maxExpandDepth   = 32
	maxExpandLookups = 10000
)

// Expand resolves ${NAME} / ${NAME:default} placeholders in value. lookup
// returns a key's raw value, whether it exists, and whether its value is
// known (false for e.g. a Maven token or a remote config source). The bool
// result is false when any placeholder cannot be resolved: the key is not
// found and has no default, its value is unknown, a reference cycle, or a
// work bound is hit. Unresolved placeholders are left in the text.
func Expand(value string, lookup func(key string) (val string, found bool, known bool)) (string, bool) {
	return ExpandWithin(budget.New(), value, lookup)
}

// ExpandWithin is Expand charging the substituted text to b, so that the
// expansions of one file can share one budget. A refused expansion makes
// the result unknown (false) and is counted by b.Refused.
func ExpandWithin(b *budget.Budget, value string, lookup func(key string) (val string, found bool, known bool)) (string, bool) {
	e := expander{lookup: lookup, visiting: map[string]bool{}, budget: b}
	out := e.expandRec(value, 0)
	return out, !e.failed
}

type expander struct {
	lookup   func(string) (string, bool, bool)
	visiting map[string]bool // keys being resolved, to detect cycles
	lookups  int
	budget   *budget.Budget
	failed   bool // some placeholder could not be resolved
	// overBudget: the budget refused an expansion; the result is unknown.
	overBudget bool
}

// expandRec replaces every top-level placeholder of s.
func (e *expander) expandRec(s string, depth int) string {
	if !strings.Contains(s, "${") {
		return s
	}
	if depth > maxExpandDepth {
		e.failed = true
		return s
	}
	var b strings.Builder
	for {
		start := strings.Index(s, "${")
		if start < 0 {
			break
		}
		end := matchingBrace(s, start+2)
		if end < 0 {
			break // unclosed: the rest is literal text
		}
		r := e.resolve(s[start:end+1], s[start+2:end], depth)
		if e.overBudget || !e.budget.Spend(start+len(r), b.Len()+start+len(r)) {
			// Too big to know: stop here, every level up gives up too.
			e.failed, e.overBudget = true, true
			return s
		}
		b.WriteString(s[:start])
		b.WriteString(r)
		s = s[end+1:]
	}
	b.WriteString(s)
	return b.String()
}

// matchingBrace returns the index of the '}' that closes a placeholder whose
// content starts at from, honouring nested "${...}", or -1.
func matchingBrace(s string, from int) int {
	depth := 1
	for i := from; i < len(s); i++ {
		switch {
		case s[i] == '$' && i+1 < len(s) && s[i+1] == '{':
			depth++
			i++
		case s[i] == '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// resolve evaluates one placeholder whose text is raw and content is
// inner (between "${" and "}").
func (e *expander) resolve(raw, inner string, depth int) string {
	keyPart, def, hasDef := splitDefault(inner)
	key := e.expandRec(keyPart, depth+1)
	e.lookups++
	if e.lookups > maxExpandLookups || e.visiting[key] {
		e.failed = true
		return raw
	}
	val, found, known := e.lookup(key)
	switch {
	case found && !known:
		e.failed = true
		return raw
	case found:
		e.visiting[key] = true
		out := e.expandRec(val, depth+1)
		delete(e.visiting, key)
		return out
	case hasDef:
		return e.expandRec(def, depth+1)
	default:
		e.failed = true
		return raw
	}
}

// splitDefault splits placeholder content at the first ':' that is not
// inside a nested placeholder.
func splitDefault(inner string) (key, def string, ok bool) {
	depth := 0
	for i := 0; i < len(inner); i++ {
		switch {
		case inner[i] == '$' && i+1 < len(inner) && inner[i+1] == '{':
			depth++
			i++
		case inner[i] == '}':
			depth--
		case inner[i] == ':' && depth == 0:
			return inner[:i], inner[i+1:], true
		}
	}
	return inner, "", false
}
