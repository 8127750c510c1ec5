package mutation

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
)

// URLs built by appending to a local variable:
//
//	url := c.rootURL
//	if opts.RootURL != "" {
//		url = opts.RootURL
//	}
//	url += opts.Path
//	if len(opts.Params) > 0 {
//		url += "?" + opts.Params.Encode() // or url = fmt.Sprintf("%s?%s", url, q)
//	}
//	req, err := http.NewRequestWithContext(ctx, opts.Method, url, body)
//
// The variable's value is its base (unknown when it is set more than once,
// as a base URL usually is) followed by what each += appends, in source
// order. An append under a condition is kept only when it starts a query
// ("?…", "&…"), which urlPath leaves out anyway; any other conditional
// append, or a base set after an append, gives up.

// appendedPieces returns the pieces of v, a local string variable built
// with +=, or false.
func (c *Classifier) appendedPieces(v *types.Var, depth int) ([]piece, bool) {
	if v.Pkg() != c.pass.Pkg || c.idx().addrTaken[v] || !isString(v.Type()) {
		return nil, false
	}
	decl := c.enclosingDecl(v.Pos())
	if decl == nil || decl.Body == nil {
		return nil, false
	}
	var base []piece
	var appended []piece
	bases, appends, ok := 0, 0, true
	fromParam := 0
	if p, isParam := c.summarisedParam(v); isParam {
		// u = u + "?" + query on the summarised function's own
		// parameter: its callers' argument is the base.
		base, bases, fromParam = []piece{{param: p}}, 1, 1
	}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		as, isAssign := n.(*ast.AssignStmt)
		if !ok || !isAssign || len(as.Lhs) != 1 || c.varOf(as.Lhs[0]) != v {
			return ok
		}
		tok, rhs := as.Tok, as.Rhs
		if sum, ok := selfAppend(c, v, as); ok {
			tok, rhs = token.ADD_ASSIGN, []ast.Expr{sum} // url = url + q
		}
		if c.sprintfQuery(v, as) && bases > 0 {
			// url = fmt.Sprintf("%s?%s", url, q): a query, which urlPath
			// leaves out, after the caller's path
			appends++
			appended = append(appended, piece{s: "?", known: true, param: -1})
			return ok
		}
		if dotPrefixed(c, v, as) && bases > 0 {
			// operationPath = "." + operationPath: the same path made
			// relative to a base URL (oapi-codegen's request builders)
			appends++
			return ok
		}
		switch {
		case (tok == token.DEFINE || tok == token.ASSIGN) && len(rhs) == 1 && appends == 0:
			bases++
			base = c.pieces(rhs[0], depth+1)
		case tok == token.ADD_ASSIGN && len(rhs) == 1 && bases > 0:
			appends++
			ps := c.pieces(rhs[0], depth+1)
			if !c.sameBlockAsDef(decl.Body, v, as) && !startsQuery(ps) {
				ok = false
			}
			appended = append(appended, ps...)
		default:
			ok = false
		}
		return ok
	})
	if !ok || appends == 0 || len(c.idx().assigns[v]) != bases-fromParam+appends {
		return nil, false // changed in a way not seen here (x++, a range, a closure)
	}
	if bases > 1 {
		base = []piece{{param: -1}}
	}
	return append(base, appended...), true
}

// selfAppend returns Y when as is v = v + Y, also for a longer sum
// (v = v + "?" + q, parsed as (v + "?") + q: Y is then "?" + q).
func selfAppend(c *Classifier, v *types.Var, as *ast.AssignStmt) (ast.Expr, bool) {
	if as.Tok != token.ASSIGN || len(as.Rhs) != 1 {
		return nil, false
	}
	return appendedTo(c, v, as.Rhs[0])
}

// appendedTo returns what the sum e adds to v when v is its leftmost
// term: Y of v + Y, and for (v + a) + b a new sum a + b of the same
// operands.
func appendedTo(c *Classifier, v *types.Var, e ast.Expr) (ast.Expr, bool) {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok || b.Op != token.ADD {
		return nil, false
	}
	if c.varOf(b.X) == v {
		return b.Y, true
	}
	rest, ok := appendedTo(c, v, b.X)
	if !ok {
		return nil, false
	}
	return &ast.BinaryExpr{X: rest, OpPos: b.OpPos, Op: token.ADD, Y: b.Y}, true
}

// sprintfQuery reports whether as is `v = fmt.Sprintf("%s?%s", v, q)`
// (or "%s&…", "%v?…"): a query appended to v.
func (c *Classifier) sprintfQuery(v *types.Var, as *ast.AssignStmt) bool {
	return as.Tok == token.ASSIGN && len(as.Rhs) == 1 && c.sprintfWithQuery(as.Rhs[0], v)
}

// withQuery reports whether rhs is v with a query appended: v + "?" + q,
// or fmt.Sprintf("%s?%s", v, q).
func (c *Classifier) withQuery(rhs ast.Expr, v *types.Var) bool {
	if rest, ok := appendedTo(c, v, rhs); ok {
		// Only the leftmost operand is read, as a constant: following the
		// rest could come back to v's parameter role (paramDefaults).
		for {
			b, ok := ast.Unparen(rest).(*ast.BinaryExpr)
			if !ok {
				break
			}
			rest = b.X
		}
		tv := c.info.Types[rest]
		return tv.Value != nil && tv.Value.Kind() == constant.String && startsQuery([]piece{{s: constant.StringVal(tv.Value), known: true}})
	}
	return c.sprintfWithQuery(rhs, v)
}

// sprintfWithQuery reports whether rhs is fmt.Sprintf("%s?%s", v, q)
// (or "%s&…", "%v?…").
func (c *Classifier) sprintfWithQuery(rhs ast.Expr, v *types.Var) bool {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || len(call.Args) < 2 || !isSprintf(c.calleeFunc(call)) || c.varOf(call.Args[1]) != v {
		return false
	}
	tv := c.info.Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	for _, prefix := range []string{"%s?", "%s&", "%v?", "%v&"} {
		if strings.HasPrefix(constant.StringVal(tv.Value), prefix) {
			return true
		}
	}
	return false
}

// sameBlockAsDef reports whether as is a statement of the block that
// declares v: it runs whenever the declaration does.
func (c *Classifier) sameBlockAsDef(body *ast.BlockStmt, v *types.Var, as *ast.AssignStmt) bool {
	var found bool
	ast.Inspect(body, func(n ast.Node) bool {
		b, ok := n.(*ast.BlockStmt)
		if !ok || found {
			return !found
		}
		hasDef, hasAs := false, false
		for _, s := range b.List {
			if s == ast.Stmt(as) {
				hasAs = true
			}
			if s.Pos() <= v.Pos() && v.Pos() < s.End() {
				hasDef = true
			}
		}
		found = hasDef && hasAs
		return true
	})
	return found
}

// startsQuery reports whether ps begins with a query separator.
func startsQuery(ps []piece) bool {
	return len(ps) > 0 && ps[0].known && ps[0].s != "" && (ps[0].s[0] == '?' || ps[0].s[0] == '&')
}

// isString reports whether t is a string type.
func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// summarisedParam returns v's index when it is a parameter of the
// function being summarised, whatever assigns it.
func (c *Classifier) summarisedParam(v *types.Var) (int, bool) {
	if c.sum == nil {
		return 0, false
	}
	p, ok := c.sum.params[v]
	return p, ok
}

// dotPrefixed reports whether as is v = "." + v.
func dotPrefixed(c *Classifier, v *types.Var, as *ast.AssignStmt) bool {
	if as.Tok != token.ASSIGN || len(as.Rhs) != 1 {
		return false
	}
	b, ok := ast.Unparen(as.Rhs[0]).(*ast.BinaryExpr)
	if !ok || b.Op != token.ADD || c.varOf(b.Y) != v {
		return false
	}
	p := c.str(b.X, 0)
	return p.known && p.s == "."
}

// queryAppender returns the index of the string parameter a function of
// this package returns with at most a query string added, or -1:
//
//	func buildURL(url string, queryParameters url.Values) string {
//		if len(queryParameters) == 0 {
//			return url
//		}
//		if strings.ContainsRune(url, '?') { url += "&" } else { url += "?" }
//		url += queryParameters.Encode()
//		return url
//	}
//
// Every return gives back the parameter, and every change to it appends
// "?" or "&" text or an encoded url.Values: the path is the caller's.
func (c *Classifier) queryAppender(fn *types.Func) int {
	if fn == nil || fn.Pkg() != c.pass.Pkg || fn.Signature().Results().Len() != 1 || !isString(fn.Signature().Results().At(0).Type()) {
		return -1
	}
	d := c.enclosingDecl(fn.Pos())
	if d == nil || d.Body == nil || c.info.Defs[d.Name] != fn {
		return -1
	}
	k, ok := -1, true
	params := fn.Signature().Params()
	ast.Inspect(d.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			ok = false
		case *ast.ReturnStmt:
			p := -1
			if len(n.Results) == 1 {
				p = paramPos(fn.Signature(), c.varOf(n.Results[0]))
			}
			if p < 0 || k >= 0 && p != k || !isString(params.At(p).Type()) {
				ok = false
			}
			k = p
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if v := c.varOf(l); v != nil && paramPos(fn.Signature(), v) >= 0 && !c.appendsQuery(n) {
					ok = false
				}
			}
		}
		return ok
	})
	if !ok {
		return -1
	}
	return k
}

// appendsQuery reports whether as is `u += "?"`, `u += "&"` or `u +=
// values.Encode()` (net/url.Values).
func (c *Classifier) appendsQuery(as *ast.AssignStmt) bool {
	if as.Tok != token.ADD_ASSIGN || len(as.Rhs) != 1 {
		return false
	}
	if v := c.str(as.Rhs[0], 0); v.known {
		return startsQuery([]piece{{s: v.s, known: true}})
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := c.calleeFunc(call)
	if fn == nil || fn.Name() != "Encode" {
		return false
	}
	recv := fn.Signature().Recv()
	return recv != nil && isNamed(recv.Type(), "net/url", "Values")
}

// basesPieces splits a local variable given, in each branch that sets it,
// the same parameter behind a different base URL:
//
//	var url string
//	switch apiVersion {
//	case 1:
//		url = endpoint(uri)
//	case 2:
//		url = endpointV2(uri)
//	}
//
// The base stays unknown ({param: -1}, which urlPath drops when it leads);
// the path is the caller's parameter. Any other history gives up.
func (c *Classifier) basesPieces(v *types.Var, depth int) ([]piece, bool) {
	ix := c.idx()
	as := ix.assigns[v]
	if v.Pkg() != c.pass.Pkg || len(as) < 2 || ix.addrTaken[v] || !isString(v.Type()) {
		return nil, false
	}
	var path piece
	for i, a := range as {
		if a.rhs == nil {
			return nil, false
		}
		ps := c.pieces(a.rhs, depth+1)
		if len(ps) < 2 {
			return nil, false
		}
		last := ps[len(ps)-1]
		if last.param < 0 || i > 0 && (last.param != path.param || last.field != path.field) {
			return nil, false
		}
		path = last
	}
	return []piece{{param: -1}, path}, true
}
