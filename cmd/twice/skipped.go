package main

import (
	"fmt"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/twice-lint/twice/internal/sarif"
)

// skippedPackageNotes says which requested packages were not analyzed and
// why, in the user's terms. The checker reports a package with errors as
// "analysis skipped" on the internal model analyzer and every analyzer of
// every package importing it as "failed prerequisites: model@pkg"; both
// name an analyzer the user never chose, and the second hides that a
// healthy package lost its findings because of a broken import. Package
// errors themselves are reported separately (packageErrorNote).
func skippedPackageNotes(graph *checker.Graph) []sarif.Notification {
	broken := map[string]bool{} // packages that failed themselves
	for act := range graph.All() {
		if act.Err != nil && act.Package != nil && len(act.Package.Errors) > 0 {
			broken[act.Package.PkgPath] = true
		}
	}
	var notes []sarif.Notification
	seen := map[string]bool{}
	for _, act := range graph.Roots {
		if act.Err == nil || act.Package == nil || seen[act.Package.ID] {
			continue
		}
		seen[act.Package.ID] = true
		pkg := act.Package
		var text string
		switch {
		case len(pkg.Errors) > 0:
			text = fmt.Sprintf("package %s was not analyzed: it has errors (reported above); fix them to get its findings", pkg.PkgPath)
		case strings.Contains(act.Err.Error(), "failed prerequisites"):
			text = fmt.Sprintf("package %s was not analyzed, so its findings are missing: it imports a package with errors%s; fix those to analyze it", pkg.PkgPath, brokenImports(pkg.Imports, broken))
		default:
			text = fmt.Sprintf("package %s: %s analysis failed: %v", pkg.PkgPath, act.Analyzer.Name, act.Err)
		}
		notes = append(notes, sarif.Notification{Level: sarif.LevelError, Message: sarif.Message{Text: text}})
	}
	return notes
}

// brokenImports names the broken packages among a package's imports
// (direct ones; a deeper break shows as no name).
func brokenImports(imports map[string]*packages.Package, broken map[string]bool) string {
	var names []string
	for path := range imports {
		if broken[path] {
			names = append(names, path)
		}
	}
	if len(names) == 0 {
		return ""
	}
	sort.Strings(names)
	return " (" + strings.Join(names, ", ") + ")"
}
