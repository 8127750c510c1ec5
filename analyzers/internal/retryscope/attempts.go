package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"
)

// The attempts of a loop body: the calls whose results the body assigns,
// one of which drives the loop, and the variables the body carries from
// one iteration to the next (an attempt that uses one sends a new item).

// attempt is a call in a loop body whose results are assigned to
// variables: a candidate for the operation that drives the loop.
type attempt struct {
	call    *ast.CallExpr
	results []types.Object
	index   int // index of the statement in list
	ifStmt  *ast.IfStmt
	// list holds the attempt's statement: the loop body, or the body of a
	// select clause followed by after (the rest of the loop body).
	list, after []ast.Stmt
	// inSelect: an unlabeled break in list leaves the select, not the loop.
	inSelect bool
}

// attemptCalls lists the calls whose results the loop body assigns at its top
// level: `x, err := C(…)`, `err = C(…)`, `if err := C(…); …` — also at the
// top level of a select's clauses (a backoff-timer loop: `select { case
// <-timer.C: err = C(…); … }`), and of a select nested in one of them (a
// cancellation check first: `select { case <-ctx.Done(): return; default:
// select { case <-ticker.C: retry, err = op() … } }`).
func (w *walk) attemptCalls(body *ast.BlockStmt) []attempt {
	sends := w.goroutineSends(body.List) // goattempts.go
	out := w.attemptsIn(body.List, nil, false, sends)
	return append(out, w.selectAttempts(body.List, nil, maxSelectNesting, sends)...)
}

// maxSelectNesting bounds how deep selects in selects are searched.
const maxSelectNesting = 2

// selectAttempts lists the attempt calls in the clauses of the selects of
// list; after is what runs once list falls through.
func (w *walk) selectAttempts(list, after []ast.Stmt, depth int, sends map[types.Object]*ast.CallExpr) []attempt {
	if depth == 0 {
		return nil
	}
	var out []attempt
	for i, st := range list {
		sel, ok := st.(*ast.SelectStmt)
		if !ok {
			continue
		}
		rest := append(append([]ast.Stmt(nil), list[i+1:]...), after...)
		for _, c := range sel.Body.List {
			if cc, ok := c.(*ast.CommClause); ok {
				if a, ok := w.commAttempt(cc, rest, sends); ok {
					out = append(out, a)
				}
				out = append(out, w.attemptsIn(cc.Body, rest, true, sends)...)
				out = append(out, w.selectAttempts(cc.Body, rest, depth-1, sends)...)
			}
		}
	}
	return out
}

// attemptsIn lists the attempt calls of one statement list; after is what
// runs once the list falls through (the rest of the loop body after the
// select holding it).
func (w *walk) attemptsIn(list, after []ast.Stmt, inSelect bool, sends map[types.Object]*ast.CallExpr) []attempt {
	var out []attempt
	for i, st := range list {
		var as *ast.AssignStmt
		var ifs *ast.IfStmt
		switch s := st.(type) {
		case *ast.AssignStmt:
			as = s
		case *ast.IfStmt:
			as, _ = s.Init.(*ast.AssignStmt)
			ifs = s
		}
		if as == nil {
			continue
		}
		call, results := w.assignedCall(as)
		if call == nil {
			call, results = w.receivedAttempt(as, sends)
		}
		if call != nil && len(results) > 0 {
			out = append(out, attempt{call: call, results: results, index: i, ifStmt: ifs, list: list, after: after, inSelect: inSelect})
		}
	}
	return out
}

// assignedCall returns the call of `x, err := C(…)` (or `err = C(…)`) and
// the variables its results go to; no results when as is not such an
// assignment.
func (w *walk) assignedCall(as *ast.AssignStmt) (*ast.CallExpr, []types.Object) {
	if len(as.Rhs) != 1 {
		return nil, nil
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return nil, nil
	}
	var results []types.Object
	for _, lhs := range as.Lhs {
		if obj := objOf(w.info, lhs); obj != nil {
			results = append(results, obj)
		}
	}
	return call, results
}

// carriedAssign is `v = expr` in a loop body for a variable declared
// before the loop: state carried from one iteration to the next.
type carriedAssign struct {
	obj   types.Object
	value ast.Expr // nil for v++ / v--
}

// carriedAssigns lists the loop body's assignments to variables declared
// outside it (not inside nested func literals).
func (w *walk) carriedAssigns(body *ast.BlockStmt) []carriedAssign {
	var out []carriedAssign
	outside := func(e ast.Expr) types.Object {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if obj := w.info.Uses[id]; obj != nil && (obj.Pos() < body.Pos() || obj.Pos() >= body.End()) {
				return obj
			}
		}
		return nil
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				return true
			}
			for i, lhs := range n.Lhs {
				if obj := outside(lhs); obj != nil {
					var value ast.Expr
					if len(n.Lhs) == len(n.Rhs) {
						value = n.Rhs[i]
					} else if len(n.Rhs) == 1 {
						value = n.Rhs[0]
					}
					out = append(out, carriedAssign{obj, value})
				}
			}
		case *ast.IncDecStmt:
			if obj := outside(n.X); obj != nil {
				out = append(out, carriedAssign{obj: obj})
			}
		}
		return true
	})
	return out
}

// advanced returns the variables that the attempt's own results advance
// from one iteration to the next — a cursor (token = resp.NextToken), a
// rest-of-input (pattern in `chunk, pattern = scan(pattern)`). An attempt
// whose arguments use one does something different on each iteration:
// pagination or parsing, not a retry.
func (w *walk) advanced(a attempt, assigns []carriedAssign) []types.Object {
	var out []types.Object
	for _, as := range assigns {
		for _, r := range a.results {
			if as.obj == r || as.value != nil && refersTo(w.info, as.value, r) {
				out = append(out, as.obj)
				break
			}
		}
	}
	return out
}

// usesAny reports whether the call's arguments (or receiver) mention one of
// the loop variables: each iteration then does something different.
func (w *walk) usesAny(call *ast.CallExpr, vars []types.Object) bool {
	if len(vars) == 0 {
		return false
	}
	found := false
	check := func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				for _, v := range vars {
					if w.info.Uses[id] == v {
						found = true
					}
				}
			}
			return !found
		})
	}
	for _, arg := range call.Args {
		check(arg)
	}
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
		check(sel.X)
	}
	return found
}
