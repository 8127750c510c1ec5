package resend

import (
	"bytes"
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// suppressor answers whether a diagnostic at a position is silenced by a
// //nolint comment naming resend or twice (or naming no linter at all),
// on the reported line or alone on the line before the statement.
type suppressor struct {
	pass  *analysis.Pass
	files map[*token.File]map[int]nolintLine // line -> nolint comment on it
}

type nolintLine struct {
	ownLine bool // nothing but the comment on its line
}

func newSuppressor(pass *analysis.Pass) *suppressor {
	return &suppressor{pass: pass, files: make(map[*token.File]map[int]nolintLine)}
}

// silenced reports whether a diagnostic for node is suppressed. stmts are
// the statements that enclose node, outermost first: like golangci-lint, a
// nolint comment on the first line of a statement (or alone on the line
// before it) covers the whole statement.
func (s *suppressor) silenced(file *ast.File, node ast.Node, stmts []ast.Node) bool {
	tf := s.pass.Fset.File(node.Pos())
	if tf == nil {
		return false
	}
	lines := s.index(file, tf)
	if len(lines) == 0 {
		return false
	}
	if _, ok := lines[tf.Line(node.Pos())]; ok {
		return true
	}
	for _, st := range stmts {
		first := tf.Line(st.Pos())
		if _, ok := lines[first]; ok {
			return true
		}
		if prev, ok := lines[first-1]; ok && prev.ownLine {
			return true
		}
	}
	return false
}

// docSilences reports whether a function's doc comment holds a nolint
// directive for resend, which covers the whole function.
func docSilences(doc *ast.CommentGroup) bool {
	if doc == nil {
		return false
	}
	for _, c := range doc.List {
		if nolintCovers(c.Text) {
			return true
		}
	}
	return false
}

// index finds the lines of file that carry a //nolint comment for resend.
func (s *suppressor) index(file *ast.File, tf *token.File) map[int]nolintLine {
	if m, ok := s.files[tf]; ok {
		return m
	}
	m := make(map[int]nolintLine)
	var src []byte
	for _, cg := range file.Comments {
		for _, c := range cg.List {
			if !nolintCovers(c.Text) {
				continue
			}
			if src == nil && s.pass.ReadFile != nil {
				src, _ = s.pass.ReadFile(tf.Name())
			}
			m[tf.Line(c.Pos())] = nolintLine{ownLine: aloneOnLine(src, tf, c.Pos())}
		}
	}
	s.files[tf] = m
	return m
}

// nolintCovers reports whether a comment is a golangci-lint nolint
// directive that applies to resend: //nolint, //nolint:resend,
// //nolint:twice, //nolint:errcheck,resend // reason.
func nolintCovers(text string) bool {
	rest, ok := strings.CutPrefix(text, "//nolint")
	if !ok {
		rest, ok = strings.CutPrefix(text, "// nolint")
		if !ok {
			return false
		}
	}
	if rest == "" || rest[0] == ' ' || rest[0] == '\t' {
		return true // bare //nolint silences every linter
	}
	if rest[0] != ':' {
		return false
	}
	// The list ends where a name is followed by something else than a
	// comma: "errcheck, twice // reason".
	for _, item := range strings.Split(rest[1:], ",") {
		fields := strings.Fields(item)
		if len(fields) == 0 {
			return false
		}
		if fields[0] == "resend" || fields[0] == "twice" {
			return true
		}
		if len(fields) > 1 {
			return false
		}
	}
	return false
}

// aloneOnLine reports whether only blanks precede pos on its line. Without
// the source it assumes so.
func aloneOnLine(src []byte, tf *token.File, pos token.Pos) bool {
	off := tf.Offset(pos)
	if src == nil || off > len(src) {
		return true
	}
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return len(bytes.TrimSpace(src[start:off])) == 0
}
