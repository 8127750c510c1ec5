package retryscope

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Statuses an attempt returns. A sender often hands its loop the response
// status as a plain int:
//
//	func (l *Sender) send(attempt int) int {
//		resp, err := l.client.Do(req)
//		if err != nil {
//			return httpError
//		}
//		return resp.StatusCode
//	}
//	…
//	for attempt := 0; attempt < retries; attempt++ {
//		status := l.send(attempt)
//		if l.shouldRetry(status) { time.Sleep(backoff); continue }
//		break
//	}
//
// The loop tests the status, not an error. An int result of an attempt
// whose callee, a function of this package, returns a response's status
// (directly, through a variable copying it, or from another such function)
// is read as that status; a predicate named for retrying that is given it
// (shouldRetry(status), isRetryable(code)) is a failure test, as it is for
// an error.

// maxStatusDepth bounds the chain of functions returning each other's
// status.
const maxStatusDepth = 3

// isReturnedStatus reports whether e is one of the results, an int the
// attempt call defining it returns as a response status.
func (w *walk) isReturnedStatus(e ast.Expr, results []types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || w.decl == nil || !containsObj(results, w.info.Uses[id]) || !isInt(w.info.TypeOf(id)) {
		return false
	}
	call, at := definingCall(w.info, id, w.decl.Body)
	if call == nil {
		return false
	}
	fn, _ := typeutil.Callee(w.info, call).(*types.Func)
	return w.returnsStatus(w.f.declOf(fn), at, 0)
}

// statusReturn is a question returnsStatus answers: result at of decl,
// asked depth calls down a chain.
type statusReturn struct {
	decl      *ast.FuncDecl
	at, depth int
}

// returnsStatus reports whether some return statement of decl gives its
// result at index `at` a response status, and none of them gives it
// anything but a status or a constant (an error code of its own).
func (w *walk) returnsStatus(decl *ast.FuncDecl, at, depth int) bool {
	if decl == nil || decl.Body == nil || depth > maxStatusDepth {
		return false
	}
	key := statusReturn{decl, at, depth}
	if known, ok := w.f.statusReturns[key]; ok {
		return known
	}
	if w.f.statusReturns == nil {
		w.f.statusReturns = map[statusReturn]bool{}
	}
	found := w.readStatusReturns(decl, at, depth)
	w.f.statusReturns[key] = found
	return found
}

// readStatusReturns reads decl's returns for returnsStatus.
func (w *walk) readStatusReturns(decl *ast.FuncDecl, at, depth int) bool {
	aliases := w.statusAliases(decl.Body)
	found, other := false, false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			if len(x.Results) <= at {
				other = true
				return true
			}
			switch r := x.Results[at]; {
			case isStatusSelector(r) || aliases[objOf(w.info, r)] != nil:
				found = true
			case w.info.Types[r].Value != nil:
				// a constant of the sender's own (httpError = -1)
			case w.returnedByStatusFunc(r, depth):
				found = true
			default:
				other = true
			}
		}
		return true
	})
	return found && !other
}

// returnedByStatusFunc: r is a call of a function of this package that
// returns a status (return l.makeRequest(…)).
func (w *walk) returnedByStatusFunc(r ast.Expr, depth int) bool {
	call, ok := ast.Unparen(r).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(w.info, call).(*types.Func)
	return w.returnsStatus(w.f.declOf(fn), 0, depth+1)
}

// isStatusPredicate reports whether cond is a call of a predicate named
// for retrying that is given the attempt's status (shouldRetry(status))
// or its *http.Response (shouldRetry(req, res), where a nil response is
// a failure without one): true means go round again.
func (w *walk) isStatusPredicate(cond ast.Expr, results []types.Object) bool {
	call, ok := ast.Unparen(cond).(*ast.CallExpr)
	if !ok || !isBool(w.info.TypeOf(call)) {
		return false
	}
	fn, _ := typeutil.Callee(w.info, call).(*types.Func)
	if fn == nil || !verdictName.MatchString(fn.Name()) {
		return false
	}
	for _, arg := range call.Args {
		if w.isStatus(arg, results) || w.isResponseResult(arg, results) {
			return true
		}
	}
	return false
}

// isResponseResult reports whether e is one of the attempt's results of
// type *http.Response.
func (w *walk) isResponseResult(e ast.Expr, results []types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && containsObj(results, w.info.Uses[id]) && isNamed(w.info.TypeOf(id), "net/http", "Response")
}

func isInt(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}
