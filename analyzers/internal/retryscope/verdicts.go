package retryscope

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// Verdict-driven retries: the operation (or a predicate of its error)
// says whether to go round again, and the loop leaves when it says no.
//
//	for i := 0; i < max; i++ {
//		if retry, err := c.send(ctx, rec); !retry { return err }
//	}
//
//	for {
//		err := f()
//		if !transient(err) { return err }
//		sleep()
//	}
//
// A helper whose loop is driven by such a verdict from its func parameter
// (pacer.Call(func() (bool, error) { …; return shouldRetry(resp, err) }))
// retries the func only on the returns whose verdict can be true after a
// failure that is not a refusal: the verdict function is read like a
// retry predicate (guardVerdict).

// verdictName matches the names of boolean results that ask for another
// attempt when true: retry, shouldRetry, again, retryable, transient,
// temporary. The name is the loop author's own statement of what the
// boolean means; a boolean named otherwise (ok, done, more) keeps its
// other readings.
var verdictName = regexp.MustCompile(`(?i)(retry|retri|again|transient|temporary)`)

// isVerdict reports whether e is a boolean result of the attempt whose
// name says "go round again when true", returned by the operation itself
// next to its error (`retry, err := c.send(…)`). A decision made by
// judging an earlier outcome (`wait, retry := c.shouldRetry(resp, n)`,
// `retry, err := c.check(resp, err)`) is a predicate, not the attempt.
func (w *walk) isVerdict(e ast.Expr, results []types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || !w.isBoolResult(id, results) || !verdictName.MatchString(id.Name) || w.decl == nil {
		return false
	}
	call := w.ref.verdictOf(id, w.decl.Body)
	if call == nil || !canFail(w.info, call) {
		return false
	}
	for _, arg := range call.Args {
		if isErrorType(w.info.TypeOf(arg)) {
			return false
		}
	}
	return true
}

// isStopTest recognises the test that leaves a verdict-driven loop: the
// negation of a verdict result (`!retry`) or of a boolean predicate of the
// attempt's error (`!transient(err)`, `!c.retryable(err)`), or a
// mismatch with one error value (`err != ErrConnectionClosed`). The loop
// goes round exactly when the verdict holds, which a success (nil error,
// or a verdict of false) never does.
func (w *walk) isStopTest(cond ast.Expr, results []types.Object) bool {
	if b, ok := ast.Unparen(cond).(*ast.BinaryExpr); ok {
		return w.isSentinelMismatch(b, results)
	}
	u, ok := ast.Unparen(cond).(*ast.UnaryExpr)
	if !ok || u.Op != token.NOT {
		return false
	}
	if w.isVerdict(u.X, results) || w.isPredicateVerdict(u.X, results) {
		return true
	}
	call, ok := ast.Unparen(u.X).(*ast.CallExpr)
	if !ok || !isBool(w.info.TypeOf(call)) {
		return false
	}
	for _, arg := range call.Args {
		if w.isErrOperand(arg, results) {
			return true
		}
	}
	return false
}

// isSentinelMismatch recognises `err != ErrConnectionClosed`: written
// as `if err != ErrX { return }`, it leaves on success and on every other
// error, like `if !errors.Is(err, ErrX) { return }`.
func (w *walk) isSentinelMismatch(b *ast.BinaryExpr, results []types.Object) bool {
	if b.Op != token.NEQ {
		return false
	}
	for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
		errSide, other := pair[0], pair[1]
		if w.isErrOperand(errSide, results) && !isNil(w.info, other) && !w.mentions(other, results) && w.info.TypeOf(other) != nil && implementsError(w.info.TypeOf(other)) {
			return true
		}
	}
	return false
}

// stopDrives judges `if !verdict { leave }`: the branch must leave the
// loop and the rest of the body must be able to go round again.
func (w *walk) stopDrives(l loop, s *ast.IfStmt, rest []ast.Stmt) bool {
	if s.Else != nil || l.path(s.Body, nil) != exit {
		return false
	}
	return l.path(nil, rest)&(next|fall) != 0
}

// passesFuncParam reports whether one of the call's arguments is a
// func-typed parameter of the enclosing declaration: the call runs the
// operation the declaration was given (an invoker hook called with the
// attempt number and the operation).
func (w *walk) passesFuncParam(call *ast.CallExpr) (int, bool) {
	for _, arg := range call.Args {
		if id, ok := ast.Unparen(arg).(*ast.Ident); ok {
			if i, ok := w.params[w.info.Uses[id]]; ok {
				return i, true
			}
		}
	}
	return 0, false
}

// countsAttempts reports whether a counter loop's variables reach the
// attempt only as bare arguments next to the func parameter it runs
// (invoke(try, tries, op)): the counter numbers the attempts of the same
// operation, it does not pick a different item.
func (w *walk) countsAttempts(l loop, call *ast.CallExpr) bool {
	if _, ok := l.stmt.(*ast.ForStmt); !ok {
		return false
	}
	if _, ok := w.passesFuncParam(call); !ok {
		return false
	}
	for _, arg := range call.Args {
		if _, bare := ast.Unparen(arg).(*ast.Ident); !bare && w.mentions(arg, l.loopVars) {
			return false
		}
	}
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok && w.mentions(sel.X, l.loopVars) {
		return false
	}
	return true
}

// attemptNumberName matches the names of counters that number attempts:
// retries, retry, attempt, attempts, try, tries, retryCount, nTry.
var attemptNumberName = regexp.MustCompile(`^(?i)(n?(retry|retries|attempt|attempts|try|tries)(count|num|number|no)?|retrycount|attemptno)$`)

// passesAttemptNumber reports whether a counter loop's variables reach
// the call only as bare arguments named for attempts (`result =
// c.attempt(ctx, hr, retries)`, for a backoff delay or a retry header):
// the same request, numbered, not a different item.
func (w *walk) passesAttemptNumber(l loop, call *ast.CallExpr) bool {
	if _, ok := l.stmt.(*ast.ForStmt); !ok {
		return false
	}
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok && w.mentions(sel.X, l.loopVars) {
		return false
	}
	for _, arg := range call.Args {
		if !w.mentions(arg, l.loopVars) {
			continue
		}
		id, bare := ast.Unparen(arg).(*ast.Ident)
		if !bare || !attemptNumberName.MatchString(id.Name) && !w.countsUpToRetries(l, id) {
			return false
		}
	}
	return true
}

// attemptBoundName matches the names of bounds that count attempts or
// retries: retries, maxRetries, MaxAttempts, RetryCount, numTries,
// RetryMax.
var attemptBoundName = regexp.MustCompile(`(?i)^(max|num|n)?_?(retr(y|ies)|attempts?|tries)_?(count|max|limit)?$`)

// countsUpToRetries reports whether id is the counter of a for loop whose
// condition bounds it by a retry count (`for i := 0; i <= o.Retries;
// i++`): whatever the counter is called, it numbers the attempts.
func (w *walk) countsUpToRetries(l loop, id *ast.Ident) bool {
	fs, ok := l.stmt.(*ast.ForStmt)
	if !ok || fs.Cond == nil {
		return false
	}
	counter, bound := w.counterBound(l, fs.Cond)
	if counter == nil || objOf(w.info, counter) != w.info.Uses[id] {
		return false
	}
	name := astpath.NameIdent(bound)
	return name != nil && attemptBoundName.MatchString(name.Name)
}

// runsParam reports whether a call that receives the func parameter
// param as its argument at index arg runs it: a func value (a hook whose
// body is not known here, such as an invoker field) or a function of
// this package whose body calls that parameter.
func (w *walk) runsParam(call *ast.CallExpr, arg int) bool {
	switch fn := objOf(w.info, call.Fun).(type) {
	case *types.Var:
		return true
	case *types.Func:
		d := w.f.declOf(fn)
		if d == nil || fn.Signature().Variadic() {
			return false
		}
		p := astpath.ParamObj(w.info, d, arg)
		return p != nil && callsObj(w.info, d.Body, p)
	}
	return false
}

// callsObj reports whether body calls the func value obj.
func callsObj(info *types.Info, body *ast.BlockStmt, obj types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok && !found {
			if id, ok := ast.Unparen(c.Fun).(*ast.Ident); ok && info.Uses[id] == obj {
				found = true
			}
		}
		return !found
	})
	return found
}

// doneName matches the names of boolean results that end the retry when
// true: done, ok, finished, complete, stop, success.
var doneName = regexp.MustCompile(`^(?i)(done|ok|finished|complete|completed|stop|success|succeeded)$`)

// isVerdictCall reports whether the results of call are assigned in d to
// a verdict: `retry, err = p.invoke(i, n, op)` (go round when true), or
// `result, done, err := f()` (go round when false): the helper's loop goes
// round when the retried func says so. at is the verdict's index among
// the results.
func (w *walk) isVerdictCall(d *ast.FuncDecl, call *ast.CallExpr) (at int, stops, found bool) {
	ast.Inspect(d.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != call || len(as.Lhs) < 2 {
			return !found
		}
		for i, lhs := range as.Lhs {
			id, ok := lhs.(*ast.Ident)
			if !ok {
				continue
			}
			obj := w.info.ObjectOf(id)
			if obj == nil || !isBool(obj.Type()) {
				continue
			}
			switch {
			case i == 0 && verdictName.MatchString(id.Name):
				at, stops, found = 0, false, true
			case doneName.MatchString(id.Name):
				at, stops, found = i, true, true
			}
			if found {
				break
			}
		}
		return !found
	})
	return at, stops, found
}

// attemptBound finds the parameter that bounds the attempts of the loop
// at pos in d (`for i := 1; i <= tries; i++`) and the largest value of it
// that allows at most one attempt: a caller passing a constant no larger
// does not retry (pacer.CallNoRetry → call(fn, 1)).
func (w *walk) attemptBound(d *ast.FuncDecl, pos token.Pos) (param, most int, ok bool) {
	var fs *ast.ForStmt
	ast.Inspect(d.Body, func(n ast.Node) bool {
		if f, isFor := n.(*ast.ForStmt); isFor && f.Pos() == pos {
			fs = f
		}
		return fs == nil
	})
	if fs == nil || fs.Init == nil || fs.Cond == nil {
		return 0, 0, false
	}
	init, okInit := fs.Init.(*ast.AssignStmt)
	cond, okCond := ast.Unparen(fs.Cond).(*ast.BinaryExpr)
	if !okInit || !okCond || len(init.Lhs) != 1 || len(init.Rhs) != 1 {
		return 0, 0, false
	}
	start, isConst := w.intConst(init.Rhs[0])
	counter := objOf(w.info, init.Lhs[0])
	if !isConst || counter == nil || objOf(w.info, cond.X) != counter {
		return 0, 0, false
	}
	bound, isVar := objOf(w.info, cond.Y).(*types.Var)
	if !isVar {
		return 0, 0, false
	}
	for i := 0; ; i++ {
		p := astpath.ParamObj(w.info, d, i)
		if p == nil {
			return 0, 0, false
		}
		if p != bound {
			continue
		}
		if assigned(w.info, d.Body, bound) {
			return 0, 0, false
		}
		switch cond.Op {
		case token.LEQ: // start..n: one attempt when n <= start
			return i, start, true
		case token.LSS: // start..n-1: one attempt when n <= start+1
			return i, start + 1, true
		}
		return 0, 0, false
	}
}

// assigned reports whether body assigns obj.
func assigned(info *types.Info, body *ast.BlockStmt, obj types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch s := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range s.Lhs {
				found = found || objOf(info, lhs) == obj
			}
		case *ast.IncDecStmt:
			found = found || objOf(info, s.X) == obj
		}
		return !found
	})
	return found
}

// singleAttempt reports whether a call of helper h passes a constant
// attempt bound that allows one attempt only.
func (w *walk) singleAttempt(h *Helper, call *ast.CallExpr) bool {
	if !h.Bounded || h.BoundParam >= len(call.Args) {
		return false
	}
	v, ok := w.intConst(call.Args[h.BoundParam])
	return ok && v <= h.BoundMost
}

// guardVerdict reads the returns of a func retried by a verdict-driven
// helper: a return asks for another attempt unless its verdict is the
// constant false, holds only on a refusal (on the path to it, or in the
// verdict function's body: shouldRetry(resp, err) true only on 429), so
// s.Again lists the others.
func (w *walk) guardVerdict(s *Scope) {
	body := w.retriedBody(s)
	if body == nil {
		return
	}
	again := []token.Pos{}
	// The verdict's value that asks for another attempt.
	round := !s.VerdictStops
	forEachReturn(body, func(ret *ast.ReturnStmt, path []ast.Node) {
		if len(ret.Results) <= s.VerdictAt {
			return
		}
		v := ret.Results[s.VerdictAt]
		if tv := w.info.Types[v]; tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) != round {
			return
		}
		if w.ref.when(v, round, body, 0) || w.ref.guarded(path, body, 0) {
			return
		}
		again = append(again, ret.End())
	})
	s.Guarded, s.Again = true, again
}

// notePassedParam records a call that receives a func parameter of the
// declaration and runs it (runsParam): inside a retry loop, the parameter
// is retried as if the loop called it.
func (w *walk) notePassedParam(call *ast.CallExpr) {
	for i, arg := range call.Args {
		id, ok := ast.Unparen(arg).(*ast.Ident)
		if !ok {
			continue
		}
		if p, ok := w.params[w.info.Uses[id]]; ok && w.runsParam(call, i) {
			w.paramCalls = append(w.paramCalls, paramCall{decl: w.decl, call: call, param: p})
		}
	}
}

// loopHelper completes the description of a helper found from its own
// retry loop around call (the call of, or with, its func parameter):
// whether the loop follows the func's verdict, and which parameter bounds
// its attempts.
func (w *walk) loopHelper(h *Helper, d *ast.FuncDecl, s *Scope, call *ast.CallExpr) {
	if call != nil {
		if at, stops, ok := w.isVerdictCall(d, call); ok {
			h.Verdict, h.VerdictAt, h.VerdictStops = true, at, stops
		}
	}
	if p, most, ok := w.attemptBound(d, s.Pos); ok {
		h.Bounded, h.BoundParam, h.BoundMost = true, p, most
	}
}

// verdictOf returns the call whose first result defines the boolean id
// (`retry, err := c.send(ctx, rec)`), when id is assigned only there in
// scope: the verdict is then true only when the callee's body returns
// true (refusals.call reads it like a predicate).
func (r *refusals) verdictOf(id *ast.Ident, scope ast.Node) *ast.CallExpr {
	if obj, ok := r.info.Uses[id].(*types.Var); !ok || !isBool(obj.Type()) {
		return nil
	}
	call, k := definingCall(r.info, id, scope)
	if call == nil || k != 0 {
		return nil
	}
	if _, multi := r.info.TypeOf(call).(*types.Tuple); !multi {
		return nil // `retry := shouldRetry(err)` is a definition (refusals.definition)
	}
	return call
}
