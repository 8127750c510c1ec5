package retryscope

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/httpstatus"
)

// mentions reports whether n mentions one of objs, or a copy of the
// status of one (statusalias.go).
func (w *walk) mentions(n ast.Node, objs []types.Object) bool {
	return w.mentionsDirect(n, objs) || w.mentionsAlias(n, objs)
}

// mentionsDirect reports whether n mentions one of objs itself.
func (w *walk) mentionsDirect(n ast.Node, objs []types.Object) bool {
	for _, o := range objs {
		if refersTo(w.info, n, o) {
			return true
		}
	}
	return false
}

func isBool(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// isBoolResult reports whether e is a boolean result of the attempt
// (done, ok, acquired).
func (w *walk) isBoolResult(e ast.Expr, results []types.Object) bool {
	obj := objOf(w.info, e)
	for _, r := range results {
		if obj == r {
			b, ok := r.Type().Underlying().(*types.Basic)
			return ok && b.Kind() == types.Bool
		}
	}
	return false
}

// isSuccessTest recognises `err == nil` (also as a conjunct, or as an
// operand of `||`: `err == nil || i == max` exits on success too), a
// boolean result (`if done`, `if ok`), a status test that holds for 2xx and
// not for 5xx (`resp.StatusCode == 200`, `< 300`, `< 500`),
// `resp.IsSuccess()`.
func (w *walk) isSuccessTest(cond ast.Expr, results []types.Object) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND, token.LOR:
			return w.isSuccessTest(c.X, results) || w.isSuccessTest(c.Y, results)
		case token.EQL:
			if w.isErrOperand(c.X, results) && isNil(w.info, c.Y) || w.isErrOperand(c.Y, results) && isNil(w.info, c.X) {
				return true
			}
		}
		return w.statusTest(c, results) == httpstatus.Done
	case *ast.CallExpr:
		if sel, ok := c.Fun.(*ast.SelectorExpr); ok && w.mentions(sel.X, results) {
			return sel.Sel.Name == "IsSuccess"
		}
	case *ast.Ident:
		return w.isBoolResult(c, results) && !w.isVerdict(c, results)
	case *ast.UnaryExpr:
		return c.Op == token.NOT && w.isStatusPredicate(c.X, results) // !shouldRetry(status)
	}
	return false
}

// isFailureTest recognises a test of the attempt's error that is not a
// success test: `err != nil`, `isRetryable(err)`, `errors.Is(err, x)`,
// also of the error a verdict result carries (`v.Err != nil`).
func (w *walk) isFailureTest(cond ast.Expr, results []types.Object) bool {
	for _, r := range results {
		if isErrorType(r.Type()) && refersTo(w.info, cond, r) {
			return true
		}
	}
	verdictErr := false
	ast.Inspect(cond, func(n ast.Node) bool {
		if e, ok := n.(ast.Expr); ok && !verdictErr {
			verdictErr = w.isVerdictErr(e, results)
		}
		return !verdictErr
	})
	if verdictErr || w.isPredicateVerdict(cond, results) || w.isStatusPredicate(cond, results) {
		return true // predicateverdict.go: `if retryable { continue }`
	}
	// A status test: `resp.StatusCode >= 500`, `resp.StatusCode == 503`,
	// `code == 429 || code >= 500`, also bounded by the attempts left
	// (`… && i < maxRetry`): a conjunct that does not look at the results
	// only stops the retry, it does not change what it goes round on.
	if b, ok := ast.Unparen(cond).(*ast.BinaryExpr); ok {
		switch {
		case b.Op == token.LAND && !w.mentions(b.Y, results):
			return w.isFailureTest(b.X, results)
		case b.Op == token.LAND && !w.mentions(b.X, results):
			return w.isFailureTest(b.Y, results)
		case b.Op == token.LOR:
			// `code == 429 || code >= 500`: a failure when either side is
			// and neither is a success.
			return (w.isFailureTest(b.X, results) || w.isFailureTest(b.Y, results)) &&
				!w.isSuccessTest(b.X, results) && !w.isSuccessTest(b.Y, results)
		}
		// A comparison of the status, or a conjunction of them (`code >=
		// 500 && code != 501`): the statuses it selects.
		set, ok := w.gateSet(b, w.statusOf(results), false, 0)
		return ok && httpstatus.Classify(set) == httpstatus.Retry
	}
	return false
}

// statusTest classifies `resp.StatusCode op C` (either way round, the
// status possibly divided into its class: `resp.StatusCode/100 == 5`) by the
// statuses it selects: executed (2xx), server failure (5xx) or neither.
// Statuses that only refuse (401, 403, 429) are in neither class: a loop that
// goes round only on them re-sends a request the server did not execute,
// which is not a repeated write.
func (w *walk) statusTest(b *ast.BinaryExpr, results []types.Object) httpstatus.Test {
	yes, ok := w.statusCompare(b, w.statusOf(results))
	if !ok {
		return httpstatus.Other
	}
	return httpstatus.Classify(yes)
}

// intConst returns the value of an integer constant expression that fits
// an int.
func (w *walk) intConst(e ast.Expr) (int, bool) {
	tv, ok := w.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	c, exact := constant.Int64Val(tv.Value)
	return int(c), exact && c == int64(int(c))
}

func (w *walk) isErrOperand(e ast.Expr, results []types.Object) bool {
	obj := objOf(w.info, e)
	for _, r := range results {
		if obj == r && isErrorType(r.Type()) {
			return true
		}
	}
	return w.isVerdictErr(e, results)
}

// isVerdictErr recognises the error carried by a result that is a verdict
// rather than an error (an integration returning {Err, Retry,
// RetryAfter}): its error field `v.Err` or accessor `v.Err()`.
func (w *walk) isVerdictErr(e ast.Expr, results []types.Object) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 0 {
		e = call.Fun
	} else if !isErrorType(w.info.TypeOf(e)) {
		return false
	}
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	obj := objOf(w.info, sel.X)
	if obj == nil || !containsObj(results, obj) {
		return false
	}
	switch f := w.info.ObjectOf(sel.Sel).(type) {
	case *types.Var:
		return f.IsField() && isErrorType(f.Type())
	case *types.Func:
		res := f.Signature().Results()
		return res.Len() == 1 && isErrorType(res.At(0).Type())
	}
	return false
}

// isStatus recognises resp.StatusCode and resp.StatusCode() of a result,
// and a variable that copies one (`code := resp.StatusCode`).
func (w *walk) isStatus(e ast.Expr, results []types.Object) bool {
	if status := w.statusAlias(e); status != nil {
		e = status
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		e = call.Fun
	}
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return w.isReturnedStatus(e, results) // returnedstatus.go
	}
	return (sel.Sel.Name == "StatusCode" || sel.Sel.Name == "Status") && w.mentions(sel.X, results)
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

func isErrorType(t types.Type) bool {
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}
