package resend

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
	"github.com/twice-lint/twice/analyzers/internal/httpstatus"
)

// A constraint is a condition on the way to a send: the branch of an if or
// the cases of a switch that control must take to reach it, either because
// the send is inside the branch or because the other branches leave the
// block before it (if ok { return }; send…).
type constraint struct {
	pos token.Pos // where the condition is evaluated

	// An if: cond must be outcome.
	cond    ast.Expr
	outcome bool

	// A switch: control goes through one of clauses (nil stands for the
	// implicit default of a switch without one).
	sw      *ast.SwitchStmt
	clauses []*ast.CaseClause

	// assertion: the branch not taken aborts (t.Fatal, panic, log.Fatal)
	// or reports an error and leaves (t.Errorf(…); return): a test's or a
	// program's assertion, not a decision to send again. Control passes it
	// only when the response was judged good, so a later send is the next
	// step, not a re-send.
	assertion bool

	// left is, for a condition from an earlier if, its branch that leaves
	// (nil when the send is inside the branch).
	left ast.Stmt
}

// pathConstraints returns the constraints on the way from the function
// body to the last node of path (path[0] is the body).
func pathConstraints(path []ast.Node) []constraint {
	conds := astpath.Conditions(path, func(st ast.Stmt) bool { return terminates(st, 0) })
	out := make([]constraint, 0, len(conds))
	for _, c := range conds {
		if c.Expr != nil {
			out = append(out, constraint{pos: c.Expr.Pos(), cond: c.Expr, outcome: c.Truth, left: c.Left,
				assertion: c.Left != nil && (aborts(c.Left) || reportsAndLeaves(c.Left))})
			continue
		}
		if sw, ok := c.Switch.(*ast.SwitchStmt); ok {
			out = append(out, constraint{pos: switchPos(sw), sw: sw, clauses: c.Clauses})
		}
	}
	return out
}

func switchPos(sw *ast.SwitchStmt) token.Pos {
	if sw.Tag != nil {
		return sw.Tag.Pos()
	}
	return sw.Body.Pos()
}

// maxNesting bounds the recursion of terminates over nested blocks.
const maxNesting = 50

// terminates reports whether control never falls out of the end of st:
// it returns, branches away (break, continue, goto), panics or exits.
func terminates(st ast.Stmt, depth int) bool {
	if depth > maxNesting {
		return false
	}
	switch st := st.(type) {
	case *ast.BlockStmt:
		return terminatesList(st.List, depth+1)
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return st.Tok != token.FALLTHROUGH
	case *ast.IfStmt:
		return st.Else != nil && terminates(st.Body, depth+1) && terminates(st.Else, depth+1)
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(st.X).(*ast.CallExpr); ok {
			return isNoReturn(call)
		}
	}
	return false
}

// aborts reports whether a branch ends by a call that does not return
// (t.Fatalf, panic, log.Fatal).
func aborts(st ast.Stmt) bool {
	if b, ok := st.(*ast.BlockStmt); ok && len(b.List) > 0 {
		st = b.List[len(b.List)-1]
	}
	es, ok := st.(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	return ok && isNoReturn(call)
}

// reportsAndLeaves reports whether a branch reports an error (t.Error,
// t.Errorf, a logger's Error or Errorf) and then leaves: the assertion
// shape of tests that go on to their next step with return instead of
// t.Fatal.
func reportsAndLeaves(st ast.Stmt) bool {
	b, ok := st.(*ast.BlockStmt)
	if !ok || !terminates(b, 0) {
		return false
	}
	for _, s := range b.List {
		es, ok := s.(*ast.ExprStmt)
		if !ok {
			continue
		}
		if call, ok := ast.Unparen(es.X).(*ast.CallExpr); ok {
			if name := calleeName(call); name == "Error" || name == "Errorf" {
				return true
			}
		}
	}
	return false
}

// leavesWithError reports whether a branch ends by returning an error
// (return nil, fmt.Errorf(…); return ErrNotAuthorized): the function gives
// up on that side of the condition, so that side is the failure and
// control passes the condition only when the answer was judged good.
func leavesWithError(info *types.Info, st ast.Stmt) bool {
	if b, ok := st.(*ast.BlockStmt); ok && len(b.List) > 0 {
		st = b.List[len(b.List)-1]
	}
	ret, ok := st.(*ast.ReturnStmt)
	if !ok || len(ret.Results) == 0 {
		return false
	}
	last := ret.Results[len(ret.Results)-1]
	tv, ok := info.Types[last]
	if !ok || tv.IsNil() || tv.Type == nil {
		return false
	}
	return types.Implements(tv.Type, errorInterface)
}

func terminatesList(list []ast.Stmt, depth int) bool {
	return len(list) > 0 && terminates(list[len(list)-1], depth)
}

// isNoReturn recognises calls that do not return by their names: panic,
// os.Exit, log.Fatal*, log.Panic*, t.Fatal*.
func isNoReturn(call *ast.CallExpr) bool {
	switch calleeName(call) {
	case "panic", "Exit", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln", "FailNow", "Skip", "Skipf":
		return true
	}
	return false
}

// evaluate judges c against the evaluator's response flow: the statuses
// with which control passes, and what the condition inspects.
func (ev *evaluator) evaluate(c constraint) (httpstatus.Set, []inspection) {
	// Bindings made by the condition itself (errors.As(err, &apiErr) &&
	// apiErr.StatusCode == 502) are in force for all of it.
	sc := scope{at: c.pos}
	if c.cond != nil {
		sc.at = c.cond.End()
	}
	if c.sw == nil {
		v := ev.cond(c.cond, sc)
		for i, in := range v.inspects {
			v.inspects[i].success = in.side == failsWhenTrue && !c.outcome || in.side == failsWhenFalse && c.outcome
		}
		return v.given(c.outcome), v.inspects
	}
	clauses := ev.switchClauses(c.sw, sc)
	var reach httpstatus.Set
	var inspects []inspection
	for _, cl := range clauses {
		inspects = append(inspects, cl.inspects...)
	}
	for _, want := range c.clauses {
		for _, cl := range clauses {
			if cl.clause == want {
				reach = reach.Or(cl.reach)
			}
		}
	}
	return reach, inspects
}

// clauseVerdict is how control reaches one clause of a switch.
type clauseVerdict struct {
	clause   *ast.CaseClause // nil: the implicit default
	reach    httpstatus.Set
	inspects []inspection
}

// switchClauses evaluates every clause of sw (and its implicit default):
// with which statuses control enters it.
func (ev *evaluator) switchClauses(sw *ast.SwitchStmt, sc scope) []clauseVerdict {
	var out []clauseVerdict
	var def *ast.CaseClause       // stays nil for the implicit default
	notBefore := httpstatus.All() // statuses for which no earlier case matched
	for _, st := range sw.Body.List {
		cc, ok := st.(*ast.CaseClause)
		if !ok {
			continue
		}
		if cc.List == nil {
			def = cc
			continue
		}
		v := ev.caseVerdict(sw, cc, sc)
		out = append(out, clauseVerdict{clause: cc, reach: v.whenTrue.And(notBefore), inspects: v.inspects})
		notBefore = notBefore.And(v.whenFalse)
	}
	return append(out, clauseVerdict{clause: def, reach: notBefore})
}

// caseVerdict is the verdict of "one of the case's expressions matches".
func (ev *evaluator) caseVerdict(sw *ast.SwitchStmt, cc *ast.CaseClause, sc scope) verdict {
	var v verdict
	for i, e := range cc.List {
		var ve verdict
		if sw.Tag == nil {
			ve = ev.cond(e, sc)
		} else {
			ve = ev.comparison(&ast.BinaryExpr{X: sw.Tag, OpPos: e.Pos(), Op: token.EQL, Y: e}, sc)
		}
		if i == 0 {
			v = ve
		} else {
			v = combine(token.LOR, v, ve)
		}
	}
	return v
}
