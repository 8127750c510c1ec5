package retryscope

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// A loop over the peers of one service is a retry. A client that knows
// several hosts, replicas or cluster nodes sends the same request to the
// next one when an attempt fails:
//
//	for _, p := range peers {
//		url := c.endpoint(p, "/db/execute") // url.URL{Host: p, Path: …}
//		body, err := c.send(ctx, http.MethodPost, url, payload)
//		if err != nil {
//			continue // timeout, connection reset, 5xx: try the next peer
//		}
//		return body, nil
//	}
//
// When the first peer executed the write and only its reply was lost, the
// service executes it again. What tells this apart from a walk over
// distinct items (each iteration sends a different request) is where the
// element goes: only into the host of a URL — after "scheme://" in a
// concatenation or a format, in url.URL's Host, through net.JoinHostPort,
// or through a helper of the package whose parameter goes only there. The
// path, the payload and the method then stay the same on every iteration.
// An element that reaches anything else (the path, the body, an ID, the
// receiver, a whole URL taken as is) keeps the loop a walk over
// alternatives, as before.

// maxHostDepth bounds how many helper calls deep a parameter is followed
// into the host of a URL.
const maxHostDepth = 2

// outsideHost reports whether one of nodes mentions one of vars anywhere
// but the host of a URL.
func (w *walk) outsideHost(vars []types.Object, nodes ...ast.Node) bool {
	if len(vars) == 0 {
		return false
	}
	for _, n := range nodes {
		host := w.hostIdents(n, vars, 0)
		found := false
		ast.Inspect(n, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && !host[id] && containsObj(vars, w.info.Uses[id]) {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// hostIdents returns the uses of vars in n that sit where a URL's host
// goes.
func (w *walk) hostIdents(n ast.Node, vars []types.Object, depth int) map[*ast.Ident]bool {
	out := map[*ast.Ident]bool{}
	mark := func(e ast.Expr) {
		for _, id := range w.hostValue(e, vars) {
			out[id] = true
		}
	}
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BinaryExpr:
			if n.Op == token.ADD {
				w.concatHosts(n, mark)
			}
		case *ast.CompositeLit:
			w.urlLitHost(n, mark)
		case *ast.AssignStmt:
			w.hostAssign(n, mark)
		case *ast.CallExpr:
			w.formatHosts(n, mark)
			if depth < maxHostDepth {
				w.helperHosts(n, vars, depth, mark)
			}
		}
		return true
	})
	return out
}

// hostValue returns the uses of vars that e is the value of, seen through
// field selections (p.addr), conversions (string(p)), methods without
// arguments (n.Addr()), an element of a list indexed by one (hosts[i]) and
// net.JoinHostPort(p.addr, p.port); nil if e is anything else.
func (w *walk) hostValue(e ast.Expr, vars []types.Object) []*ast.Ident {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if containsObj(vars, w.info.Uses[e]) {
			return []*ast.Ident{e}
		}
	case *ast.SelectorExpr:
		return w.hostValue(e.X, vars)
	case *ast.IndexExpr:
		if !w.mentions(e.X, vars) {
			return w.hostValue(e.Index, vars)
		}
	case *ast.CallExpr:
		if tv, ok := w.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return w.hostValue(e.Args[0], vars)
		}
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && len(e.Args) == 0 && w.info.Selections[sel] != nil {
			return w.hostValue(sel.X, vars)
		}
		if fn := typeutil.StaticCallee(w.info, e); fn != nil && fn.Pkg() != nil &&
			fn.Pkg().Path() == "net" && fn.Name() == "JoinHostPort" && len(e.Args) == 2 {
			host := w.hostValue(e.Args[0], vars)
			if port := w.hostValue(e.Args[1], vars); port != nil {
				return append(host, port...)
			}
			if host != nil && !w.mentions(e.Args[1], vars) {
				return host
			}
		}
	}
	return nil
}

// concatHosts marks the operand of a string concatenation that follows a
// constant ending in "://" ("https://" + host + path).
func (w *walk) concatHosts(b *ast.BinaryExpr, mark func(ast.Expr)) {
	if !isStringType(w.info.TypeOf(b)) {
		return
	}
	ops := flattenConcat(b, nil)
	for i := 1; i < len(ops); i++ {
		if s, ok := w.stringConst(ops[i-1]); ok && strings.HasSuffix(s, "://") {
			mark(ops[i])
		}
	}
}

func flattenConcat(e ast.Expr, out []ast.Expr) []ast.Expr {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.ADD {
		return flattenConcat(b.Y, flattenConcat(b.X, out))
	}
	return append(out, e)
}

// urlLitHost marks the Host field of a url.URL literal.
func (w *walk) urlLitHost(lit *ast.CompositeLit, mark func(ast.Expr)) {
	if !isURLType(w.info.TypeOf(lit)) {
		return
	}
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Host" {
				mark(kv.Value)
			}
		}
	}
}

// hostAssign marks `u.Host = v` for u a url.URL.
func (w *walk) hostAssign(as *ast.AssignStmt, mark func(ast.Expr)) {
	if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && sel.Sel.Name == "Host" && isURLType(w.info.TypeOf(sel.X)) {
			mark(as.Rhs[i])
		}
	}
}

func isURLType(t types.Type) bool { return t != nil && isNamed(t, "net/url", "URL") } // isNamed also takes *url.URL

func isStringType(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func (w *walk) stringConst(e ast.Expr) (string, bool) {
	tv, ok := w.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// usesElement reports whether the call's arguments (or receiver) mention
// one of the loop's variables other than as the host of a URL: each
// iteration then sends something different.
func (w *walk) usesElement(call *ast.CallExpr, vars []types.Object) bool {
	if !w.usesAny(call, vars) {
		return false
	}
	nodes := make([]ast.Node, 0, len(call.Args)+1)
	for _, arg := range call.Args {
		nodes = append(nodes, arg)
	}
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
		nodes = append(nodes, sel.X)
	}
	return w.outsideHost(vars, nodes...)
}

// endpointOnly reports whether a definition in the loop body takes the
// loop's variables only as the host of a URL (url := c.endpoint(p, path);
// req, err := newRequest(method, h.host, path, body)): what it defines is
// the same request aimed at another peer, not a different one.
func (w *walk) endpointOnly(as *ast.AssignStmt, vars []types.Object) bool {
	nodes := make([]ast.Node, len(as.Rhs))
	for i, r := range as.Rhs {
		nodes[i] = r
	}
	return !w.outsideHost(vars, nodes...)
}

// isContextType: a context derived from the element (a per-host timeout)
// changes how long an attempt may take, not what it sends.
func isContextType(t types.Type) bool {
	return isNamed(t, "context", "Context") || isNamed(t, "context", "CancelFunc")
}
