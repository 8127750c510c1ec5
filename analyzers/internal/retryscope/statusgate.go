package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"
	"net/http"

	"github.com/twice-lint/twice/analyzers/internal/httpstatus"
	"golang.org/x/tools/go/types/typeutil"
)

// Loops that retry on a status only. A network error leaves the loop; a
// response goes round again unless its status fails a gate:
//
//	for {
//		res, err := c.send(ctx, req)
//		if err != nil {
//			return nil, err
//		}
//		if ok(res) {
//			return res, nil
//		}
//		switch {
//		case isBadNonce(res):
//			c.clearNonces()
//		case !isRetriable(res.StatusCode): // <= 399, 429, >= 500
//			return nil, responseError(res)
//		}
//		backoff(ctx)
//	}
//
// The statuses that pass the gate are the ones re-sent. When they include
// one that can follow an executed request (a 5xx), the loop is a retry of
// the write; when they are refusals only (429, 409, 408, 401), nothing
// executed is sent again. The gate may compare the status, call a
// predicate of this package on it (its body read as a status set), or
// index a map of statuses filled with constants in this package.

// maxGateDepth bounds the predicates and operands a gate is followed
// through.
const maxGateDepth = 4

// statusGateDrives reports whether, after attempt a, a gate on the
// response's status exits for every status outside a set that includes a
// status re-sent after possible execution, with a way to go round after
// it and a way to leave on success.
func (w *walk) statusGateDrives(l loop, a attempt) bool {
	stmts := unchain(l, a.list, a.index, a.index+maxTestDistance)
	successExit := false
	for j := a.index + 1; j < len(stmts) && j < a.index+maxTestDistance; j++ {
		rest := stmts[j+1:]
		var exits httpstatus.Set
		var ok bool
		switch s := stmts[j].(type) {
		case *ast.IfStmt:
			if s.Else != nil || !w.mentions(s.Cond, a.results) || l.list(s.Body.List, false) != exit {
				continue
			}
			if exits, ok = w.gateSet(s.Cond, w.statusOf(a.results), true, 0); !ok {
				// An exit on another test of the results: the success
				// path when it is not a failure test.
				successExit = successExit || !w.isFailureTest(s.Cond, a.results)
				continue
			}
		case *ast.SwitchStmt:
			if exits, ok = w.switchGate(l, s, a.results); !ok {
				continue
			}
		default:
			continue
		}
		again := exits.Not()
		if !again.Intersects(w.executedFailures()) || l.list(rest, false)&(next|fall) == 0 {
			return false
		}
		return successExit || !httpstatus.Successes().SubsetOf(again)
	}
	return false
}

// statusOf accepts the status of the attempt's response
// (resp.StatusCode, resp.StatusCode()).
func (w *walk) statusOf(results []types.Object) func(ast.Expr) bool {
	return func(e ast.Expr) bool { return w.isStatus(e, results) }
}

// executedFailures are the statuses that can follow a request the server
// executed: server errors (without 503 when Config.UnavailableRefuses).
// 408 is a refusal here (refusals.statuses): the server did not receive
// the whole request.
func (w *walk) executedFailures() httpstatus.Set {
	s := httpstatus.ServerErrors()
	if w.f.cfg.UnavailableRefuses {
		s = s.And(httpstatus.Of(http.StatusServiceUnavailable).Not())
	}
	return s
}

// switchGate reads a tagless switch whose status cases exit: the union of
// the statuses those cases exit on. Other cases must not exit.
func (w *walk) switchGate(l loop, s *ast.SwitchStmt, results []types.Object) (httpstatus.Set, bool) {
	if s.Tag != nil || s.Init != nil {
		return httpstatus.Set{}, false
	}
	var exits httpstatus.Set
	found := false
	for _, c := range s.Body.List {
		cc := c.(*ast.CaseClause)
		o := l.list(cc.Body, true)
		for _, e := range cc.List {
			set, ok := w.gateSet(e, w.statusOf(results), true, 0)
			switch {
			case ok && o == exit:
				exits, found = exits.Or(set), true
			case o&exit != 0:
				return httpstatus.Set{}, false
			}
		}
	}
	return exits, found
}

// gateSet evaluates a boolean test of the response's status as the set of
// statuses for which it holds; isStatus says which expressions are the
// status. top: operands of a top-level || that do not mention the status
// (a configuration flag) only add ways out, and are dropped.
func (w *walk) gateSet(e ast.Expr, isStatus func(ast.Expr) bool, top bool, depth int) (httpstatus.Set, bool) {
	if depth > maxGateDepth {
		return httpstatus.Set{}, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			s, ok := w.gateSet(x.X, isStatus, false, depth+1)
			return s.Not(), ok
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LOR, token.LAND:
			if top && x.Op == token.LOR {
				if !mentionsStatus(x.X, isStatus) {
					return w.gateSet(x.Y, isStatus, true, depth+1)
				}
				if !mentionsStatus(x.Y, isStatus) {
					return w.gateSet(x.X, isStatus, true, depth+1)
				}
			}
			a, ok1 := w.gateOperand(x.X, isStatus, depth+1)
			b, ok2 := w.gateOperand(x.Y, isStatus, depth+1)
			if x.Op == token.LOR {
				return a.Or(b), ok1 && ok2
			}
			return a.And(b), ok1 && ok2
		}
		if set, ok := w.methodCompare(x); ok {
			return set, true
		}
		return w.statusCompare(x, isStatus)
	case *ast.CallExpr:
		return w.predicateSet(x, isStatus, depth)
	case *ast.IndexExpr:
		if isStatus(x.Index) {
			return w.mapSet(x.X)
		}
	}
	return httpstatus.Set{}, false
}

// gateOperand is gateSet for an operand of && or ||, where a nil test of
// the response that carries the status (`resp != nil && resp.StatusCode
// != 500`) says nothing about the status: whenever there is a status the
// response is not nil, so `resp != nil` holds for every status and `resp
// == nil` for none.
func (w *walk) gateOperand(e ast.Expr, isStatus func(ast.Expr) bool, depth int) (httpstatus.Set, bool) {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && (b.Op == token.NEQ || b.Op == token.EQL) {
		other := b.X
		if isNil(w.info, b.X) {
			other = b.Y
		}
		if (isNil(w.info, b.X) || isNil(w.info, b.Y)) && w.carriesStatus(other) {
			if b.Op == token.NEQ {
				return httpstatus.All(), true
			}
			return httpstatus.Set{}, true
		}
	}
	return w.gateSet(e, isStatus, false, depth)
}

// carriesStatus reports whether e is the response whose StatusCode the
// gate reads (an *http.Response).
func (w *walk) carriesStatus(e ast.Expr) bool {
	return isNamed(w.info.TypeOf(e), "net/http", "Response")
}

// mentionsStatus reports whether e contains an expression isStatus
// accepts.
func mentionsStatus(e ast.Expr, isStatus func(ast.Expr) bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok && !found && isStatus(x) {
			found = true
		}
		return !found
	})
	return found
}

// statusCompare evaluates `status op C` (either way round), where isStatus
// says which operand is the status. The status may be divided into its
// class (`resp.StatusCode/100 != 5`): the test then selects whole classes.
func (w *walk) statusCompare(b *ast.BinaryExpr, isStatus func(ast.Expr) bool) (httpstatus.Set, bool) {
	status, other, op := b.X, b.Y, b.Op
	divisor, ok := w.statusDivisor(status, isStatus)
	if !ok {
		status, other, op = b.Y, b.X, httpstatus.Mirror(b.Op)
		if divisor, ok = w.statusDivisor(status, isStatus); !ok {
			return httpstatus.Set{}, false
		}
	}
	c, ok := w.intConst(other)
	if !ok {
		return httpstatus.Set{}, false
	}
	switch op {
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
		return httpstatus.WhereScaled(op, c, divisor), true
	}
	return httpstatus.Set{}, false
}

// statusDivisor reports whether e is the status (isStatus) or the status
// divided by a constant, its class (`resp.StatusCode / 100`), and by what.
func (w *walk) statusDivisor(e ast.Expr, isStatus func(ast.Expr) bool) (int, bool) {
	x, divisor := httpstatus.Quotient(w.info, e)
	return divisor, isStatus(x)
}

// predicateSet reads a status predicate of this package,
// `func isRetriable(code int) bool { return code >= 500 || code == 429 }`
// or one written as a switch or a series of ifs (predicatebody.go), as
// the set of statuses it holds for. It may be a method, and take the
// response instead of its status, and the request's method besides
// (methodgate.go).
func (w *walk) predicateSet(call *ast.CallExpr, isStatus func(ast.Expr) bool, depth int) (httpstatus.Set, bool) {
	fn, _ := typeutil.Callee(w.info, call).(*types.Func)
	if fn == nil || fn.Signature().Variadic() || fn.Signature().Params().Len() != len(call.Args) {
		return httpstatus.Set{}, false
	}
	d := w.f.declOf(fn)
	if d == nil || d.Body == nil {
		return httpstatus.Set{}, false
	}
	isParam := w.statusParam(call, fn, isStatus)
	if isParam == nil {
		return httpstatus.Set{}, false
	}
	saved := w.methodParams
	w.methodParams = methodParams(w.info, fn, call, saved)
	defer func() { w.methodParams = saved }()
	return w.bodySet(d.Body.List, isParam, depth)
}

// statusParam returns the test for the status inside predicate fn, from
// the first argument of call that carries the status: the status itself
// (its parameter), or the response (the parameter's StatusCode); nil when
// no argument does.
func (w *walk) statusParam(call *ast.CallExpr, fn *types.Func, isStatus func(ast.Expr) bool) func(ast.Expr) bool {
	for i, arg := range call.Args {
		param := types.Object(fn.Signature().Params().At(i))
		switch {
		case isStatus(arg):
			return func(e ast.Expr) bool { return objOf(w.info, e) == param }
		case w.carriesStatus(arg):
			return func(e ast.Expr) bool {
				sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
				return ok && sel.Sel.Name == "StatusCode" && objOf(w.info, sel.X) == param
			}
		}
	}
	return nil
}

// mapSet reads a map of statuses (map[int]bool) held in a field or
// variable of this package as the union of the constant keys with a true
// value in the literals assigned to it; unknown when none is.
func (w *walk) mapSet(m ast.Expr) (httpstatus.Set, bool) {
	obj := objOf(w.info, m)
	lits := w.f.statusMaps()[obj]
	if obj == nil || len(lits) == 0 {
		return httpstatus.Set{}, false
	}
	var set httpstatus.Set
	for _, lit := range lits {
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return httpstatus.Set{}, false
			}
			c, ok := w.intConst(kv.Key)
			if !ok {
				return httpstatus.Set{}, false
			}
			if tv := w.info.Types[kv.Value]; tv.Value == nil || tv.Value.ExactString() == "true" {
				set.Add(c)
			}
		}
	}
	return set, true
}

// statusMaps indexes the map[int]bool composite literals the package
// assigns to variables and fields (`c.retryOnStatus = map[int]bool{502:
// true}`, `retryOnStatus: map[int]bool{…}` in a struct literal).
func (f *Finder) statusMaps() map[types.Object][]*ast.CompositeLit {
	if f.statusMapLits != nil {
		return f.statusMapLits
	}
	f.statusMapLits = map[types.Object][]*ast.CompositeLit{}
	add := func(target ast.Expr, value ast.Expr) {
		lit, ok := ast.Unparen(value).(*ast.CompositeLit)
		if !ok || !isStatusMap(f.info.TypeOf(lit)) {
			return
		}
		if obj := objOf(f.info, target); obj != nil {
			f.statusMapLits[obj] = append(f.statusMapLits[obj], lit)
		}
	}
	for _, file := range f.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.AssignStmt:
				if len(x.Lhs) == len(x.Rhs) {
					for i := range x.Lhs {
						add(x.Lhs[i], x.Rhs[i])
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := x.Key.(*ast.Ident); ok {
					add(id, x.Value)
				}
			case *ast.ValueSpec:
				for i := range x.Names {
					if i < len(x.Values) {
						add(x.Names[i], x.Values[i])
					}
				}
			}
			return true
		})
	}
	return f.statusMapLits
}

// isStatusMap reports whether t is a map from an integer to bool.
func isStatusMap(t types.Type) bool {
	m, ok := t.(*types.Map)
	if t != nil && !ok {
		m, ok = t.Underlying().(*types.Map)
	}
	if !ok {
		return false
	}
	k, ok1 := m.Key().Underlying().(*types.Basic)
	v, ok2 := m.Elem().Underlying().(*types.Basic)
	return ok1 && ok2 && k.Info()&types.IsInteger != 0 && v.Kind() == types.Bool
}
