package unsaferetry

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/retryscope"
)

// A periodic sync: a method that takes nothing but its receiver posts a
// body made only of its receiver's fields and constants, and the package
// calls it on a timer (for range time.Tick(6 * time.Hour) { r.postSchemas() }).
// The program sends that same request every period by design, so the
// server must take a repeat as the same state (an upload of a schema, a
// registration): a retry inside it adds nothing the next period would
// not. A body read from a buffer or a parameter is new data each period,
// and keeps its finding.

// periodicResend reports whether call, a write in the retry scope s,
// sends a request built from fields and constants inside a method the
// package calls from a timer loop.
func (r *reporter) periodicResend(call *ast.CallExpr, s *retryscope.Scope) bool {
	d := s.Encl
	if d == nil || d.Recv == nil || d.Type.Params.NumFields() != 0 || !r.fixedBody(call, d) {
		return false
	}
	fn, _ := r.pass.TypesInfo.Defs[d.Name].(*types.Func)
	return fn != nil && r.calledOnTimer(fn)
}

// fixedBody reports whether call sends a request (its argument req) built
// once in d by http.NewRequest or NewRequestWithContext with a body of
// receiver fields and constants only (strings.NewReader(r.schemas)). The
// request is found as drainedbody.go finds it (requestVar, onlyAssignment,
// requestBody); only the variable itself counts, not req.WithContext(ctx).
func (r *reporter) fixedBody(call *ast.CallExpr, d *ast.FuncDecl) bool {
	if len(call.Args) != 1 {
		return false
	}
	if _, ok := ast.Unparen(call.Args[0]).(*ast.Ident); !ok {
		return false
	}
	v := requestVar(r.pass.TypesInfo, call.Args[0])
	if v == nil {
		return false
	}
	body := r.requestBody(r.onlyAssignment(d.Body, v))
	if body == nil || len(d.Recv.List) != 1 || len(d.Recv.List[0].Names) != 1 {
		return false // not built here, or an unnamed receiver: no field to read
	}
	recv := r.pass.TypesInfo.Defs[d.Recv.List[0].Names[0]]
	return recv != nil && r.ofFields(body, recv)
}

// ofFields reports whether e is made only of constants and fields of recv,
// through readers and conversions (strings.NewReader(r.body),
// bytes.NewReader([]byte(r.cfg))).
func (r *reporter) ofFields(e ast.Expr, recv types.Object) bool {
	info := r.pass.TypesInfo
	if tv := info.Types[e]; tv.Value != nil || tv.IsNil() {
		return true
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		if field, ok := info.Uses[x.Sel].(*types.Var); !ok || !field.IsField() || !r.setOnlyWhenMade(field) {
			return false
		}
		if id, ok := ast.Unparen(x.X).(*ast.Ident); ok {
			return info.Uses[id] == recv
		}
		return r.ofFields(x.X, recv)
	case *ast.CallExpr:
		if tv := info.Types[x.Fun]; tv.IsType() && len(x.Args) == 1 {
			return r.ofFields(x.Args[0], recv) // []byte(r.cfg)
		}
		fn, _ := typeutil.Callee(info, x).(*types.Func)
		if fn == nil || fn.Pkg() == nil || len(x.Args) != 1 || !readerMakers[fn.Pkg().Path()+"."+fn.Name()] {
			return false
		}
		return r.ofFields(x.Args[0], recv)
	}
	return false
}

// setOnlyWhenMade reports whether the package assigns field only in
// constructors (New…, new…, init) or composite literals: a value fixed
// when the receiver is made, not a buffer filled between periods. A
// field whose type has methods that change it in place (a bytes.Buffer)
// does not count.
func (r *reporter) setOnlyWhenMade(field *types.Var) bool {
	if _, isNamed := types.Unalias(field.Type()).(*types.Named); isNamed {
		if _, basic := field.Type().Underlying().(*types.Basic); !basic {
			return false // a Buffer, a Builder: filled through its methods
		}
	}
	info := r.pass.TypesInfo
	for _, f := range r.pass.Files {
		for _, decl := range f.Decls {
			d, ok := decl.(*ast.FuncDecl)
			if !ok || d.Body == nil || strings.HasPrefix(d.Name.Name, "New") || strings.HasPrefix(d.Name.Name, "new") || d.Name.Name == "init" {
				continue
			}
			set := false
			ast.Inspect(d.Body, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok {
					return !set
				}
				for _, lhs := range as.Lhs {
					if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && info.Uses[sel.Sel] == field {
						set = true
					}
				}
				return !set
			})
			if set {
				return false
			}
		}
	}
	return true
}

// readerMakers wrap a value in a reader without changing it.
var readerMakers = map[string]bool{
	"strings.NewReader": true, "bytes.NewReader": true, "bytes.NewBuffer": true, "bytes.NewBufferString": true,
}

// calledOnTimer reports whether the package calls fn in a loop over a
// timer's ticks: for range time.Tick(d), for range ticker.C.
func (r *reporter) calledOnTimer(fn *types.Func) bool {
	info := r.pass.TypesInfo
	found := false
	for _, f := range r.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			rs, ok := n.(*ast.RangeStmt)
			if found || !ok || !ticks(info, rs.X) {
				return !found
			}
			ast.Inspect(rs.Body, func(m ast.Node) bool {
				if c, ok := m.(*ast.CallExpr); ok && typeutil.Callee(info, c) == fn {
					found = true
				}
				return !found
			})
			return !found
		})
	}
	return found
}

// ticks reports whether e is time.Tick(d) or the C field of a
// *time.Ticker.
func ticks(info *types.Info, e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, x).(*types.Func)
		return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "time" && fn.Name() == "Tick"
	case *ast.SelectorExpr:
		if x.Sel.Name != "C" {
			return false
		}
		t := info.TypeOf(x.X)
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		n, ok := types.Unalias(t).(*types.Named)
		return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Ticker"
	}
	return false
}
