package configcheck

import (
	"fmt"
	"slices"
	"strings"
)

// Summary is the one line `twice config` prints after its text output, on
// standard error so that standard output holds only `path:line:col:` lines
// for editors and CI problem matchers:
//
//	twice config: 3 findings (duplicate-openapi-request: 1 warning, 1 note; unauthenticated-openapi: 1 warning), 1 suppressed, 0 input errors; 2 PowerJob servers, 2 clients; 41 files read
func Summary(r *Report) string {
	type tally struct{ errors, warnings, notes int }
	byRule := map[string]*tally{}
	for _, f := range r.Findings {
		t := byRule[f.Rule]
		if t == nil {
			t = &tally{}
			byRule[f.Rule] = t
		}
		switch f.Severity {
		case SeverityError:
			t.errors++
		case SeverityWarning:
			t.warnings++
		default:
			t.notes++
		}
	}
	rules := make([]string, 0, len(byRule))
	for id := range byRule {
		rules = append(rules, id)
	}
	slices.Sort(rules)
	var parts []string
	for _, id := range rules {
		t := byRule[id]
		var counts []string
		for _, c := range []struct {
			n    int
			name string
		}{{t.errors, "error"}, {t.warnings, "warning"}, {t.notes, "note"}} {
			if c.n > 0 {
				counts = append(counts, plural(c.n, c.name))
			}
		}
		parts = append(parts, id+": "+strings.Join(counts, ", "))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "twice config: %s", plural(len(r.Findings), "finding"))
	if len(parts) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(parts, "; "))
	}
	fmt.Fprintf(&b, ", %d suppressed, %s; %s, %s; %s read",
		len(r.Suppressed), plural(len(r.Errors), "input error"),
		plural(r.Counts.Servers, "PowerJob server"), plural(r.Counts.Clients, "client"),
		plural(r.FilesScanned, "file"))
	return b.String()
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
