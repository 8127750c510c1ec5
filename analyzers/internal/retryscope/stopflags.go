package retryscope

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
	"github.com/twice-lint/twice/analyzers/internal/httpstatus"
)

// A loop `for !flag { flag = C() }` is a retry when C's flag means "done":
// false after a failure, true once the operation went through. When C's own
// body says the flag means "stop" instead — it returns false on the path
// that follows its handled errors, where the operation succeeded — the loop
// goes round after a success too: an event or replication loop that runs
// until told to stop, not a retry of C. Without C's body the flag keeps
// today's reading ("done").

// falseOnSuccess reports whether the attempt's callee, a function of this
// package returning a single bool, returns false from its success path: a
// top-level return that comes after a top-level `if err != nil { … return }`
// has handled the failure of an earlier call.
func (w *walk) falseOnSuccess(call *ast.CallExpr) bool {
	fn := typeutil.StaticCallee(w.info, call)
	if fn == nil {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() != 1 || !isBool(sig.Results().At(0).Type()) {
		return false
	}
	d := w.f.declOf(fn)
	if d == nil || d.Body == nil {
		return false
	}
	named := sig.Results().At(0)
	if named.Name() == "" || named.Name() == "_" || assignsObj(w.info, d.Body, named) {
		named = nil // a bare return's value is not known
	}
	handled := false
	for _, st := range d.Body.List {
		st = unlabel(st)
		switch s := st.(type) {
		case *ast.IfStmt:
			if w.returnsOnError(s) {
				handled = true
			}
		case *ast.ReturnStmt:
			if handled && w.returnsFalse(s, named) {
				return true
			}
		}
	}
	return false
}

func unlabel(st ast.Stmt) ast.Stmt {
	for {
		ls, ok := st.(*ast.LabeledStmt)
		if !ok {
			return st
		}
		st = ls.Stmt
	}
}

// returnsOnError recognises `if err != nil { …; return … }`, also behind an
// `else if` of the same error (`if err == ErrNotFound { … } else if err !=
// nil { return }`).
func (w *walk) returnsOnError(s *ast.IfStmt) bool {
	for s != nil {
		if w.isErrNotNil(s.Cond) && len(s.Body.List) > 0 {
			if _, ok := s.Body.List[len(s.Body.List)-1].(*ast.ReturnStmt); ok {
				return true
			}
		}
		s, _ = s.Else.(*ast.IfStmt)
	}
	return false
}

func (w *walk) isErrNotNil(e ast.Expr) bool {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return false
	}
	return isErrorType(w.info.TypeOf(b.X)) && isNil(w.info, b.Y) || isErrorType(w.info.TypeOf(b.Y)) && isNil(w.info, b.X)
}

// returnsFalse reports whether the return yields false: the constant, or a
// bare return of a named result the body never assigns (named is nil when
// that is not known).
func (w *walk) returnsFalse(r *ast.ReturnStmt, named *types.Var) bool {
	if len(r.Results) == 0 {
		return named != nil
	}
	if len(r.Results) != 1 {
		return false
	}
	tv := w.info.Types[r.Results[0]]
	return tv.Value != nil && tv.Value.Kind() == constant.Bool && !constant.BoolVal(tv.Value)
}

// A loop may also keep its decision in a variable of its condition that
// the body sets once the attempt went through: `for i := 0; i < 3 &&
// !sent; i++ { if err = C(); err == nil { sent = true } }`, `for retry :=
// true; retry; { … retry = false }`, `for retries > 0 { if err = C(); err
// == nil { retries = 0 } else { retries-- } }`. Assigning it a constant
// that makes the condition false is then the loop's exit, as a break
// would be.

// condTest is one operand of a loop condition's conjunction: the loop
// goes on while the variable compares to c by op (`retries > 0`; `!sent`
// is sent != true).
type condTest struct {
	op token.Token
	c  constant.Value
}

// condStops returns the local variables of a loop condition's
// conjunction that are compared to a constant (or are boolean flags),
// with their tests.
func (w *walk) condStops(cond ast.Expr) map[types.Object]condTest {
	var out map[types.Object]condTest
	for _, d := range astpath.Operands(cond, token.LAND) {
		v, t, ok := w.condOperand(d)
		if !ok {
			continue
		}
		if out == nil {
			out = make(map[types.Object]condTest)
		}
		out[v] = t
	}
	return out
}

// condOperand reads one operand: `flag`, `!flag`, `v OP c` or `c OP v`.
func (w *walk) condOperand(d ast.Expr) (types.Object, condTest, bool) {
	yes := constant.MakeBool(true)
	switch e := ast.Unparen(d).(type) {
	case *ast.Ident:
		if v := w.localVar(e); v != nil && isBool(v.Type()) {
			return v, condTest{token.EQL, yes}, true
		}
	case *ast.UnaryExpr:
		if v := w.localVar(e.X); e.Op == token.NOT && v != nil && isBool(v.Type()) {
			return v, condTest{token.NEQ, yes}, true
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
		default:
			return nil, condTest{}, false
		}
		if v, c := w.localVar(e.X), w.info.Types[e.Y].Value; v != nil && c != nil {
			return v, condTest{e.Op, c}, true
		}
		if v, c := w.localVar(e.Y), w.info.Types[e.X].Value; v != nil && c != nil {
			return v, condTest{httpstatus.Mirror(e.Op), c}, true
		}
	}
	return nil, condTest{}, false
}

// localVar returns the local variable e names, or nil: a field or a
// package-level variable may be set by anyone.
func (w *walk) localVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := w.info.Uses[id].(*types.Var)
	if !ok || !isLocal(v) { // isLocal: declared in a function, so no field
		return nil
	}
	return v
}

// setsStop reports whether as assigns one of the loop's condition
// variables a constant that makes the condition false.
func (l loop) setsStop(as *ast.AssignStmt) bool {
	if len(l.stops) == 0 || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
		return false
	}
	for i, lhs := range as.Lhs {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok {
			continue
		}
		t, ok := l.stops[l.info.Uses[id]]
		k := l.info.Types[as.Rhs[i]].Value
		if ok && k != nil && comparable(k, t.c) && !constant.Compare(k, t.op, t.c) {
			return true
		}
	}
	return false
}

// comparable reports whether constant.Compare can compare a and b: both
// booleans, both strings, or both numbers.
func comparable(a, b constant.Value) bool {
	num := func(k constant.Kind) bool { return k == constant.Int || k == constant.Float }
	return a.Kind() == b.Kind() && a.Kind() != constant.Unknown && a.Kind() != constant.Complex || num(a.Kind()) && num(b.Kind())
}
