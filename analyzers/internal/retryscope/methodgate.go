package retryscope

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/http"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/httpstatus"
)

// Retry policies often depend on the request's method:
//
//	// GET requests are retried on 429 and 5xx, other requests on 429.
//	func (r *Client) shouldRetry(response *http.Response, method string) bool {
//		if method == http.MethodGet {
//			return response.StatusCode == 429 || response.StatusCode >= 500
//		}
//		return response.StatusCode == 429
//	}
//
// twice reports only requests that write (POST, PATCH), so in a status
// gate the request's method is never GET, HEAD, OPTIONS, PUT or DELETE:
// a test for one of them is false, and the policy is read for writes.

// idempotentMethods are the methods a reported write never has.
var idempotentMethods = map[string]bool{
	http.MethodGet: true, http.MethodHead: true, http.MethodOptions: true, http.MethodTrace: true,
	http.MethodPut: true, http.MethodDelete: true,
}

// methodCompare evaluates `method == C` or `method != C` for a constant
// idempotent method C, where method is the request's method (its Method
// field, or a parameter of a policy it was passed to): for a write the
// first holds for no status and the second for all. ok is false for any
// other expression.
func (w *walk) methodCompare(b *ast.BinaryExpr) (httpstatus.Set, bool) {
	eq, ok := methodTest(w.info, b, w.methodParams)
	switch {
	case !ok:
		return httpstatus.Set{}, false
	case eq:
		return httpstatus.Set{}, true
	}
	return httpstatus.All(), true
}

// methodTest reports whether b compares the retried request's method (its
// Method field, or one of params, bound to it) with a constant idempotent
// method, and whether it tests equality: for a write, an equality is
// false and an inequality true.
func methodTest(info *types.Info, b *ast.BinaryExpr, params map[types.Object]bool) (eq, ok bool) {
	if b.Op != token.EQL && b.Op != token.NEQ {
		return false, false
	}
	method, other := b.X, b.Y
	if !isRequestMethod(info, method, params) {
		method, other = b.Y, b.X
	}
	tv := info.Types[other]
	if !isRequestMethod(info, method, params) || tv.Value == nil || tv.Value.Kind() != constant.String ||
		!idempotentMethods[strings.ToUpper(constant.StringVal(tv.Value))] {
		return false, false
	}
	return b.Op == token.EQL, true
}

// isRequestMethod reports whether e is the method of the request being
// retried: an *http.Request's Method field, or one of params (a policy's
// parameter its caller passed one to).
func isRequestMethod(info *types.Info, e ast.Expr, params map[types.Object]bool) bool {
	if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok && sel.Sel.Name == "Method" {
		return isNamed(info.TypeOf(sel.X), "net/http", "Request") // isNamed sees through the pointer
	}
	obj := objOf(info, e)
	return obj != nil && params[obj]
}

// methodParams returns the parameters of fn that call passes the retried
// request's method to, or nil.
func methodParams(info *types.Info, fn *types.Func, call *ast.CallExpr, outer map[types.Object]bool) map[types.Object]bool {
	var params map[types.Object]bool
	sig := fn.Signature()
	for i, arg := range call.Args {
		if i < sig.Params().Len() && isRequestMethod(info, arg, outer) {
			if params == nil {
				params = map[types.Object]bool{}
			}
			params[sig.Params().At(i)] = true
		}
	}
	return params
}
