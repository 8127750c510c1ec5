package unsaferetry

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/twice-lint/twice/analyzers/internal/mutation"
	"github.com/twice-lint/twice/analyzers/internal/retryscope"
)

// hoistKeyFix offers to move `key := uuid.NewString()` out of a retried
// func literal to just before the statement holding the retry call, so the
// key is created once and every attempt sends it. It is offered only where
// the move cannot change meaning: the key statement is the literal's first
// statement, declares one variable, uses nothing declared inside the
// literal, and its name is free where it moves to.
func hoistKeyFix(pass *analysis.Pass, c candidate, key *mutation.Key) (analysis.SuggestedFix, bool) {
	s := c.scope
	if s.Body == nil || (s.Kind != retryscope.KindLibrary && s.Kind != retryscope.KindHelper) || s.Encl == nil || len(s.Body.List) < 2 {
		return analysis.SuggestedFix{}, false
	}
	first, ok := s.Body.List[0].(*ast.AssignStmt)
	if !ok || first.Tok != token.DEFINE || len(first.Lhs) != 1 || len(first.Rhs) != 1 ||
		key.Origin < first.Pos() || key.Origin >= first.End() {
		return analysis.SuggestedFix{}, false
	}
	name, ok := first.Lhs[0].(*ast.Ident)
	if !ok || usesLocal(pass, first.Rhs[0], s.Body) {
		return analysis.SuggestedFix{}, false
	}
	target := statementAt(s.Encl.Body, s.Pos)
	if target == nil {
		return analysis.SuggestedFix{}, false
	}
	if sc := pass.Pkg.Scope().Innermost(target.Pos()); sc == nil || lookupVisible(sc, name.Name, target.Pos()) {
		return analysis.SuggestedFix{}, false
	}
	var buf bytes.Buffer
	if err := format.Node(&buf, pass.Fset, first); err != nil {
		return analysis.SuggestedFix{}, false
	}
	col := pass.Fset.Position(target.Pos()).Column
	indent := strings.Repeat("\t", max(col-1, 0))
	return analysis.SuggestedFix{
		Message: "create " + name.Name + " once, before the retry",
		TextEdits: []analysis.TextEdit{
			{Pos: target.Pos(), End: target.Pos(), NewText: []byte(buf.String() + "\n" + indent)},
			{Pos: first.Pos(), End: s.Body.List[1].Pos()},
		},
	}, true
}

// usesLocal reports whether e mentions something declared inside body.
func usesLocal(pass *analysis.Pass, e ast.Expr, body *ast.BlockStmt) bool {
	local := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if obj := pass.TypesInfo.Uses[id]; obj != nil && obj.Pos() >= body.Pos() && obj.Pos() < body.End() {
				local = true
			}
		}
		return !local
	})
	return local
}

// statementAt returns the statement of a block list (at any depth, outside
// func literals nested in it) that contains pos.
func statementAt(body *ast.BlockStmt, pos token.Pos) ast.Stmt {
	var found ast.Stmt
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil || found != nil || pos < n.Pos() || pos >= n.End() {
			return false
		}
		if b, ok := n.(*ast.BlockStmt); ok {
			for _, st := range b.List {
				if pos >= st.Pos() && pos < st.End() {
					found = st
					// Prefer a deeper statement when pos sits in a nested block.
					if inner := nestedStatementAt(st, pos); inner != nil {
						found = inner
					}
					return false
				}
			}
		}
		return true
	})
	return found
}

// nestedStatementAt looks for a block inside st (not inside a func
// literal) whose statement contains pos.
func nestedStatementAt(st ast.Stmt, pos token.Pos) ast.Stmt {
	var found ast.Stmt
	ast.Inspect(st, func(n ast.Node) bool {
		if n == nil || found != nil || pos < n.Pos() || pos >= n.End() {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if b, ok := n.(*ast.BlockStmt); ok && n != ast.Node(st) {
			found = statementAt(b, pos)
			return false
		}
		return true
	})
	return found
}

// lookupVisible reports whether name already denotes something at pos:
// declaring it there would clash with or shadow it.
func lookupVisible(sc *types.Scope, name string, pos token.Pos) bool {
	_, obj := sc.LookupParent(name, pos)
	return obj != nil
}
