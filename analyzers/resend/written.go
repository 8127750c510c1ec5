package resend

import (
	"go/ast"
	"go/token"
	"go/types"
)

// fieldsWritten reports whether the function assigns a field or an element
// of obj (obj.f = v, obj.f.g = v, obj[k] = v, obj.n++) between from and to:
// the request held in obj was changed, so sending it again sends something
// else (a test's next step: bucket.FileLockEnabled = true, then Update).
// The enclosing method's receiver is the client, not the request (a token
// refreshed on it sends the same request again); a header changed on the
// request (a new Authorization) and a body set again (the first send
// consumed it) do not change the operation.
//
// A receiver field given the value of another of its fields
// (is.directory = is.staging) is different: the client was pointed at
// another of its configured targets, so the second send goes elsewhere.
func (c *argComparer) fieldsWritten(obj types.Object, from, to token.Pos) bool {
	if obj == c.recv {
		return c.recvSwitched(from, to)
	}
	found := false
	ast.Inspect(c.body, func(n ast.Node) bool {
		if found || n == nil || n.End() <= from || n.Pos() >= to {
			return false // outside the window between the sends
		}
		switch s := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for _, lhs := range s.Lhs {
				found = found || c.writesInto(lhs, obj)
			}
		case *ast.IncDecStmt:
			found = found || c.writesInto(s.X, obj)
		}
		return !found
	})
	return found
}

// writesInto reports whether the assignment target e is a field or an
// element reached from obj, not through a header map.
func (c *argComparer) writesInto(e ast.Expr, obj types.Object) bool {
	chain := targetChain(e)
	if len(chain) < 2 {
		return false // not through a variable, or the variable itself
	}
	for _, x := range chain {
		if isNamed(c.info.TypeOf(x), "net/http", "Header") {
			return false
		}
		if sel, ok := x.(*ast.SelectorExpr); ok && resetsForResend(c.info, sel) {
			return false
		}
	}
	root := chain[len(chain)-1].(*ast.Ident)
	return c.info.Uses[root] == obj
}

// targetChain lists an assignment target and what it is reached through,
// down to the variable (a.b[i].c: a.b[i].c, a.b[i], a.b, a); nil when it
// is not reached from a variable.
func targetChain(e ast.Expr) []ast.Expr {
	var chain []ast.Expr
	for {
		e = ast.Unparen(e)
		chain = append(chain, e)
		switch x := e.(type) {
		case *ast.Ident:
			return chain
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// resetsForResend reports whether sel is a field of an *http.Request that
// must be set again before the same request can be sent again (its body is
// consumed by the first send): req.Body = …, req.GetBody, req.ContentLength.
func resetsForResend(info *types.Info, sel *ast.SelectorExpr) bool {
	if !isNamed(info.TypeOf(sel.X), "net/http", "Request") {
		return false
	}
	switch sel.Sel.Name {
	case "Body", "GetBody", "ContentLength", "Header":
		return true
	}
	return false
}

// recvSwitched reports whether, between from and to, a field of the
// receiver is assigned another field of the receiver.
func (c *argComparer) recvSwitched(from, to token.Pos) bool {
	if c.recv == nil {
		return false
	}
	found := false
	ast.Inspect(c.body, func(n ast.Node) bool {
		if found || n == nil || n.End() <= from || n.Pos() >= to {
			return false
		}
		switch s := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if len(s.Lhs) != len(s.Rhs) {
				return true
			}
			for i, lhs := range s.Lhs {
				found = found || c.recvField(lhs) && c.recvField(s.Rhs[i]) && types.ExprString(lhs) != types.ExprString(s.Rhs[i])
			}
		}
		return !found
	})
	return found
}

// recvField reports whether e is a field selected directly on the
// receiver (recv.f).
func (c *argComparer) recvField(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && c.info.Uses[id] == c.recv && isField(c.info.Uses[sel.Sel])
}
