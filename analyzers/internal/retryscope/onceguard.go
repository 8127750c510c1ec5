package retryscope

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// A retry loop often does a one-time step before the operation it retries:
// it creates a record on the first attempt only (`if attempt == 0 { … }`),
// or until the step succeeded once (`if !created { create(); created =
// true }`, where a failed create leaves the loop). The calls in such a
// block are not repeated once they took effect, so the scope does not
// contain them. A block whose failure goes round again (a `continue`
// before the flag is set), a counter or flag the loop resets, keep the
// block's calls in the scope.

// onceBlocks lists the bodies of the loop's one-time blocks: ifs at the
// top level of the loop body guarded by a first-iteration test of the
// loop's counter, or by a flag set once the block succeeded, and the
// clauses of a select at the top level whose every path leaves the loop
// (`case <-deadline.C: status, err := c.RunCmd(…); …; return err` in a
// loop polling on another clause): a clause that leaves runs once.
func (w *walk) onceBlocks(l loop) []ast.Node {
	var out []ast.Node
	for _, st := range l.body.List {
		if sel, ok := st.(*ast.SelectStmt); ok {
			for _, c := range sel.Body.List {
				if cc, ok := c.(*ast.CommClause); ok && len(cc.Body) > 0 && l.list(cc.Body, true) == exit {
					out = append(out, cc)
				}
			}
			continue
		}
		ifs, ok := st.(*ast.IfStmt)
		if !ok || ifs.Init != nil || ifs.Else != nil {
			continue
		}
		if w.firstIterationTest(l, ifs.Cond) || w.setOnceFlag(l, ifs) {
			out = append(out, ifs.Body)
		}
	}
	return out
}

// firstIterationTest recognises `i == 0` (or `i < 1`, `i <= 0`) for a
// counter the for statement declares and the body never assigns.
func (w *walk) firstIterationTest(l loop, cond ast.Expr) bool {
	fs, ok := l.stmt.(*ast.ForStmt)
	if !ok || fs.Post == nil {
		return false
	}
	if inc, ok := fs.Post.(*ast.IncDecStmt); !ok || inc.Tok != token.INC {
		return false
	}
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	obj := objOf(w.info, b.X)
	if obj == nil || !containsObj(l.loopVars, obj) || assignsObj(w.info, l.body, obj) {
		return false
	}
	tv := w.info.Types[b.Y]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	v, ok := constant.Int64Val(tv.Value)
	return ok && (b.Op == token.EQL && v == 0 || b.Op == token.LSS && v == 1 || b.Op == token.LEQ && v == 0)
}

// setOnceFlag recognises `if !flag { …; flag = true }`: flag is declared
// before the loop, the block sets it at its top level, no statement before
// that goes round the loop, and nothing else in the loop body assigns it.
func (w *walk) setOnceFlag(l loop, ifs *ast.IfStmt) bool {
	u, ok := ast.Unparen(ifs.Cond).(*ast.UnaryExpr)
	if !ok || u.Op != token.NOT {
		return false
	}
	id, ok := ast.Unparen(u.X).(*ast.Ident)
	if !ok {
		return false
	}
	flag, ok := w.info.Uses[id].(*types.Var)
	if !ok || !isBool(flag.Type()) || flag.Pos() >= l.body.Pos() && flag.Pos() < l.body.End() {
		return false
	}
	set := -1
	for i, st := range ifs.Body.List {
		if w.setsTrue(st, flag) {
			set = i
			break
		}
	}
	if set < 0 {
		return false
	}
	before := ifs.Body.List[:set]
	if l.list(before, false)&next != 0 || hasGoto(&ast.BlockStmt{List: before}) {
		return false // a failure before the flag goes round again
	}
	// The flag's only assignment in the loop is the one that sets it.
	n := 0
	ast.Inspect(l.body, func(x ast.Node) bool {
		if as, ok := x.(*ast.AssignStmt); ok {
			for _, lhs := range as.Lhs {
				if objOf(w.info, lhs) == types.Object(flag) {
					n++
				}
			}
		}
		return true
	})
	return n == 1
}

func (w *walk) setsTrue(st ast.Stmt, flag *types.Var) bool {
	as, ok := st.(*ast.AssignStmt)
	if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 || objOf(w.info, as.Lhs[0]) != types.Object(flag) {
		return false
	}
	tv := w.info.Types[as.Rhs[0]]
	return tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

func hasGoto(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if br, ok := x.(*ast.BranchStmt); ok && br.Tok == token.GOTO {
			found = true
		}
		return !found
	})
	return found
}

// assignsObj reports whether the body assigns obj (`=`, `+=`, `++`).
func assignsObj(info *types.Info, body ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch s := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range s.Lhs {
				if objOf(info, lhs) == obj {
					found = true
				}
			}
		case *ast.IncDecStmt:
			if objOf(info, s.X) == obj {
				found = true
			}
		}
		return !found
	})
	return found
}
