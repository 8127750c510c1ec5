package unsaferetry

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// generatedFiles holds the pass's files that carry the standard
// "// Code generated … DO NOT EDIT." header. Nobody can act on a finding in
// code a generator rewrites, so none is reported there; the functions
// declared in them still count through their facts (a generated client's
// POST retried by hand-written code is reported at the hand-written call).
type generatedFiles map[*token.File]bool

func newGeneratedFiles(pass *analysis.Pass) generatedFiles {
	g := generatedFiles{}
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			g[pass.Fset.File(f.Pos())] = true
		}
	}
	return g
}

// contains reports whether pos is in a generated file.
func (g generatedFiles) contains(fset *token.FileSet, pos token.Pos) bool {
	return len(g) > 0 && g[fset.File(pos)]
}
