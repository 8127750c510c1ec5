package unsaferetry

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// quietFiles holds the pass's files where nothing is reported:
//   - files with the standard "// Code generated … DO NOT EDIT." header:
//     nobody can act on a finding in code a generator rewrites, unless the
//     retry is the generator's own default call options (report checks
//     Scope.DefaultOptionsRetry): those defaults are what to fix;
//   - _test.go files, unless -tests is set: a test's retries talk to test
//     servers and fakes, so a duplicate there harms nothing a user runs.
//
// The functions declared in them still count through their facts (a
// generated client's POST retried by hand-written code is reported at the
// hand-written call).
type quietFiles map[*token.File]bool

func newQuietFiles(pass *analysis.Pass, reportTests bool) quietFiles {
	q := quietFiles{}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		if ast.IsGenerated(f) || !reportTests && astpath.InTestFile(pass.Fset, f.Pos()) {
			q[tf] = true
		}
	}
	return q
}

// contains reports whether pos is in a quiet file.
func (q quietFiles) contains(fset *token.FileSet, pos token.Pos) bool {
	return len(q) > 0 && q[fset.File(pos)]
}
