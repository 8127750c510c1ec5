package mutation

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Request types behind getters and setters. SDKs that keep a request type
// of their own set its method with a setter and read it back with a getter
// where the net/http request is built:
//
//	func (r *Request) SetMethod(m string) { r.method = m }
//	func (r *Request) Method() string     { return r.method }
//	…
//	hr, err := http.NewRequest(r.Method(), r.URL(), body) // r: a parameter
//
// A getter of a parameter is that parameter's field (an sval with a field,
// as for an options struct), so the function that builds the request gets
// a method field role; a caller's request is then read through the setter
// calls on its variable (req.SetMethod(http.MethodPost)), and through the
// embedded fields a request of one layer is wrapped in by the next
// (&req.Request). The accessor facts (FuncFact.GetsField, SetsField) carry
// the shapes across packages; they are read from the body, never the name.

// accessor returns the receiver field a method reads (func (r *T) F() T2 {
// return r.f }) or writes (func (r *T) SetF(v T2) { r.f = v }), judged by
// its body alone: get or set is "" otherwise. Only string fields count: the
// request parts accessors carry (method, URL, path) are strings.
func accessor(info *types.Info, d *ast.FuncDecl) (get, set string) {
	if d.Recv == nil || len(d.Recv.List) != 1 || len(d.Recv.List[0].Names) != 1 || d.Body == nil || len(d.Body.List) != 1 {
		return "", ""
	}
	recv := info.Defs[d.Recv.List[0].Names[0]]
	fn, _ := info.Defs[d.Name].(*types.Func)
	if recv == nil || fn == nil {
		return "", ""
	}
	sig := fn.Signature()
	switch st := d.Body.List[0].(type) {
	case *ast.ReturnStmt:
		if sig.Params().Len() == 0 && sig.Results().Len() == 1 && len(st.Results) == 1 && isString(sig.Results().At(0).Type()) {
			return recvField(info, st.Results[0], recv), ""
		}
	case *ast.AssignStmt:
		if sig.Params().Len() != 1 || !isString(sig.Params().At(0).Type()) || sig.Results().Len() != 0 || st.Tok != token.ASSIGN || len(st.Lhs) != 1 || len(st.Rhs) != 1 {
			return "", ""
		}
		if id, ok := ast.Unparen(st.Rhs[0]).(*ast.Ident); ok && info.Uses[id] == sig.Params().At(0) {
			return "", recvField(info, st.Lhs[0], recv)
		}
	}
	return "", ""
}

// recvField is the name of the field e selects directly on recv, or "".
func recvField(info *types.Info, e ast.Expr, recv types.Object) string {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	if s, ok := info.Selections[sel]; !ok || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return ""
	}
	if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[id] == recv {
		return sel.Sel.Name
	}
	return ""
}

// accessorFields returns the field fn reads or writes, from its
// declaration in this package or from its fact.
func (c *Classifier) accessorFields(fn *types.Func) (get, set string) {
	if fn == nil || fn.Signature().Recv() == nil {
		return "", ""
	}
	if fn.Pkg() == c.pass.Pkg {
		if d := c.idx().accessorDecls[fn]; d != nil {
			return accessor(c.info, d)
		}
		return "", ""
	}
	if f := c.facts(fn); f != nil {
		return f.GetsField, f.SetsField
	}
	return "", ""
}

// getterValue resolves x.F() where F is a getter and x is (an embedded
// field of) a parameter of the summarised function: that parameter's field.
func (c *Classifier) getterValue(call *ast.CallExpr) sval {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 0 || c.sum == nil {
		return unknown
	}
	get, _ := c.accessorFields(c.calleeFunc(call))
	if get == "" {
		return unknown
	}
	if p, ok := c.embeddedParam(sel.X); ok {
		return sval{param: p, field: get}
	}
	return unknown
}

// embeddedParam reports whether e is a parameter of the summarised
// function, possibly through & and embedded fields (&req.Request): the
// fields the parameter's getters and setters reach are the same.
func (c *Classifier) embeddedParam(e ast.Expr) (int, bool) {
	for range maxDepth {
		switch x := ast.Unparen(e).(type) {
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return 0, false
			}
			e = x.X
			continue
		case *ast.StarExpr:
			e = x.X
			continue
		case *ast.SelectorExpr:
			if !c.embeddedSel(x) {
				return 0, false
			}
			e = x.X
			continue
		}
		v := c.varOf(e)
		if v == nil {
			return 0, false
		}
		return c.paramIndex(v)
	}
	return 0, false
}

// embeddedSel reports whether sel selects an embedded field.
func (c *Classifier) embeddedSel(sel *ast.SelectorExpr) bool {
	s, ok := c.info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return false
	}
	f, _ := s.Obj().(*types.Var)
	return f != nil && f.Embedded()
}

// setterValue returns the single value the setter calls on v give field
// (req.SetMethod(http.MethodPost)), or nil when there is none or several.
func (c *Classifier) setterValue(v *types.Var, field string) (ast.Expr, bool) {
	var found ast.Expr
	n := 0
	for _, call := range c.idx().methodCalls[v] {
		if _, set := c.accessorFields(c.calleeFunc(call)); set == field && len(call.Args) == 1 {
			found = call.Args[0]
			n++
		}
	}
	return found, n == 1
}

// indexMethodCall records a method call on a variable (a setter call
// candidate) and a method declaration that may be an accessor.
func (c *Classifier) indexMethodCall(ix *index, call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 1 {
		return
	}
	if v := c.varOf(sel.X); v != nil {
		ix.methodCalls[v] = append(ix.methodCalls[v], call)
	}
}
