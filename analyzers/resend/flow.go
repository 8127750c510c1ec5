package resend

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// bindKind says how a variable relates to the response of one send.
type bindKind uint8

const (
	bindNone      bindKind = iota // not derived from the response, or reassigned from something else
	bindResponse                  // a non-error result of the send: the response itself
	bindTransport                 // the send's own error: it says no response arrived, nothing was inspected
	bindExpr                      // assigned an expression over the response; evaluated where it is used
	bindBody                      // filled from the response: decoded into, or a result of a call over it
	bindCheckErr                  // the error of a call over the response (a decode, a check helper)
)

// binding is one assignment of a variable, in the send's terms.
type binding struct {
	kind bindKind
	pos  token.Pos // the assignment
	expr ast.Expr  // bindExpr: the assigned expression
	name string    // bindBody, bindCheckErr: the function that produced the value
}

// flow records, for the variables of one function, every assignment that
// happens after one send, so that a condition further down can tell whether
// it looks at that send's response. Source order stands in for execution
// order, which is exact for the straight-line code and branches resend
// judges.
type flow struct {
	info *types.Info
	vars map[types.Object][]binding
}

// at returns the binding of obj in force just before pos.
func (f *flow) at(obj types.Object, pos token.Pos) binding {
	bs := f.vars[obj]
	for i := len(bs) - 1; i >= 0; i-- {
		if bs[i].pos < pos {
			return bs[i]
		}
	}
	return binding{}
}

// current returns the latest binding of obj recorded so far.
func (f *flow) current(obj types.Object) binding {
	if bs := f.vars[obj]; len(bs) > 0 {
		return bs[len(bs)-1]
	}
	return binding{}
}

func (f *flow) bind(obj types.Object, b binding) {
	if obj == nil {
		return
	}
	if b.kind == bindNone && len(f.vars[obj]) == 0 {
		return // never derived: nothing to undo
	}
	f.vars[obj] = append(f.vars[obj], b)
}

// newFlow follows the response of send through body. It returns nil when
// the send's results are not kept in variables (nothing can inspect them).
func newFlow(info *types.Info, body *ast.BlockStmt, send *ast.CallExpr) *flow {
	f := &flow{info: info, vars: make(map[types.Object][]binding)}
	rooted := false
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false // a closure's assignments happen when it runs, not here
		}
		if n.End() <= send.Pos() {
			return false // before the send: irrelevant
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 && ast.Unparen(n.Rhs[0]) == send {
				f.bindSendResults(n.Lhs, send)
				rooted = true
				return true
			}
			f.assign(n.Lhs, n.Rhs, n.Pos())
		case *ast.ValueSpec:
			if len(n.Values) == 1 && ast.Unparen(n.Values[0]) == send {
				f.bindSendResults(identsAsExprs(n.Names), send)
				rooted = true
				return true
			}
			f.assign(identsAsExprs(n.Names), n.Values, n.Pos())
		case *ast.CallExpr:
			if n == send {
				if f.fillOutParam(n) {
					rooted = true
				}
			} else if n.Pos() > send.Pos() && f.mentionsDerived(n) {
				f.fillPointerArgs(n, calleeName(n))
			}
		}
		return true
	})
	if !rooted {
		return nil
	}
	return f
}

// bindSendResults binds the variables that receive the send's results.
func (f *flow) bindSendResults(lhs []ast.Expr, send *ast.CallExpr) {
	for _, e := range lhs {
		obj := f.lhsObject(e)
		if obj == nil {
			continue
		}
		kind := bindResponse
		if isErrorType(obj.Type()) {
			kind = bindTransport
		}
		f.bind(obj, binding{kind: kind, pos: send.Pos()})
	}
}

// assign records lhs = rhs (or lhs := rhs) after the send.
func (f *flow) assign(lhs, rhs []ast.Expr, pos token.Pos) {
	switch {
	case len(lhs) == len(rhs):
		for i, e := range lhs {
			b := binding{pos: pos}
			if f.mentionsDerived(rhs[i]) {
				b.kind, b.expr = bindExpr, rhs[i]
			}
			f.bind(f.lhsObject(e), b)
		}
	case len(rhs) == 1:
		// v, err := decode(resp) — a tuple from a call (or comma-ok form).
		derived := f.mentionsDerived(rhs[0])
		name := "the response"
		if call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr); ok {
			name = calleeName(call)
		}
		for _, e := range lhs {
			obj := f.lhsObject(e)
			if obj == nil {
				continue
			}
			b := binding{pos: pos}
			if derived {
				b.kind, b.name = bindBody, name
				if isErrorType(obj.Type()) {
					b.kind = bindCheckErr
				}
			}
			f.bind(obj, b)
		}
	}
}

// fillPointerArgs binds the variables that call writes through pointer
// arguments (json.Unmarshal(b, &out), decode(resp, out)): they now hold data
// from the response.
func (f *flow) fillPointerArgs(call *ast.CallExpr, name string) {
	for _, arg := range call.Args {
		if obj := f.pointerTarget(arg); obj != nil {
			f.bind(obj, binding{kind: bindBody, pos: call.Pos(), name: name})
		}
	}
}

// fillOutParam binds the destination of a send that decodes its response
// through its last argument and returns only an error
// (c.post(ctx, "/openApi/saveJob", in, &out)). Earlier pointer arguments
// are the request's payload. It reports whether it bound one.
func (f *flow) fillOutParam(send *ast.CallExpr) bool {
	sig, ok := f.info.TypeOf(send.Fun).(*types.Signature)
	if !ok || len(send.Args) < 2 || sig.Results().Len() != 1 || !isErrorType(sig.Results().At(0).Type()) {
		return false
	}
	obj := f.pointerTarget(send.Args[len(send.Args)-1])
	if obj == nil || isRequestLike(obj.Type()) {
		return false
	}
	f.bind(obj, binding{kind: bindBody, pos: send.Pos(), name: "the response"})
	return true
}

// pointerTarget returns the variable that arg lets a callee write: v in &v,
// or a pointer variable passed as is that holds nothing from the response yet.
func (f *flow) pointerTarget(arg ast.Expr) types.Object {
	var id *ast.Ident
	switch a := ast.Unparen(arg).(type) {
	case *ast.UnaryExpr:
		if a.Op == token.AND {
			id, _ = ast.Unparen(a.X).(*ast.Ident)
		}
	case *ast.Ident:
		if obj := f.info.Uses[a]; obj != nil && isPointer(obj.Type()) && f.current(obj).kind == bindNone {
			id = a
		}
	}
	if id == nil {
		return nil
	}
	if v, ok := f.info.Uses[id].(*types.Var); ok && !v.IsField() {
		return v
	}
	return nil
}

// mentionsDerived reports whether e reads a variable that currently holds
// something derived from the response.
func (f *flow) mentionsDerived(e ast.Node) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			if obj := f.info.Uses[n]; obj != nil && f.current(obj).kind != bindNone {
				found = true
			}
		}
		return true
	})
	return found
}

// lhsObject is the variable an assignment target names (nil for _, fields
// and index expressions).
func (f *flow) lhsObject(e ast.Expr) types.Object {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	if obj := f.info.Defs[id]; obj != nil {
		return obj
	}
	return f.info.Uses[id]
}

func identsAsExprs(ids []*ast.Ident) []ast.Expr {
	out := make([]ast.Expr, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

func isErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// isRequestLike reports whether t is an *http.Request: passing &req to the
// send is passing the request, not a destination for the response.
func isRequestLike(t types.Type) bool {
	return isNamed(t, "net/http", "Request")
}

// isNamed reports whether t (or what it points to) is the named type
// pkg.name.
func isNamed(t types.Type, pkg, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Name() == name && obj.Pkg() != nil && obj.Pkg().Path() == pkg
}

// calleeName is a short name of the function call calls, for messages:
// astpath.CalleeName, or "a call" when the call names no function.
func calleeName(call *ast.CallExpr) string {
	if name := astpath.CalleeName(call); name != "" {
		return name
	}
	return "a call"
}
