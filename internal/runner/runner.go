// Package runner loads Go packages and runs analyzers on them the way the
// command line does (go/packages with all syntax, then
// golang.org/x/tools/go/analysis/checker), so every front end that is not
// the x/tools driver — SARIF output, the language server — sees the same
// facts and the same diagnostics.
package runner

import (
	"context"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Options say where and how to load.
type Options struct {
	// Dir is the directory the patterns are resolved in; "" means the
	// process's working directory.
	Dir string
	// Tests includes test packages and test variants.
	Tests bool
	// Context cancels the loading (go list); the analysis itself runs to
	// its end once started.
	Context context.Context
}

// Analyze loads the packages matching patterns, with all syntax since the
// analyzers exchange facts across packages, and analyzes them. The errors of
// loaded packages (syntax, types, imports) are returned as pkgErrs; err
// means nothing could be analyzed.
func Analyze(patterns []string, as []*analysis.Analyzer, opts Options) (graph *checker.Graph, pkgErrs []packages.Error, err error) {
	cfg := &packages.Config{
		Mode:    packages.LoadAllSyntax | packages.NeedModule,
		Tests:   opts.Tests,
		Dir:     opts.Dir,
		Context: opts.Context,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, nil, fmt.Errorf("loading packages: %w", err)
	}
	if len(pkgs) == 0 {
		return nil, nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		pkgErrs = append(pkgErrs, p.Errors...)
	})
	graph, err = checker.Analyze(as, pkgs, nil)
	if err != nil {
		return nil, pkgErrs, fmt.Errorf("analyzing packages: %w", err)
	}
	return graph, pkgErrs, nil
}
