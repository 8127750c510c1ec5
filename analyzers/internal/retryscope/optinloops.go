package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// An opt-in retry loop: `for attempt := 0; attempt <= c.maxRetries;
// attempt++`, or a loop without a condition that leaves when its counter
// reaches the count (`if attempt >= c.maxRetries { return err }`), where
// maxRetries is a field of a struct of this package that nothing in the
// package sets to a positive number (no default in a constructor or a
// struct literal, no `if n == 0 { n = 3 }`, no `default:"3"` tag). It is
// zero until the user of the package opts in (an option, a config
// field), and then the user's program, not this package, decides to
// retry: the loop runs the attempt once as the package ships. Like a
// client whose retry count is read only from configuration, it is
// unknown and not reported. A field of another package's struct (a
// config type with defaults set there) keeps today's judgement, and so
// do any count with a positive default and a retry helper's loop around
// its func argument (Typed{Attempts: 3}.Run(fn): its callers opt in where
// they call it).

// optInLoop reports whether l is a for loop whose attempt count is a field
// that defaults to zero (see above).
func (w *walk) optInLoop(l loop) bool {
	fs, ok := l.stmt.(*ast.ForStmt)
	if !ok || w.callsFuncParam(l.body) {
		return false
	}
	var field *types.Var
	if fs.Cond != nil {
		field = w.condBound(fs, l, fs.Cond)
	} else {
		field = w.exitBound(fs, l)
	}
	return field != nil && !w.f.positiveField(field)
}

// condBound returns the count field of a loop condition `i < c.max`,
// `i <= c.retries`.
func (w *walk) condBound(fs *ast.ForStmt, l loop, e ast.Expr) *types.Var {
	if _, bound := w.counterBound(l, e); bound != nil {
		return w.boundField(fs, bound)
	}
	return nil
}

// counterBound splits a loop condition that keeps a loop variable under a
// bound (`i < n`, `i <= c.retries`, `n > i`) into the counter and the
// bound; nil, nil for any other condition.
func (w *walk) counterBound(l loop, e ast.Expr) (counter, bound ast.Expr) {
	cond, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok {
		return nil, nil
	}
	counter, bound = cond.X, cond.Y
	switch cond.Op {
	case token.LSS, token.LEQ:
	case token.GTR, token.GEQ:
		counter, bound = bound, counter
	default:
		return nil, nil
	}
	if !w.isLoopVar(l, counter) {
		return nil, nil
	}
	return counter, bound
}

// exitBound returns the count field of a loop without a condition that
// leaves (return or break) when its counter reaches the count, at the top
// level of its body: `if i >= c.retries || !retryable(err) { return err }`,
// `if err == nil || i == c.max { break }`. At a zero count the first
// attempt leaves.
func (w *walk) exitBound(fs *ast.ForStmt, l loop) *types.Var {
	for _, st := range l.body.List {
		ifs, ok := st.(*ast.IfStmt)
		if !ok || !exitsLoop(ifs.Body, l.label) {
			continue
		}
		for _, d := range astpath.Operands(ifs.Cond, token.LOR) {
			cmp, ok := ast.Unparen(d).(*ast.BinaryExpr)
			if !ok {
				continue
			}
			if f := w.countdownField(fs, l, cmp); f != nil {
				return f
			}
			counter, bound := cmp.X, cmp.Y
			switch cmp.Op {
			case token.GEQ, token.EQL:
			case token.LEQ:
				counter, bound = bound, counter
			default:
				continue
			}
			if !w.isLoopVar(l, counter) {
				counter, bound = bound, counter // c.max == i
				if cmp.Op != token.EQL || !w.isLoopVar(l, counter) {
					continue
				}
			}
			if f := w.boundField(fs, bound); f != nil {
				return f
			}
		}
	}
	return nil
}

// exitsLoop reports whether block ends by leaving the loop labelled label
// (a return, an unlabeled break or a break to the label).
func exitsLoop(block *ast.BlockStmt, label string) bool {
	if len(block.List) == 0 {
		return false
	}
	switch s := block.List[len(block.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.BREAK && (s.Label == nil || s.Label.Name == label)
	}
	return false
}

// callsFuncParam reports whether body calls one of the function's
// func-typed parameters, or a func-typed field of its receiver: a retry
// helper (Run(fn), ex.Execute()), used by callers that set its count where
// they call it, and so opt in there.
func (w *walk) callsFuncParam(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if _, isParam := w.params[objOf(w.info, call.Fun)]; isParam || w.recvFuncField(call) != "" {
				found = true
			}
		}
		return !found
	})
	return found
}

func (w *walk) isLoopVar(l loop, e ast.Expr) bool {
	obj := objOf(w.info, e)
	for _, v := range l.loopVars {
		if obj != nil && v == obj {
			return true
		}
	}
	return false
}

// boundField returns the field of this package's struct that bound is
// read from: the field itself (c.maxRetries), plus or minus a constant
// (c.retries+1), or a local variable of the enclosing function whose every
// definition is that field (n := c.retries). A local with another
// definition (`if n == 0 { n = 3 }`) is not a field's default.
func (w *walk) boundField(fs *ast.ForStmt, bound ast.Expr) *types.Var {
	bound = ast.Unparen(bound)
	if b, ok := bound.(*ast.BinaryExpr); ok && (b.Op == token.ADD || b.Op == token.SUB) {
		if _, isConst := w.intConst(b.Y); !isConst {
			return nil
		}
		bound = ast.Unparen(b.X)
	}
	v, ok := objOf(w.info, bound).(*types.Var)
	if !ok {
		return nil
	}
	if v.IsField() {
		return w.packageField(bound)
	}
	if !w.localBefore(v, fs) {
		return nil
	}
	defs, addressed := astpath.Definitions(w.info, w.decl.Body, v)
	if addressed || len(defs) == 0 {
		return nil
	}
	var field *types.Var
	for _, d := range defs {
		if d.Rhs == nil || d.Tuple {
			return nil
		}
		f := w.packageField(d.Rhs)
		if f == nil || (field != nil && f != field) {
			return nil
		}
		field = f
	}
	return field
}

// packageField returns the field of this package's struct that e reads,
// or nil.
func (w *walk) packageField(e ast.Expr) *types.Var {
	v, ok := objOf(w.info, e).(*types.Var)
	if !ok || !v.IsField() || v.Pkg() != w.f.pass.Pkg {
		return nil
	}
	return v
}

// localBefore reports whether v is declared in the enclosing function
// before the loop fs.
func (w *walk) localBefore(v *types.Var, fs *ast.ForStmt) bool {
	return w.decl != nil && w.decl.Pos() <= v.Pos() && v.Pos() <= fs.Pos()
}

// countdownField returns the count field behind an exit test on attempts
// left, `if retries <= 1 { return err }`, where retries is a local copied
// from the field before the loop (`retries := c.retries`) and only counted
// down in it (retries--): with the field at zero the loop sends once.
func (w *walk) countdownField(fs *ast.ForStmt, l loop, cmp *ast.BinaryExpr) *types.Var {
	if k, ok := w.intConst(cmp.Y); !ok || k > 1 || (cmp.Op != token.LEQ && cmp.Op != token.LSS && cmp.Op != token.EQL) {
		return nil
	}
	v, ok := objOf(w.info, cmp.X).(*types.Var)
	if !ok || v.IsField() || !w.localBefore(v, fs) {
		return nil
	}
	defs, addressed := astpath.Definitions(w.info, w.decl.Body, v)
	if addressed {
		return nil
	}
	var field *types.Var
	for _, d := range defs {
		inLoop := d.Pos >= l.body.Pos() && d.Pos < l.body.End()
		switch {
		case inLoop && d.Rhs == nil:
			// retries-- (Definitions gives a decrement no value)
		case !inLoop && d.Rhs != nil && !d.Tuple && field == nil:
			if field = w.packageField(d.Rhs); field == nil {
				return nil
			}
		default:
			return nil
		}
	}
	if field == nil || !w.countsDown(l.body, v) {
		return nil
	}
	return field
}

// countsDown reports whether body decrements v (v--), and never
// increments it.
func (w *walk) countsDown(body *ast.BlockStmt, v *types.Var) bool {
	down, up := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		if inc, ok := n.(*ast.IncDecStmt); ok && objOf(w.info, inc.X) == v {
			down = down || inc.Tok == token.DEC
			up = up || inc.Tok == token.INC
		}
		return true
	})
	return down && !up
}
