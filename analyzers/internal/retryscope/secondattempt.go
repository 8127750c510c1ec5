package retryscope

import (
	"fmt"
	"go/ast"
	"go/printer"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// A second attempt written out: the same call made again, in straight-line
// code, on the way that only its failure opens.
//
//	resp, err := c.hc.Do(req)
//	if err == nil {
//		return resp, nil
//	}
//	if !errors.Is(err, io.EOF) {
//		return nil, err
//	}
//	// the connection was likely stale: try once more
//	req, err = c.newRequest(url, body)
//	…
//	resp, err = c.hc.Do(req)
//
// The first call is repeated once: a scope of kind KindAgain around it.
// The second call must be the next call of the same function, on the same
// receiver with the same argument expressions, none of whose variables is
// given a differently written value in between (a fallback with other
// arguments is another request); the way to it must test the first call's
// error as a failure before that error is assigned again, and demand no
// refusal (a rate limit, a 401: nothing executed is repeated). A second
// send decided by the first response (a status, a header) is the resend
// analyzer's.

// attemptCall is a call whose results are assigned, with its path.
type attemptCall struct {
	call    *ast.CallExpr
	fn      *types.Func
	results []types.Object
	path    []ast.Node
}

// secondAttempts adds a scope for each call of body made again when it
// failed.
func (w *walk) secondAttempts(body *ast.BlockStmt) {
	calls := w.assignedCalls(body)
	// Only the next call of the same function can be a call's second
	// attempt: one pair per call keeps generated code full of repeated
	// calls linear.
	next := make([]int, len(calls))
	last := map[*types.Func]int{}
	for i := len(calls) - 1; i >= 0; i-- {
		next[i] = -1
		if j, ok := last[calls[i].fn]; ok {
			next[i] = j
		}
		last[calls[i].fn] = i
	}
	for i, first := range calls {
		if next[i] < 0 || len(first.results) == 0 {
			continue // a returned call has no error to test
		}
		again := calls[next[i]]
		if !w.sameCallExprs(first.call, again.call) || w.changedBetween(body, first, again) || !w.reachedOnFailure(body, first, again) {
			continue
		}
		line := w.f.pass.Fset.Position(again.call.Pos()).Line
		w.scopes = append(w.scopes, &Scope{
			Kind:      KindAgain,
			Mechanism: fmt.Sprintf("a second attempt (line %d) made when it fails", line),
			Pos:       again.call.Pos(),
			Body:      &ast.BlockStmt{Lbrace: first.call.Pos(), List: []ast.Stmt{&ast.ExprStmt{X: first.call}}, Rbrace: first.call.End()},
			Param:     -1,
			Encl:      w.decl,
		})
	}
}

// assignedCalls lists the calls of body (outside func literals) whose
// results are assigned to variables, and those returned as they are
// (`return c.Post(…)`, a second attempt only: it has no results to
// test), in source order.
func (w *walk) assignedCalls(body *ast.BlockStmt) []attemptCall {
	var out []attemptCall
	astpath.Walk(body, func(n ast.Node, path []ast.Node) bool {
		if call := w.returnedFallible(n); call != nil {
			if fn, _ := typeutil.Callee(w.info, call).(*types.Func); fn != nil {
				out = append(out, attemptCall{call: call, fn: fn.Origin(), path: append(append([]ast.Node(nil), path...), call)})
			}
			return true
		}
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		call, results := w.assignedCall(as)
		if len(errorResults(results)) == 0 {
			return true // only a call that can fail can be tried again
		}
		if fn, _ := typeutil.Callee(w.info, call).(*types.Func); fn != nil {
			out = append(out, attemptCall{call: call, fn: fn.Origin(), results: results, path: append(append([]ast.Node(nil), path...), call)})
		}
		return true
	})
	return out
}

// returnedFallible returns the call of `return C(…)` when C's last result
// is an error, or nil.
func (w *walk) returnedFallible(n ast.Node) *ast.CallExpr {
	ret, ok := n.(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil
	}
	call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
	if !ok {
		return nil
	}
	sig, ok := w.info.TypeOf(call.Fun).(*types.Signature)
	if !ok || sig.Results().Len() == 0 || !isErrorType(sig.Results().At(sig.Results().Len()-1).Type()) {
		return nil
	}
	return call
}

// sameCallExprs reports whether two calls are written alike: the same
// function expression (receiver included) and the same arguments.
func (w *walk) sameCallExprs(a, b *ast.CallExpr) bool {
	if w.source(a.Fun) != w.source(b.Fun) || len(a.Args) != len(b.Args) {
		return false
	}
	for i := range a.Args {
		if w.source(a.Args[i]) != w.source(b.Args[i]) {
			return false
		}
	}
	return true
}

// changedBetween reports whether a variable the second call reads is given
// a value between the calls that is written differently from the one the
// first call read (createOpts rebuilt for a legacy API: another request);
// a request rebuilt by the same expression (req, err = c.newRequest(url,
// body)) is the same request.
func (w *walk) changedBetween(body *ast.BlockStmt, first, again attemptCall) bool {
	changed := false
	ast.Inspect(again.call, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || changed {
			return !changed
		}
		v, ok := w.info.Uses[id].(*types.Var)
		if !ok || v.IsField() {
			return true
		}
		defs, _ := astpath.Definitions(w.info, body, v)
		before, between := "", ""
		for _, d := range defs {
			text := "?"
			if d.Rhs != nil {
				text = w.source(d.Rhs)
			}
			switch {
			case d.Pos < first.call.Pos():
				before = text
			case d.Pos > first.call.End() && d.Pos < again.call.Pos():
				between = text
			}
		}
		changed = between != "" && (between != before || between == "?")
		return !changed
	})
	return changed
}

// source is e as written (types.ExprString elides composite literals).
func (w *walk) source(e ast.Expr) string {
	var b strings.Builder
	if err := printer.Fprint(&b, w.f.pass.Fset, e); err != nil {
		return "?"
	}
	return b.String()
}

// reachedOnFailure reports whether the way to again passes a test of
// first's results that holds only when first failed, made before those
// results are assigned again, and demands no refusal.
func (w *walk) reachedOnFailure(body *ast.BlockStmt, first, again attemptCall) bool {
	if again.call.Pos() <= first.call.End() {
		return false
	}
	errs := errorResults(first.results) // poll.go
	reassigned := w.nextAssignment(body, first)
	failed := false
	for _, c := range pathConditions(again.path) {
		if c.expr == nil || c.expr.Pos() < first.call.End() || c.expr.Pos() >= reassigned {
			continue
		}
		switch {
		case w.isSuccessTest(c.expr, errs):
			failed = failed || !c.truth // past `if err == nil { return }`
		case w.mentions(c.expr, errs):
			failed = failed || c.truth // inside `if err != nil { … }`
		}
	}
	return failed && !w.ref.guarded(again.path, body, 0)
}

// nextAssignment is where one of first's result variables is next given a
// value after first, or the end of body.
func (w *walk) nextAssignment(body *ast.BlockStmt, first attemptCall) token.Pos {
	next := body.End()
	for _, r := range first.results {
		v, ok := r.(*types.Var)
		if !ok {
			continue
		}
		defs, _ := astpath.Definitions(w.info, body, v)
		for _, d := range defs {
			if d.Pos > first.call.End() && d.Pos < next {
				next = d.Pos
			}
		}
	}
	return next
}
