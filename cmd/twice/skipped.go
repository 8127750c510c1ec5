package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/twice-lint/twice/internal/sarif"
)

// skippedPackage is a requested package whose findings were not computed.
// The checker reports a package with errors as "analysis skipped" on the
// internal model analyzer and every analyzer of every package importing it
// as "failed prerequisites: twicemodel@pkg"; both name an analyzer the user
// never chose, and the second hides that a healthy package lost its
// findings because of a broken import. This says it in package terms.
type skippedPackage struct {
	ids    []string        // package IDs (a package and its test variants)
	path   string          // import path of the package not analyzed
	broken string          // the broken package it imports; "" when it is broken itself
	first  *packages.Error // first load error of the broken package (or its own)
	other  error           // why it failed when no load error explains it
}

// skippedPackages lists the requested packages that were not analyzed, one
// entry per package path (test variants fold into it), in root order.
func skippedPackages(graph *checker.Graph) []*skippedPackage {
	var out []*skippedPackage
	byPath := map[string]*skippedPackage{}
	for _, act := range graph.Roots {
		pkg := act.Package
		if act.Err == nil || pkg == nil {
			continue
		}
		if s := byPath[pkg.PkgPath]; s != nil {
			if !slices.Contains(s.ids, pkg.ID) {
				s.ids = append(s.ids, pkg.ID)
			}
			continue
		}
		s := &skippedPackage{ids: []string{pkg.ID}, path: pkg.PkgPath}
		switch broken := nearestBroken(pkg); {
		case len(pkg.Errors) > 0:
			s.first = &pkg.Errors[0]
		case broken != nil:
			s.broken, s.first = broken.PkgPath, &broken.Errors[0]
		default:
			s.other = act.Err
		}
		byPath[pkg.PkgPath] = s
		out = append(out, s)
	}
	return out
}

// nearestBroken finds, breadth first, the closest package with errors among
// pkg's imports (direct or not); nil if there is none.
func nearestBroken(pkg *packages.Package) *packages.Package {
	seen := map[string]bool{pkg.ID: true}
	queue := []*packages.Package{pkg}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		paths := make([]string, 0, len(p.Imports))
		for path := range p.Imports {
			paths = append(paths, path)
		}
		sort.Strings(paths) // deterministic choice among equally near ones
		for _, path := range paths {
			imp := p.Imports[path]
			if seen[imp.ID] {
				continue
			}
			seen[imp.ID] = true
			if len(imp.Errors) > 0 {
				return imp
			}
			queue = append(queue, imp)
		}
	}
	return nil
}

// message says which package lost its findings and why; wd shortens the
// position of the first error to a path relative to the working directory.
func (s *skippedPackage) message(wd string) string {
	switch {
	case s.other != nil:
		return fmt.Sprintf("package %s was not analyzed, so its findings are missing: %v", s.path, s.other)
	case s.broken == "":
		// Its errors are reported on their own; point at the first.
		pos, _, _ := strings.Cut(errorText(*s.first, wd), ": ")
		return fmt.Sprintf("package %s was not analyzed, so its findings are missing: it has errors (the first at %s); fix them to analyze it%s",
			s.path, pos, buildHint(s.first.Msg))
	}
	return fmt.Sprintf("package %s was not analyzed, so its findings are missing: it imports %s, which has errors (the first: %s); fix those to analyze it%s",
		s.path, s.broken, errorText(*s.first, wd), buildHint(s.first.Msg))
}

// experimentPackages are standard-library packages whose files all carry a
// goexperiment build tag in the Go releases twice supports.
var experimentPackages = map[string]string{
	"encoding/json/v2":       "jsonv2",
	"encoding/json/jsontext": "jsonv2",
}

// buildHint explains the type checker's `could not import P (invalid
// package name: "")` for a standard-library P: go list found no file of P
// for this build, which happens when P needs a GOEXPERIMENT or build tag
// the code is normally built with. twice loads packages with the go
// command in its own environment, so the fix is to run it with the same
// settings as go build. "" for any other error.
func buildHint(msg string) string {
	rest, ok := strings.CutPrefix(msg, "could not import ")
	if !ok {
		return ""
	}
	path, tail, ok := strings.Cut(rest, " ")
	if !ok || !strings.HasPrefix(tail, `(invalid package name: "")`) {
		return ""
	}
	first, _, _ := strings.Cut(path, "/")
	if strings.Contains(first, ".") {
		return "" // not the standard library
	}
	if exp, ok := experimentPackages[path]; ok {
		return fmt.Sprintf(" (%s is built only with GOEXPERIMENT=%s: run twice with the settings the code is built with, e.g. GOEXPERIMENT=%s twice ./...)", path, exp, exp)
	}
	return fmt.Sprintf(" (the standard library's %s has no files for this build: it may need a GOEXPERIMENT or build tags; run twice with the settings the code is built with)", path)
}

// errorText is a load error as "file:line:col: msg", the file relative to wd
// when it is inside it.
func errorText(e packages.Error, wd string) string {
	file, line, col, ok := splitPos(e.Pos)
	if !ok {
		return e.Msg
	}
	if rel, err := filepath.Rel(wd, file); err == nil && filepath.IsAbs(file) && !strings.HasPrefix(rel, "..") {
		file = rel
	}
	pos := file
	if line > 0 {
		pos += fmt.Sprintf(":%d", line)
		if col > 0 {
			pos += fmt.Sprintf(":%d", col)
		}
	}
	return pos + ": " + e.Msg
}

// skippedPackageNotes are the SARIF notifications for the skipped packages,
// located at the first error that explains each.
func skippedPackageNotes(graph *checker.Graph, wd, root string) []sarif.Notification {
	var notes []sarif.Notification
	for _, s := range skippedPackages(graph) {
		n := sarif.Notification{Level: sarif.LevelError}
		if s.first != nil {
			n = packageErrorNote(*s.first, root)
		}
		n.Message = sarif.Message{Text: s.message(wd)}
		notes = append(notes, n)
	}
	return notes
}
