package retryscope

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
	"github.com/twice-lint/twice/analyzers/internal/httpstatus"
)

// maxTestDistance bounds how many statements after an attempt call are
// searched for the test of its result.
const maxTestDistance = 12

// drives reports whether the attempt's results decide whether the loop
// goes round again, in one of the shapes listed above.
func (w *walk) drives(l loop, a attempt) bool {
	if l.cond != nil && w.repeatsOnFailure(l.cond, a.results) && !w.falseOnSuccess(a.call) {
		return true
	}
	stmts := a.list
	l.inSelect = a.inSelect
	// The test of an attempt's result follows it closely; looking at a
	// bounded number of statements keeps huge loop bodies linear.
	for j := a.index; j < len(stmts) && j < a.index+maxTestDistance; j++ {
		rest := stmts[j+1:]
		if len(a.after) > 0 {
			rest = append(append([]ast.Stmt(nil), rest...), a.after...)
		}
		switch s := stmts[j].(type) {
		case *ast.IfStmt:
			if j == a.index && s != a.ifStmt {
				continue
			}
			if w.testsResults(s.Cond, a.results) && w.ifDrives(l, s, rest, a.results) {
				return true
			}
			if w.testsErrorView(s, a.results) && w.branchesDrive(l, s.Else, s.Body, rest, a.results) {
				return true // errorview.go: a failure test through a type assertion of the error
			}
		case *ast.SwitchStmt:
			if w.switchDrives(l, s, rest, a.results) {
				return true
			}
		}
	}
	return w.statusGateDrives(l, a)
}

// ifDrives judges one `if` that tests the attempt's results: the success
// path must leave the loop and the failure path must be able to go round
// again.
func (w *walk) ifDrives(l loop, s *ast.IfStmt, rest []ast.Stmt, results []types.Object) bool {
	var success, failure ast.Stmt
	switch {
	case w.isStopTest(s.Cond, results):
		return w.stopDrives(l, s, rest)
	case w.isSuccessTest(s.Cond, results):
		success, failure = s.Body, s.Else
	case w.isFailureTest(s.Cond, results):
		success, failure = s.Else, s.Body
	default:
		return false
	}
	return w.branchesDrive(l, success, failure, rest, results)
}

// branchesDrive: the success branch must leave the loop and the failure
// branch must be able to go round again.
func (w *walk) branchesDrive(l loop, success, failure ast.Stmt, rest []ast.Stmt, results []types.Object) bool {
	if w.reportsFailure(success) {
		return false // expectedfailure.go: the call was expected to fail
	}
	so := l.path(success, rest)
	if so != exit && !(so&exit != 0 && (w.exitsOnNestedSuccess(l, success, results) || success == nil && w.restExitsOnResultTest(l, rest, results))) {
		return false
	}
	return l.path(failure, rest)&(next|fall) != 0
}

// restExitsOnResultTest accepts a failure test with no else whose loop
// goes on to leave only after a second test of the same results:
//
//	dc, err := publish(…)
//	if err != nil {
//		continue
//	}
//	if dc.Wait() { // the broker confirmed
//		return nil
//	}
//	// not confirmed: round again
//
// A consumer loop that handles what it read and goes round (no test of
// the results that leaves) is not accepted. The test may sit in a search
// of a list of success statuses (returnsOnMatch).
func (w *walk) restExitsOnResultTest(l loop, rest []ast.Stmt, results []types.Object) bool {
	for i, st := range rest {
		if i >= maxTestDistance {
			break
		}
		inner, ok := st.(*ast.IfStmt)
		if ok && inner.Else == nil && w.mentions(inner.Cond, results) && l.path(inner.Body, nil) == exit {
			return true
		}
		if rs, ok := st.(*ast.RangeStmt); ok && w.returnsOnMatch(rs, results) {
			return true
		}
	}
	return false
}

// returnsOnMatch accepts a search of a list for the attempt's outcome that
// returns when it finds it (`for _, s := range successStatus { if s ==
// res.StatusCode { return res, nil } }`): the return leaves the retry loop
// too. A break there would leave only the search.
func (w *walk) returnsOnMatch(rs *ast.RangeStmt, results []types.Object) bool {
	for _, st := range rs.Body.List {
		inner, ok := st.(*ast.IfStmt)
		if !ok || inner.Else != nil || !w.mentions(inner.Cond, results) || len(inner.Body.List) == 0 {
			continue
		}
		if _, ok := inner.Body.List[len(inner.Body.List)-1].(*ast.ReturnStmt); ok {
			return true
		}
	}
	return false
}

// exitsOnNestedSuccess accepts a success branch that leaves the loop only
// after a second test of the same results, as in
//
//	if err == nil {
//		resp.Body.Close()
//		if resp.StatusCode < 500 {
//			return nil
//		}
//	}
//
// where a 5xx falls through and goes round again.
//
// or after a status gate in an else-if (`if err != nil { … } else if
// !retryable(resp.StatusCode) { return resp, nil }`, see successGate).
func (w *walk) exitsOnNestedSuccess(l loop, success ast.Stmt, results []types.Object) bool {
	var list []ast.Stmt
	switch s := success.(type) {
	case *ast.BlockStmt:
		list = s.List
	case *ast.IfStmt:
		list = []ast.Stmt{s}
	default:
		return false
	}
	for _, st := range list {
		inner, ok := st.(*ast.IfStmt)
		if !ok || l.path(inner.Body, nil) != exit {
			continue
		}
		if inner.Else == nil && w.isSuccessTest(inner.Cond, results) || w.successGate(inner.Cond, results) {
			return true
		}
	}
	return false
}

// switchDrives judges `switch { case err == nil: return …; case …: }`: a
// success case that exits and some way to go round again.
func (w *walk) switchDrives(l loop, s *ast.SwitchStmt, rest []ast.Stmt, results []types.Object) bool {
	if s.Tag != nil {
		if divisor, ok := w.statusDivisor(s.Tag, w.statusOf(results)); ok {
			return w.statusSwitchDrives(l, s, rest, divisor)
		}
	}
	successExits, again, hasDefault := false, false, false
	tagIsErr := s.Tag != nil && w.mentions(s.Tag, results) && isErrorType(w.info.TypeOf(s.Tag))
	tagClassifies := s.Tag != nil && !tagIsErr && w.classifiesError(s.Tag, results)
	if s.Tag != nil && !tagIsErr && !tagClassifies {
		return false
	}
	for _, c := range s.Body.List {
		cc := c.(*ast.CaseClause)
		success := false
		if cc.List == nil {
			hasDefault = true
		}
		for _, e := range cc.List {
			if tagIsErr && isNil(w.info, e) || s.Tag == nil && w.isSuccessTest(e, results) || tagClassifies && namesSuccess(e) {
				success = true
			}
		}
		o := l.list(cc.Body, true)
		if o&fall != 0 {
			o = o&^fall | l.list(rest, false)
		}
		if success {
			successExits = o == exit
		} else if o&(next|fall) != 0 {
			again = true
		}
	}
	if !hasDefault {
		again = again || l.list(rest, false)&(next|fall) != 0
	}
	return successExits && again
}

// statusSwitchDrives judges `switch resp.StatusCode { case 200, 201:
// return nil; case 502, 503: continue }`: a case of 2xx statuses that
// exits, and a way to go round again on a 5xx (a case listing one, or the
// default or the rest of the body when no case does). Cases of other
// statuses (401, 429) going round are not retries of an executed request.
// When no case lists a 2xx, successes take the default or leave the
// switch, and that path must exit (`switch … { case 503: continue };
// return resp`). A switch on the class (`switch resp.StatusCode / 100 {
// case 5: … }`) has divisor 100: its case values are classes.
func (w *walk) statusSwitchDrives(l loop, s *ast.SwitchStmt, rest []ast.Stmt, divisor int) bool {
	successExits, again := false, false
	listed5xx, listed2xx := false, false
	unlisted := l.list(rest, false) // where statuses no case lists go
	for _, c := range s.Body.List {
		cc := c.(*ast.CaseClause)
		if cc.List == nil {
			unlisted = l.list(cc.Body, true)
			if unlisted&fall != 0 {
				unlisted = unlisted&^fall | l.list(rest, false)
			}
		}
	}
	for _, c := range s.Body.List {
		cc := c.(*ast.CaseClause)
		if cc.List == nil {
			continue
		}
		o := l.list(cc.Body, true)
		if o&fall != 0 {
			o = o&^fall | l.list(rest, false)
		}
		listed, ok := w.caseSet(cc.List, divisor)
		success := ok && listed.SubsetOf(httpstatus.Successes())
		server := ok && listed.Intersects(httpstatus.ServerErrors())
		listed2xx = listed2xx || !ok || listed.Intersects(httpstatus.Successes())
		switch {
		case success && !server:
			if o != exit {
				return false // a success that goes round: not a retry loop
			}
			successExits = true
		case server:
			listed5xx = true
			again = again || o&(next|fall) != 0
		}
	}
	if !listed5xx {
		again = again || unlisted&(next|fall) != 0
	}
	if !listed2xx {
		successExits = unlisted == exit
	}
	return successExits && again
}

// caseSet returns the statuses a case's constant values list; with a
// divisor the values are classes (case 5 of a switch on status/100 lists
// 500–599). A non-constant value makes the case unknown.
func (w *walk) caseSet(values []ast.Expr, divisor int) (httpstatus.Set, bool) {
	var listed httpstatus.Set
	for _, e := range values {
		v, ok := w.intConst(e)
		if !ok {
			return httpstatus.Set{}, false
		}
		listed = listed.Or(httpstatus.WhereScaled(token.EQL, v, divisor))
	}
	return listed, !listed.Empty()
}

// repeatsOnFailure recognises loop conditions that keep going while the
// attempt failed: `err != nil` (also in a conjunction), `!done`, `!ok`, and
// the same behind a first-attempt guard (`tries == 0 || err != nil && tries
// < 3`, the usual way to run the first attempt without a sentinel error). A
// condition that keeps going while it succeeds (`for err == nil`) is a
// stream, not a retry.
func (w *walk) repeatsOnFailure(cond ast.Expr, results []types.Object) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND:
			return w.repeatsOnFailure(c.X, results) || w.repeatsOnFailure(c.Y, results)
		case token.LOR:
			// A disjunction keeps going after a success only through its
			// other operand: accept it when that operand is a guard that
			// holds before the first attempt and says nothing about it.
			return w.repeatsOnFailure(c.X, results) && w.isFirstAttemptGuard(c.Y, results) ||
				w.repeatsOnFailure(c.Y, results) && w.isFirstAttemptGuard(c.X, results)
		case token.NEQ:
			return w.isErrOperand(c.X, results) && isNil(w.info, c.Y) || w.isErrOperand(c.Y, results) && isNil(w.info, c.X)
		}
	case *ast.UnaryExpr:
		return c.Op == token.NOT && w.isBoolResult(c.X, results)
	}
	return false
}

// isFirstAttemptGuard recognises the guard that lets a loop condition run
// the first attempt: a counter compared with zero (`tries == 0`, `i < 1`)
// or a boolean flag (`first`), neither mentioning the attempt's results.
func (w *walk) isFirstAttemptGuard(e ast.Expr, results []types.Object) bool {
	if w.mentions(e, results) {
		return false
	}
	switch g := ast.Unparen(e).(type) {
	case *ast.Ident:
		return isBool(w.info.TypeOf(g))
	case *ast.BinaryExpr:
		_, isVar := objOf(w.info, g.X).(*types.Var)
		if !isVar {
			return false
		}
		tv := w.info.Types[g.Y]
		if tv.Value == nil || tv.Value.Kind() != constant.Int {
			return false
		}
		v, ok := constant.Int64Val(tv.Value)
		return ok && (g.Op == token.EQL && v == 0 || g.Op == token.LSS && v == 1 || g.Op == token.LEQ && v == 0)
	}
	return false
}

// classifiesError reports whether a switch tag is a call that classifies
// the attempt's error (`switch r.class.Classify(err) { case Succeed, Fail:
// return err; case Retry: … }`, go-resiliency's retrier): its cases are
// outcomes of the attempt.
func (w *walk) classifiesError(tag ast.Expr, results []types.Object) bool {
	call, ok := ast.Unparen(tag).(*ast.CallExpr)
	if !ok {
		return false
	}
	for _, arg := range call.Args {
		if w.isErrOperand(arg, results) {
			return true
		}
	}
	return false
}

// successOutcome matches the names of the outcome a classifier gives a
// nil error: Succeed, Success, OK, Done.
var successOutcome = regexp.MustCompile(`^(?i)(succeed|succeeded|success|successful|ok|done|complete|completed)$`)

// namesSuccess reports whether a case value is a constant named for
// success (Succeed, retrier.Succeed).
func namesSuccess(e ast.Expr) bool {
	id := astpath.NameIdent(e)
	return id != nil && successOutcome.MatchString(id.Name)
}
