// Package budget bounds variable expansion in the config checker's parsers.
//
// Every expander — Dockerfile and compose variables, Maven properties,
// Gradle variables, Spring placeholders — substitutes text into text, so a
// few hundred bytes of definitions that each repeat the previous one ten
// times describe a value of gigabytes. Depth and lookup limits do not stop
// that: the size of the result does. One Budget per file caps both the
// length of any single expanded value and the total bytes all expansions of
// the file may produce; the first expansion that would exceed either is
// refused, its value becomes unknown and the parser reports an input error
// at the line that started it. The rest of the file and the scan go on.
package budget

import "fmt"

const (
	// MaxValue is the longest expanded value. Real versions, image names,
	// JVM option strings and URLs are far shorter.
	MaxValue = 64 << 10
	// MaxWork is the total number of bytes the expansions of one file may
	// produce (counting intermediate results of nested references).
	MaxWork = 8 << 20
)

// Budget is the expansion allowance of one file. The zero value is not
// usable; call New. A Budget is not safe for concurrent use: each parse
// owns its own.
type Budget struct {
	maxValue, maxWork int
	work              int
	refused           int
}

// New returns a budget with the default limits.
func New() *Budget { return &Budget{maxValue: MaxValue, maxWork: MaxWork} }

// WithLimits returns a budget with explicit limits (for tests).
func WithLimits(maxValue, maxWork int) *Budget {
	return &Budget{maxValue: maxValue, maxWork: maxWork}
}

// Spend charges n bytes about to be appended to a value whose length would
// then be total. It reports false when the value would be longer than the
// value cap, or when the file's work passes the work cap — which, work only
// growing, refuses every later expansion of the file too. A nil Budget
// allows everything.
func (b *Budget) Spend(n, total int) bool {
	if b == nil {
		return true
	}
	b.work += n
	if total > b.maxValue || b.work > b.maxWork {
		b.refused++
		return false
	}
	return true
}

// Refused is the number of expansions refused so far.
func (b *Budget) Refused() int {
	if b == nil {
		return 0
	}
	return b.refused
}

// Used is the number of bytes charged so far.
func (b *Budget) Used() int {
	if b == nil {
		return 0
	}
	return b.work
}

// Message is the text of the input error a parser reports when an
// expansion of what (e.g. "variable HOME", "property ${a}") is refused.
func (b *Budget) Message(what string) string {
	return fmt.Sprintf("expanding %s exceeds the expansion budget (values up to %d bytes, %d bytes per file): the value is treated as unknown", what, b.maxValue, b.maxWork)
}
