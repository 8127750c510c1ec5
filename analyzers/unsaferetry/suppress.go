package unsaferetry

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/twice-lint/twice/analyzers/internal/mutation"
)

// nolintIndex answers whether a line carries a nolint directive for this
// analyzer, golangci-lint style: //nolint, //nolint:unsaferetry,
// //nolint:twice, lists (//nolint:errcheck,twice) and a "// reason" suffix.
// A directive at the end of the reported line applies to it; one alone on
// its own line applies to the next line.
type nolintIndex struct {
	fset *token.FileSet
	// lines maps a file to the lines (1-based) suppressed in it.
	lines map[*token.File]map[int]bool
	files []*ast.File
}

func newNolintIndex(pass *analysis.Pass) *nolintIndex {
	return &nolintIndex{fset: pass.Fset, files: pass.Files, lines: map[*token.File]map[int]bool{}}
}

// suppressed reports whether a finding at pos is suppressed.
func (x *nolintIndex) suppressed(pos token.Pos) bool {
	tf := x.fset.File(pos)
	if tf == nil {
		return false
	}
	lines, ok := x.lines[tf]
	if !ok {
		lines = x.index(tf)
		x.lines[tf] = lines
	}
	return lines[tf.Line(pos)]
}

// index collects the suppressed lines of one file.
func (x *nolintIndex) index(tf *token.File) map[int]bool {
	lines := map[int]bool{}
	for _, f := range x.files {
		if x.fset.File(f.Pos()) != tf {
			continue
		}
		// Lines holding code before a comment: there the directive is a
		// trailing one and covers only its own line.
		code := map[int]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				return false
			}
			if _, ok := n.(*ast.CommentGroup); ok {
				return false
			}
			if _, ok := n.(ast.Stmt); ok {
				code[tf.Line(n.Pos())] = true
			}
			return true
		})
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if !isNolintForUs(c.Text) {
					continue
				}
				line := tf.Line(c.Pos())
				lines[line] = true
				if !code[line] {
					lines[line+1] = true
				}
			}
		}
	}
	return lines
}

// isNolintForUs parses one comment.
func isNolintForUs(text string) bool {
	t := strings.TrimPrefix(text, "//")
	if t == text {
		return false // a /* */ comment
	}
	t = strings.TrimLeft(t, " \t")
	if !strings.HasPrefix(t, "nolint") {
		return false
	}
	t = t[len("nolint"):]
	if t == "" || t[0] == ' ' || t[0] == '\t' {
		return true // bare //nolint: every linter
	}
	if t[0] != ':' {
		return false // e.g. //nolintlint
	}
	t = t[1:]
	if i := strings.IndexAny(t, " \t"); i >= 0 {
		t = t[:i] // drop "// reason"
	}
	for _, name := range strings.Split(t, ",") {
		switch strings.TrimSpace(name) {
		case "unsaferetry", "twice", "all":
			return true
		}
	}
	return false
}

// idempotentFuncs holds the extents of the function declarations whose doc
// comment carries //twice:idempotent, or documents that a repeat finds the
// thing already there (Classifier.DocumentedRepeatSafe). Such a declaration says the whole
// operation is safe to repeat, so the retries it performs itself are not
// reported either (its callers are silenced through its fact).
type idempotentFuncs []ast.Node

func newIdempotentFuncs(files []*ast.File, c *mutation.Classifier) idempotentFuncs {
	var out idempotentFuncs
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && (mutation.DeclaredIdempotent(fd.Doc) || c.DocumentedRepeatSafe(fd)) {
				out = append(out, fd)
			}
		}
	}
	return out
}

// contains reports whether pos lies inside one of the declarations.
func (fs idempotentFuncs) contains(pos token.Pos) bool {
	for _, fd := range fs {
		if fd.Pos() <= pos && pos < fd.End() {
			return true
		}
	}
	return false
}
