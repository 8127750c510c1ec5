package retryscope

import (
	"go/ast"
	"go/token"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
	"github.com/twice-lint/twice/analyzers/internal/condkey"
)

// condition is a test known to have the outcome truth on the way to a
// statement: an enclosing if or case, or an earlier `if cond { return }`
// that control got past.
type condition struct {
	expr  ast.Expr
	truth bool
	// typeCase: the types listed by a type switch's case (expr is nil).
	typeCase []ast.Expr
}

// guarded reports whether control can reach the last node of path (path[0]
// is the function or loop body) only on a refusal: one of the conditions
// on the way implies it, given the others (after `if err != nil { return }`
// the test `err == nil && resp.StatusCode != 429` can fail only on a 429).
func (r *refusals) guarded(path []ast.Node, scope ast.Node, depth int) bool {
	return r.refused(pathConditions(path), scope, depth)
}

// refused evaluates conditions that all hold together.
func (r *refusals) refused(conds []condition, scope ast.Node, depth int) bool {
	if len(conds) == 0 {
		return false
	}
	// A helper's body evaluated inside another evaluation has its own
	// conditions.
	outer := r.known
	r.known = map[string]bool{}
	defer func() { r.known = outer }()
	for _, c := range conds {
		if c.expr != nil {
			k, v := condkey.Key(c.expr, c.truth)
			r.known[k] = v
		}
	}
	for _, c := range conds {
		if c.expr != nil && r.when(c.expr, c.truth, scope, depth) || c.typeCase != nil && r.refusalTypes(c.typeCase) {
			return true
		}
	}
	return false
}

// refusalTypes reports whether every type a case lists is a refusal
// error type.
func (r *refusals) refusalTypes(list []ast.Expr) bool {
	for _, e := range list {
		if !settledType(r.info.TypeOf(e)) {
			return false
		}
	}
	return true
}

// knownAs reports whether the conditions being evaluated establish that e
// has the outcome truth.
func (r *refusals) knownAs(e ast.Expr, truth bool) bool {
	if r.known == nil {
		return false
	}
	k, v := condkey.Key(e, truth)
	got, ok := r.known[k]
	return ok && got == v
}

// pathConditions lists the conditions on the way from path[0] to the last
// node of path.
func pathConditions(path []ast.Node) []condition {
	return conditionsOf(astpath.Conditions(path, leaves))
}

// precedingConditions lists what getting past the statements of list
// before child demands: `if !rateLimited(err) { return err }` gives
// rateLimited(err). A nil child stands for the end of the list.
func precedingConditions(list []ast.Stmt, child ast.Node) []condition {
	return conditionsOf(astpath.Preceding(list, child, leaves))
}

// conditionsOf turns the walker's conditions into the evaluator's: an if
// as it is, a case clause as the test it stands for. A switch passed
// through one of several clauses says nothing the evaluator can use.
func conditionsOf(conds []astpath.Cond) []condition {
	var out []condition
	for _, c := range conds {
		switch {
		case c.Expr != nil:
			out = append(out, condition{expr: c.Expr, truth: c.Truth})
		case len(c.Clauses) == 1 && c.Clauses[0] != nil:
			out = append(out, caseConditions(c.Switch, c.Clauses[0])...)
		}
	}
	return out
}

// caseConditions gives the condition of a case clause: the tag equals one
// of the listed values (switch resp.StatusCode { case 409, 429: }), one of
// the listed tests holds (switch { case isThrottled(err): }), or the value
// has one of the listed types (switch err.(type) { case *RateLimitError: }).
// A default clause gives nothing.
func caseConditions(sw ast.Node, cc *ast.CaseClause) []condition {
	if len(cc.List) == 0 {
		return nil
	}
	switch s := sw.(type) {
	case *ast.TypeSwitchStmt:
		return []condition{{typeCase: cc.List, truth: true}}
	case *ast.SwitchStmt:
		var any ast.Expr
		for _, v := range cc.List {
			test := v
			if s.Tag != nil {
				test = &ast.BinaryExpr{X: s.Tag, OpPos: v.Pos(), Op: token.EQL, Y: v}
			}
			if any == nil {
				any = test
			} else {
				any = &ast.BinaryExpr{X: any, OpPos: v.Pos(), Op: token.LOR, Y: test}
			}
		}
		return []condition{{expr: any, truth: true}}
	}
	return nil
}

// leaves reports whether a statement never falls through to the next one:
// it ends in a return, a branch (continue, break, goto) or a panic.
func leaves(st ast.Stmt) bool {
	switch s := st.(type) {
	case *ast.BlockStmt:
		return len(s.List) > 0 && leaves(s.List[len(s.List)-1])
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		return isNoReturnCall(s.X)
	case *ast.IfStmt:
		return s.Else != nil && leaves(s.Body) && leaves(s.Else)
	}
	return false
}

// forEachReturn calls f for each return statement of body (not those of
// nested function literals) with the path from body down to it.
func forEachReturn(body *ast.BlockStmt, f func(*ast.ReturnStmt, []ast.Node)) {
	astpath.Walk(body, func(n ast.Node, path []ast.Node) bool {
		if ret, ok := n.(*ast.ReturnStmt); ok {
			f(ret, append([]ast.Node(nil), path...))
		}
		return true
	})
}
