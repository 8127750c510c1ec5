package retryscope

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/httpstatus"
)

// A status predicate is often written as a switch or a series of early
// returns rather than one expression:
//
//	func retryableStatus(status int) bool {
//		switch status {
//		case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusGatewayTimeout:
//			return true
//		}
//		return false
//	}
//
// bodySet reads such a body in order, keeping the statuses no earlier
// statement has returned for, and collects those for which a return
// yields true. Anything else in the body (a statement with effects, a
// branch that does not end in a return, a result that is not a status
// test) makes the predicate unknown.

// bodySet evaluates the statements of a predicate whose status is the
// expression isStatus accepts.
func (w *walk) bodySet(list []ast.Stmt, isStatus func(ast.Expr) bool, depth int) (httpstatus.Set, bool) {
	if depth > maxGateDepth {
		return httpstatus.Set{}, false
	}
	var yes httpstatus.Set
	rest := httpstatus.All()
	for _, st := range list {
		switch s := st.(type) {
		case *ast.ReturnStmt:
			v, ok := w.returnSet(s, isStatus, depth)
			return yes.Or(v.And(rest)), ok
		case *ast.IfStmt:
			if s.Init != nil || s.Else != nil {
				return httpstatus.Set{}, false
			}
			cond, ok := w.gateSet(s.Cond, isStatus, false, depth+1)
			if !ok {
				return httpstatus.Set{}, false
			}
			v, ok := w.branchSet(s.Body.List, isStatus, depth)
			if !ok {
				return httpstatus.Set{}, false
			}
			yes, rest = yes.Or(v.And(cond).And(rest)), rest.And(cond.Not())
		case *ast.SwitchStmt:
			y, r, ok := w.switchSet(s, isStatus, rest, depth)
			if !ok {
				return httpstatus.Set{}, false
			}
			yes, rest = yes.Or(y), r
		default:
			return httpstatus.Set{}, false
		}
	}
	return httpstatus.Set{}, false // a body that can end without a return
}

// branchSet evaluates a branch that must end in a return.
func (w *walk) branchSet(list []ast.Stmt, isStatus func(ast.Expr) bool, depth int) (httpstatus.Set, bool) {
	if len(list) == 0 {
		return httpstatus.Set{}, false
	}
	if _, ok := list[len(list)-1].(*ast.ReturnStmt); !ok {
		return httpstatus.Set{}, false
	}
	return w.bodySet(list, isStatus, depth+1)
}

// returnSet is the set of statuses for which `return e` yields true.
func (w *walk) returnSet(ret *ast.ReturnStmt, isStatus func(ast.Expr) bool, depth int) (httpstatus.Set, bool) {
	if len(ret.Results) != 1 {
		return httpstatus.Set{}, false
	}
	e := ret.Results[0]
	if tv := w.info.Types[e]; tv.Value != nil && tv.Value.Kind() == constant.Bool {
		if constant.BoolVal(tv.Value) {
			return httpstatus.All(), true
		}
		return httpstatus.Set{}, true
	}
	return w.gateSet(e, isStatus, false, depth+1)
}

// switchSet evaluates a switch on the status (or a tagless one whose
// cases test it): each case takes the statuses no earlier case took. It
// returns the statuses for which a case returns true and those that get
// past the switch.
func (w *walk) switchSet(s *ast.SwitchStmt, isStatus func(ast.Expr) bool, rest httpstatus.Set, depth int) (yes, after httpstatus.Set, ok bool) {
	divisor := 1
	if s.Tag != nil {
		var isTag bool
		if divisor, isTag = w.statusDivisor(s.Tag, isStatus); !isTag {
			return yes, after, false
		}
	}
	if s.Init != nil {
		return yes, after, false
	}
	var deflt []ast.Stmt
	hasDefault := false
	for _, c := range s.Body.List {
		cc := c.(*ast.CaseClause)
		if cc.List == nil {
			deflt, hasDefault = cc.Body, true
			continue
		}
		var cond httpstatus.Set
		for _, e := range cc.List {
			var set httpstatus.Set
			if s.Tag != nil {
				v, isConst := w.intConst(e)
				if !isConst {
					return yes, after, false
				}
				set = httpstatus.WhereScaled(token.EQL, v, divisor)
			} else if set, ok = w.gateSet(e, isStatus, false, depth+1); !ok {
				return yes, after, false
			}
			cond = cond.Or(set)
		}
		v, ok := w.branchSet(cc.Body, isStatus, depth)
		if !ok {
			return yes, after, false
		}
		yes, rest = yes.Or(v.And(cond).And(rest)), rest.And(cond.Not())
	}
	if !hasDefault {
		return yes, rest, true
	}
	v, ok := w.branchSet(deflt, isStatus, depth)
	if !ok {
		return yes, after, false
	}
	return yes.Or(v.And(rest)), httpstatus.Set{}, true
}

// successGate reports whether a test of the attempt's response status
// holds for every 2xx status and fails for some other: a branch taken on
// it is the way out after a success (`!retryableStatus(resp.StatusCode)`).
func (w *walk) successGate(cond ast.Expr, results []types.Object) bool {
	if !w.mentions(cond, results) {
		return false
	}
	exits, ok := w.gateSet(cond, w.statusOf(results), false, 0)
	return ok && httpstatus.Successes().SubsetOf(exits) && exits != httpstatus.All()
}

// unchain rewrites the statements of list after from and before end so that an else-if
// chain whose branches leave, `if err != nil { return } else if
// !retryable(resp.StatusCode) { return }`, reads as the separate ifs it
// amounts to. The rewritten ifs keep their conditions and bodies; only the
// copy of the list changes.
func unchain(l loop, list []ast.Stmt, from, end int) []ast.Stmt {
	var out []ast.Stmt
	for j, st := range list {
		s, ok := st.(*ast.IfStmt)
		if j <= from || j >= end || !ok || s.Else == nil {
			out = append(out, st)
			continue
		}
		for s != nil {
			next, isIf := s.Else.(*ast.IfStmt)
			if !isIf || s.Init != nil && s != st || l.list(s.Body.List, false) != exit {
				out = append(out, s)
				break
			}
			out = append(out, &ast.IfStmt{If: s.If, Init: s.Init, Cond: s.Cond, Body: s.Body})
			s = next
		}
	}
	return out
}
