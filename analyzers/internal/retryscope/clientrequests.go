package retryscope

// The requests a retrying client sends: the method and URL of a
// go-retryablehttp call or of a resty request chain, and how a request is
// described in a message (method and path, host stripped).

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// retryablehttpRequest returns the constant method and the URL of a
// retryablehttp call: Post/PostForm, or Do(req) with req from
// NewRequest/NewRequestWithContext. Idempotent methods give "".
func retryablehttpRequest(info *types.Info, cs *clientState, call *ast.CallExpr, fn *types.Func) (string, ast.Expr) {
	switch fn.Name() {
	case "Post", "PostForm":
		if len(call.Args) > 0 {
			return "POST", call.Args[0]
		}
	case "Do":
		if len(call.Args) != 1 {
			return "", nil
		}
		for _, def := range cs.defs[objOf(info, call.Args[0])] {
			nr, ok := ast.Unparen(def).(*ast.CallExpr)
			if !ok {
				continue
			}
			f, _ := typeutil.Callee(info, nr).(*types.Func)
			if f == nil || f.Pkg() == nil || f.Pkg().Path() != retryablehttpPkg {
				continue
			}
			i := 0
			if f.Name() == "NewRequestWithContext" {
				i = 1
			} else if f.Name() != "NewRequest" {
				continue
			}
			if i+1 < len(nr.Args) {
				if m := nonIdempotentMethod(info, nr.Args[i]); m != "" {
					return m, nr.Args[i+1]
				}
			}
		}
	}
	return "", nil
}

// restyRequest returns the non-idempotent method and URL of a resty
// request call (Post, Patch, Execute("POST", url)), or "".
func restyRequest(info *types.Info, call *ast.CallExpr, fn *types.Func) (string, ast.Expr) {
	if !isNamed(fn.Signature().Recv().Type(), pkgOf(fn), "Request") || len(call.Args) == 0 {
		return "", nil
	}
	if _, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); !ok {
		return "", nil
	}
	switch fn.Name() {
	case "Post":
		return "POST", call.Args[0]
	case "Patch":
		return "PATCH", call.Args[0]
	case "Execute":
		if len(call.Args) == 2 {
			return nonIdempotentMethod(info, call.Args[0]), call.Args[1]
		}
	}
	return "", nil
}

// chainFlags collects the retry configuration along a resty method chain
// and the variables it starts from.
func (cs *clientState) chainFlags(w *walk, e ast.Expr, seen map[types.Object]bool) restyFlags {
	var flags restyFlags
	for depth := 0; depth < 32; depth++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(w.info, x).(*types.Func)
			if fn == nil {
				return flags
			}
			if fn.Pkg() == w.f.pass.Pkg {
				// A function of the package handing out a request or
				// client (m.r(ctx)): what it returns decides.
				return flags | cs.returnedFlags(w, fn, seen)
			}
			if fn.Signature().Recv() == nil {
				// resty.New(), or a constructor that may configure the
				// client it returns (a maker: client.Build(url)).
				return flags | restyMakerFlags(cs.makerOf(w, fn))
			}
			flags |= w.restyOwnFlags(x, fn)
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok {
				return flags
			}
			e = sel.X
		default:
			obj := objOf(w.info, x)
			if obj == nil || seen[obj] {
				return flags
			}
			seen[obj] = true
			flags |= cs.restyOwn[obj]
			for _, def := range cs.defs[obj] {
				flags |= cs.chainFlags(w, def, seen)
			}
			if lp, ok := cs.litParams[obj]; ok {
				// A callback's request: what the helper it is given
				// passes to it (restycallbacks.go).
				flags |= cs.callbackFlags(w, lp.callee, lp.arg, lp.param, 0, seen)
			}
			return flags
		}
	}
	return flags
}

// restyOwnFlags is the configuration one call sets. A retry count held in
// a local variable retries when the variable starts from (or is ever set
// to) a positive constant: `maxRetries := 3`, overridden from an option,
// is a client that retries unless its user turns it off; so does a count
// held in a field the package gives a positive default
// (`newBuilder() *builder { return &builder{retryCount: 3} }`). A count
// read only from configuration is unknown, and unknown is not reported.
// A retry condition is read like any retry predicate: true only on
// refusals, or possibly after the request ran.
func (w *walk) restyOwnFlags(call *ast.CallExpr, fn *types.Func) restyFlags {
	if len(call.Args) != 1 {
		return 0
	}
	arg := call.Args[0]
	tv := w.info.Types[arg]
	switch fn.Name() {
	case "SetRetryCount":
		if positiveInt(tv) || w.positiveDefault(arg) || w.positiveFieldValue(arg) {
			return restyRetries
		}
	case "AddRetryCondition":
		if w.predicateRefuses(arg) {
			return restyRefusalCondition
		}
		return restyOtherCondition
	case "SetAllowNonIdempotentRetry":
		if tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) {
			return restyAllowNonIdempotent
		}
	}
	return 0
}

func positiveInt(tv types.TypeAndValue) bool {
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	n, ok := constant.Int64Val(tv.Value)
	return ok && n > 0
}

// positiveFieldValue reports whether e reads a field of this package's
// own struct that the package gives a positive value (a constructor's
// default), not one set only by its users' configuration.
func (w *walk) positiveFieldValue(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := w.info.Uses[sel.Sel].(*types.Var)
	return ok && v.IsField() && v.Pkg() == w.f.pass.Pkg && w.f.positiveField(v)
}

// positiveDefault reports whether e is a local variable one of whose
// definitions in its function is a positive constant.
func (w *walk) positiveDefault(e ast.Expr) bool {
	v, ok := objOf(w.info, e).(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	decl := w.f.declAt(v.Pos())
	if decl == nil {
		return false
	}
	defs, _ := astpath.Definitions(w.info, decl.Body, v)
	for _, d := range defs {
		if d.Rhs != nil && !d.Tuple && positiveInt(w.info.Types[d.Rhs]) {
			return true
		}
	}
	return false
}

// restyRoot returns the variable a chain of calls on recvType starts from:
// c.client in c.client.SetRetryCount(3).SetRetryWaitTime(…).
func restyRoot(info *types.Info, call *ast.CallExpr, recvType types.Type) types.Object {
	e := ast.Expr(call)
	for depth := 0; depth < 32; depth++ {
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			if v, ok := objOf(info, e).(*types.Var); ok {
				return v
			}
			return nil
		}
		sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
		if !ok || !types.Identical(info.TypeOf(sel.X), recvType) {
			return nil
		}
		e = sel.X
	}
	return nil
}

// restyVersion returns the resty package of a *Client or *Request type.
func restyVersion(t types.Type) string {
	for _, p := range []string{restyV2Pkg, restyV3Pkg} {
		if isNamed(t, p, "Client") || isNamed(t, p, "Request") {
			return p
		}
	}
	return ""
}

func pkgOf(fn *types.Func) string {
	if fn.Pkg() == nil {
		return ""
	}
	return fn.Pkg().Path()
}

// isNamed reports whether t (or *t) is the named type pkg.name.
func isNamed(t types.Type, pkg, name string) bool {
	path, n := typeName(t)
	return path != "" && path == pkg && n == name
}

// typeName returns the package path (a vendor prefix removed) and name of
// the named type t (or *t), or "" and "".
func typeName(t types.Type) (pkg, name string) {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return "", ""
	}
	path := n.Obj().Pkg().Path()
	if i := strings.LastIndex(path, "/vendor/"); i >= 0 {
		path = path[i+len("/vendor/"):]
	}
	return path, n.Obj().Name()
}

// isMethod reports whether call calls method name of pkg.typ.
func isMethod(info *types.Info, call *ast.CallExpr, pkg, typ, name string) bool {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Name() != name || fn.Signature().Recv() == nil {
		return false
	}
	return isNamed(fn.Signature().Recv().Type(), pkg, typ)
}

// nonIdempotentMethod returns POST or PATCH when e is that constant method.
func nonIdempotentMethod(info *types.Info, e ast.Expr) string {
	tv := info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return ""
	}
	switch m := strings.ToUpper(constant.StringVal(tv.Value)); m {
	case "POST", "PATCH":
		return m
	}
	return ""
}

// describeRequest renders "POST /v1/orders" from a constant (or
// constant-prefixed) URL, else "POST request".
func describeRequest(info *types.Info, method string, url ast.Expr) string {
	if p := urlText(info, url, 0); p != "" {
		return method + " " + p
	}
	return method + " request"
}

// urlText is the constant part of a URL expression, without scheme and
// host; "" when nothing constant is known.
func urlText(info *types.Info, e ast.Expr, depth int) string {
	if e == nil || depth > 8 {
		return ""
	}
	if tv := info.Types[e]; tv.Value != nil && tv.Value.Kind() == constant.String {
		return stripHost(constant.StringVal(tv.Value))
	}
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok {
		left := urlText(info, b.X, depth+1)
		right := urlText(info, b.Y, depth+1)
		if right == "" {
			right = "{…}"
		}
		if left == "" {
			// baseURL + "/v1/orders": the path is what matters.
			if strings.HasPrefix(right, "/") {
				return right
			}
			return ""
		}
		return left + right
	}
	return ""
}

func stripHost(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		rest := u[i+3:]
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			return rest[j:]
		}
		return "/"
	}
	return u
}
