package mutation

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// Parameters given a default when the caller passes nothing:
//
//	func (c Client) newRequest(ctx context.Context, method string, …) {
//		if method == "" {
//			method = "POST" // the default, not the method
//		}
//		req, err := http.NewRequestWithContext(ctx, method, …)
//
// The caller's argument decides (executeMethod(ctx, http.MethodGet, …) is
// a GET), so the parameter keeps its role. So it does when the function
// only normalizes it (`method = strings.ToUpper(method)`, `path =
// path[1:]`) or appends a query to it (`url = fmt.Sprintf("%s?%s", url,
// q)`): the caller's "post" is still a POST, its path still its path. Any
// other reassignment of a parameter hides what the caller passed: the
// value is unknown unless the function overwrites it unconditionally
// before use.

// paramDefaults reports whether every assignment of v (a parameter) sits
// directly in the body of an `if v == ""` (or `len(v) == 0`) statement,
// or normalizes v itself (v = strings.ToUpper(v)).
func (c *Classifier) paramDefaults(v *types.Var) bool {
	as := c.idx().assigns[v]
	if len(as) == 0 || c.idx().addrTaken[v] {
		return false
	}
	decl := c.enclosingDecl(v.Pos())
	if decl == nil || decl.Body == nil {
		return false
	}
	defaults := map[token.Pos]bool{}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		ifs, ok := n.(*ast.IfStmt)
		if !ok || ifs.Init != nil || !c.emptyTest(ifs.Cond, v) {
			return true
		}
		for _, st := range ifs.Body.List {
			if as, ok := st.(*ast.AssignStmt); ok && len(as.Lhs) == 1 && c.varOf(as.Lhs[0]) == v {
				defaults[as.Lhs[0].Pos()] = true
			}
		}
		return true
	})
	for _, a := range as {
		if !defaults[a.pos] && !c.normalizes(a.rhs, v) && !c.withQuery(a.rhs, v) {
			return false
		}
	}
	return true
}

// normalizers change a string's case or trim it: the value stays the
// caller's.
var normalizers = map[string]bool{"ToUpper": true, "ToLower": true, "TrimSpace": true}

// trimmers cut a constant off an end of a string: `path =
// strings.TrimPrefix(path, "/")` leaves the caller's path.
var trimmers = map[string]bool{"TrimPrefix": true, "TrimLeft": true, "TrimSuffix": true, "TrimRight": true}

// normalizes reports whether rhs is strings.ToUpper(v), ToLower(v) or
// TrimSpace(v), strings.TrimPrefix(v, "/") (or another trim of a
// constant), or v[1:] (a leading slash dropped: `if path[0] == '/' { path =
// path[1:] }` in a request builder).
func (c *Classifier) normalizes(rhs ast.Expr, v *types.Var) bool {
	if s, ok := ast.Unparen(rhs).(*ast.SliceExpr); ok {
		return c.varOf(s.X) == v && s.High == nil && !s.Slice3 && s.Low != nil && c.info.Types[s.Low].Value != nil
	}
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 || c.varOf(call.Args[0]) != v {
		return false
	}
	fn := c.calleeFunc(call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "strings" {
		return false
	}
	switch len(call.Args) {
	case 1:
		return normalizers[fn.Name()]
	case 2:
		return trimmers[fn.Name()] && c.info.Types[call.Args[1]].Value != nil
	}
	return false
}

// emptyTest reports whether cond is v == "", "" == v or len(v) == 0.
func (c *Classifier) emptyTest(cond ast.Expr, v *types.Var) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.EQL {
		return false
	}
	for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
		side, other := ast.Unparen(pair[0]), pair[1]
		tv, ok := c.info.Types[other]
		if !ok || tv.Value == nil {
			continue
		}
		if c.varOf(side) == v && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == "" {
			return true
		}
		if call, ok := side.(*ast.CallExpr); ok && len(call.Args) == 1 && c.varOf(call.Args[0]) == v && isBuiltin(c.info, call, "len") &&
			tv.Value.Kind() == constant.Int && constant.Sign(tv.Value) == 0 {
			return true
		}
	}
	return false
}

// reassignedParam reports whether v is a parameter (or receiver) whose
// incoming value can reach a use despite its reassignments: no assignment
// is an unconditional statement of the function's body.
func (c *Classifier) reassignedParam(v *types.Var) bool {
	if v.Kind() != types.ParamVar && v.Kind() != types.RecvVar {
		return false
	}
	decl := c.enclosingDecl(v.Pos())
	if decl == nil || decl.Body == nil {
		return false
	}
	for _, st := range decl.Body.List {
		if as, ok := st.(*ast.AssignStmt); ok {
			for _, l := range as.Lhs {
				if c.varOf(l) == v {
					return false // overwritten before anything else can read it
				}
			}
		}
	}
	return true
}

// isBuiltin reports whether call calls the builtin name.
func isBuiltin(info *types.Info, call *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}
