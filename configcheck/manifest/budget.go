package manifest

import (
	"sort"

	"github.com/twice-lint/twice/configcheck/internal/budget"
	"github.com/twice-lint/twice/configcheck/source"
)

// budgets holds the expansion budget of every build file whose properties
// or variables are expanded (Maven ${…}, Gradle variables and string
// interpolation), and the input errors of refused expansions, one per
// position.
type budgets struct {
	byFile map[string]*budget.Budget
	errs   map[source.Pos]*source.Error
}

func newBudgets() *budgets {
	return &budgets{byFile: map[string]*budget.Budget{}, errs: map[source.Pos]*source.Error{}}
}

// of returns the budget of one file.
func (b *budgets) of(file string) *budget.Budget {
	bu := b.byFile[file]
	if bu == nil {
		bu = budget.New()
		b.byFile[file] = bu
	}
	return bu
}

// spend charges n bytes to a value of total bytes against file's budget;
// on refusal it records an input error at pos naming what.
func (b *budgets) spend(file string, n, total int, pos source.Pos, what string) bool {
	bu := b.of(file)
	if bu.Spend(n, total) {
		return true
	}
	if _, dup := b.errs[pos]; !dup {
		b.errs[pos] = source.Errorf(pos, "%s", bu.Message(what))
	}
	return false
}

// errors returns the recorded errors sorted by position.
func (b *budgets) errors() []error {
	list := make([]*source.Error, 0, len(b.errs))
	for _, e := range b.errs {
		list = append(list, e)
	}
	sort.Slice(list, func(i, j int) bool {
		a, c := list[i].Pos, list[j].Pos
		if a.File != c.File {
			return a.File < c.File
		}
		if a.Line != c.Line {
			return a.Line < c.Line
		}
		return a.Col < c.Col
	})
	out := make([]error, len(list))
	for i, e := range list {
		out[i] = e
	}
	return out
}
