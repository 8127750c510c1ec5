package resend

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/httpstatus"
)

// A check helper turns the first response into an error, and the caller
// re-sends when that error is a particular sentinel:
//
//	func checkResponse(r *http.Response) error {
//		if r.StatusCode == http.StatusUnauthorized {
//			return ErrUnauthorized
//		}
//		…
//	}
//	if errors.Is(checkResponse(resp), ErrUnauthorized) { refresh; re-send }
//
// errors.Is is then true only with the statuses under which the helper
// returns the sentinel. sentinelCheck computes them; anything it cannot
// follow leaves the condition to the general evaluation (an inspection with
// every status possible).

// sentinelCheck evaluates errors.Is(x, Sentinel) when x is the error of a
// same-package helper called with the response. The verdict's true side
// holds the statuses with which the helper returns Sentinel (wrapped or
// not); its false side stays every status.
func (ev *evaluator) sentinelCheck(call *ast.CallExpr, sc scope) (verdict, bool) {
	sentinel := ev.sentinelOf(call)
	if sentinel == nil {
		return verdict{}, false
	}
	x := expansion{call.Args[0], sc}
	for range maxDepth {
		id, ok := ast.Unparen(x.expr).(*ast.Ident)
		if !ok {
			break
		}
		next, ok := ev.follow(id, x.sc)
		if !ok {
			return verdict{}, false
		}
		x = next
	}
	helperCall, ok := ast.Unparen(x.expr).(*ast.CallExpr)
	if !ok || x.sc.tooDeep() {
		return verdict{}, false
	}
	fn := ev.declOf(helperCall)
	if fn == nil || fn.Body == nil {
		return verdict{}, false
	}
	env, ok := ev.bindParams(fn, helperCall, x.sc)
	if !ok {
		return verdict{}, false
	}
	inner := scope{at: x.sc.at, env: env, depth: x.sc.depth + 1, nest: x.sc.nest + 1}
	set, ok := ev.sentinelStatuses(fn, sentinel, inner)
	if !ok {
		return verdict{}, false
	}
	v := unknownVerdict()
	v.whenTrue = set
	v.inspects = []inspection{{kind: inspectHelper, name: calleeName(helperCall), pos: call.Pos(), side: failsWhenTrue}}
	return v, true
}

// sentinelOf returns the package-level error variable of errors.Is(x, V),
// or nil when call is something else.
func (ev *evaluator) sentinelOf(call *ast.CallExpr) *types.Var {
	fn, _ := typeutil.Callee(ev.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "errors" || fn.Name() != "Is" || len(call.Args) != 2 {
		return nil
	}
	var id *ast.Ident
	switch a := ast.Unparen(call.Args[1]).(type) {
	case *ast.Ident:
		id = a
	case *ast.SelectorExpr:
		id = a.Sel
	}
	if id == nil {
		return nil
	}
	v, _ := ev.info.Uses[id].(*types.Var)
	if v == nil || v.Parent() == nil || v.Parent() != v.Pkg().Scope() {
		return nil
	}
	return v
}

// sentinelStatuses returns the statuses with which fn returns sentinel:
// the union, over the returns that mention it, of the condition of the if
// or case they sit in. It fails (false) when a return of the sentinel is
// not guarded that way, or when another return may carry it (an error
// value from elsewhere rather than nil, errors.New or fmt.Errorf over
// non-errors).
func (ev *evaluator) sentinelStatuses(fn *ast.FuncDecl, sentinel *types.Var, sc scope) (httpstatus.Set, bool) {
	errIndex, nresults := errorResult(ev.info, fn)
	if errIndex < 0 {
		return httpstatus.Set{}, false
	}
	var set httpstatus.Set
	ok := true
	var stack []ast.Node
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are not fn's
		case *ast.ReturnStmt:
			if len(n.Results) != nresults {
				ok = false // a naked return or a forwarded call
				return false
			}
			res := n.Results[errIndex]
			switch {
			case refersTo(ev.info, res, sentinel):
				guard, guarded := ev.guardStatuses(stack, sc)
				ok = guarded
				set = set.Or(guard)
			case !ev.cannotCarry(res):
				ok = false
			}
			return false
		}
		stack = append(stack, n)
		return true
	})
	return set, ok
}

// errorResult returns the index of fn's last result when it is an error,
// and the number of results; -1 otherwise.
func errorResult(info *types.Info, fn *ast.FuncDecl) (int, int) {
	obj, _ := info.Defs[fn.Name].(*types.Func)
	if obj == nil {
		return -1, 0
	}
	res := obj.Signature().Results()
	if res.Len() == 0 || !isErrorType(res.At(res.Len()-1).Type()) {
		return -1, 0
	}
	return res.Len() - 1, res.Len()
}

// cannotCarry reports whether an error expression is certainly not some
// other error passed along: nil, or errors.New / fmt.Errorf without an
// error argument.
func (ev *evaluator) cannotCarry(e ast.Expr) bool {
	if ev.isNil(e) {
		return true
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(ev.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "errors.New", "fmt.Errorf":
	default:
		return false
	}
	for _, arg := range call.Args {
		if t := ev.info.TypeOf(arg); t != nil && types.Implements(t, errorInterface) {
			return false
		}
	}
	return true
}

var errorInterface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// guardStatuses is the status set of the innermost if body or switch case
// around a return (stack holds its ancestors, outermost first).
func (ev *evaluator) guardStatuses(stack []ast.Node, sc scope) (httpstatus.Set, bool) {
	for i := len(stack) - 1; i >= 1; i-- {
		switch n := stack[i].(type) {
		case *ast.BlockStmt:
			if ifs, ok := stack[i-1].(*ast.IfStmt); ok && ifs.Body == n {
				return ev.cond(ifs.Cond, sc).whenTrue, true
			}
		case *ast.CaseClause:
			if i >= 2 {
				if sw, ok := stack[i-2].(*ast.SwitchStmt); ok {
					return ev.caseStatuses(sw, n, sc)
				}
			}
			return httpstatus.Set{}, false
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt, *ast.IfStmt:
			return httpstatus.Set{}, false // in an else branch or a loop: not followed
		}
	}
	return httpstatus.Set{}, false
}

// caseStatuses is the status set of one case of a switch: `case cond:` in
// a tagless switch, `case 401, 403:` in a switch on the status.
func (ev *evaluator) caseStatuses(sw *ast.SwitchStmt, cc *ast.CaseClause, sc scope) (httpstatus.Set, bool) {
	if len(cc.List) == 0 {
		return httpstatus.Set{}, false // default: the complement of the others, not followed
	}
	var set httpstatus.Set
	for _, e := range cc.List {
		if sw.Tag == nil {
			set = set.Or(ev.cond(e, sc).whenTrue)
			continue
		}
		v, ok := ev.statusComparison(ev.term(sw.Tag, sc), token.EQL, e, e.Pos())
		if !ok {
			return httpstatus.Set{}, false
		}
		set = set.Or(v.whenTrue)
	}
	return set, true
}

// refersTo reports whether n mentions obj.
func refersTo(info *types.Info, n ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == obj {
			found = true
		}
		return !found
	})
	return found
}
