package golangci

import (
	"fmt"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// foldRelated returns a copy of a that reports each diagnostic with its
// related information written into the message ("… (related: retried by
// retry.Do at checkout.go:44)") and no Related entries. golangci-lint turns
// every related-information entry into an issue of its own, which splits
// one finding into several and makes the extra issues impossible to
// //nolint on their own line; one issue that names the other places reads
// as the command line's text output does.
func foldRelated(a *analysis.Analyzer) *analysis.Analyzer {
	folded := *a
	run := a.Run
	folded.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		report := pass.Report
		p.Report = func(d analysis.Diagnostic) {
			report(foldDiagnostic(pass, d))
		}
		return run(&p)
	}
	return &folded
}

func foldDiagnostic(pass *analysis.Pass, d analysis.Diagnostic) analysis.Diagnostic {
	if len(d.Related) == 0 {
		return d
	}
	var parts []string
	for _, r := range d.Related {
		pos := pass.Fset.Position(r.Pos)
		where := ""
		if pos.IsValid() {
			where = fmt.Sprintf(" at %s:%d", filepath.Base(pos.Filename), pos.Line)
		}
		parts = append(parts, strings.TrimSpace(r.Message)+where)
	}
	d.Message += " (related: " + strings.Join(parts, "; ") + ")"
	d.Related = nil
	return d
}
