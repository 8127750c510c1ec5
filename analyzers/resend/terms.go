package resend

// What a condition's operands stand for: a variable or a helper's
// parameter is followed to the expression bound to it, a small helper of
// this package is inlined with its parameters bound, and an operand that
// reaches the first send's response, error or transport is a term of the
// inspection.

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
	"github.com/twice-lint/twice/analyzers/internal/httpstatus"
)

// expansion is an expression to evaluate instead of another, in its own scope.
type expansion struct {
	expr ast.Expr
	sc   scope
}

// follow resolves an identifier bound to an expression: a helper's
// parameter, or a variable assigned an expression over the response.
func (ev *evaluator) follow(id *ast.Ident, sc scope) (expansion, bool) {
	obj := ev.info.Uses[id]
	if obj == nil || sc.depth >= maxDepth {
		return expansion{}, false
	}
	if x, ok := sc.env[obj]; ok {
		outer := sc.deeper()
		outer.env = nil // arguments are caller expressions
		outer.depth++
		return expansion{x, outer}, true
	}
	if b := ev.flow.at(obj, sc.at); b.kind == bindExpr {
		return expansion{b.expr, scope{at: b.pos, depth: sc.depth + 1, nest: sc.nest + 1}}, true
	}
	return expansion{}, false
}

// inline expands a call of a same-package helper whose body is a single
// return of one expression (func authPassed(r *http.Response) bool
// { return r.Header.Get(…) == "true" }) when an argument is derived from the
// response.
func (ev *evaluator) inline(call *ast.CallExpr, sc scope) (expansion, bool) {
	fn := ev.declOf(call)
	if fn == nil || sc.depth >= maxDepth || fn.Body == nil || len(fn.Body.List) != 1 {
		return expansion{}, false
	}
	ret, ok := fn.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return expansion{}, false
	}
	env, ok := ev.bindParams(fn, call, sc)
	if !ok {
		return expansion{}, false
	}
	return expansion{ret.Results[0], scope{at: sc.at, env: env, depth: sc.depth + 1, nest: sc.nest + 1}}, true
}

// bindParams maps fn's parameters to call's arguments. Arguments are
// evaluated in the caller's scope, so they are wrapped to keep it.
func (ev *evaluator) bindParams(fn *ast.FuncDecl, call *ast.CallExpr, sc scope) (map[types.Object]ast.Expr, bool) {
	if call.Ellipsis.IsValid() {
		return nil, false
	}
	env := make(map[types.Object]ast.Expr)
	i := 0
	for _, field := range fn.Type.Params.List {
		for _, name := range field.Names {
			if i >= len(call.Args) {
				return nil, false
			}
			if obj := ev.info.Defs[name]; obj != nil {
				env[obj] = call.Args[i]
			}
			i++
		}
		if len(field.Names) == 0 {
			i++
		}
	}
	if sc.env != nil {
		// Nested inlining: arguments that are outer parameters keep
		// their meaning by being substituted right away.
		for obj, arg := range env {
			if id, ok := ast.Unparen(arg).(*ast.Ident); ok {
				if outer, ok := sc.env[ev.info.Uses[id]]; ok {
					env[obj] = outer
				}
			}
		}
	}
	if fn.Recv != nil {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && len(fn.Recv.List) == 1 && len(fn.Recv.List[0].Names) == 1 {
			if obj := ev.info.Defs[fn.Recv.List[0].Names[0]]; obj != nil {
				env[obj] = sel.X
			}
		}
	}
	return env, true
}

// declOf returns the declaration of the same-package function call calls.
func (ev *evaluator) declOf(call *ast.CallExpr) *ast.FuncDecl {
	id := astpath.CalleeIdent(call)
	if id == nil {
		return nil
	}
	f, ok := ev.info.Uses[id].(*types.Func)
	if !ok {
		return nil
	}
	return ev.funcs[f.Origin()]
}

// term evaluates a non-boolean expression.
func (ev *evaluator) term(e ast.Expr, sc scope) term {
	if sc.tooDeep() {
		return term{}
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return ev.identTerm(e, sc)
	case *ast.SelectorExpr:
		return ev.selectorTerm(e, sc)
	case *ast.IndexExpr:
		// resp.Header["X-Auth"], out.Data[0]
		t := ev.term(e.X, sc.deeper())
		switch t.kind {
		case termHeaders:
			name, _ := ev.stringConstant(e.Index)
			return term{kind: termHeader, name: name}
		case termBody, termHeader:
			return t
		}
	case *ast.StarExpr:
		return ev.term(e.X, sc.deeper())
	case *ast.BinaryExpr:
		if e.Op == token.QUO {
			// resp.StatusCode / 100
			if t := ev.term(e.X, sc.deeper()); t.kind == termStatus && t.divisor == 0 {
				if d, ok := ev.intConstant(e.Y); ok && d > 0 {
					t.divisor = d
					return t
				}
			}
		}
	case *ast.CallExpr:
		return ev.callTerm(e, sc)
	case *ast.TypeAssertExpr:
		return ev.term(e.X, sc.deeper())
	}
	return term{}
}

func (ev *evaluator) identTerm(id *ast.Ident, sc scope) term {
	obj := ev.info.Uses[id]
	if obj == nil {
		return term{}
	}
	if x, ok := ev.follow(id, sc); ok {
		return ev.term(x.expr, x.sc)
	}
	if _, ok := sc.env[obj]; ok {
		return term{} // too deep to follow
	}
	b := ev.flow.at(obj, sc.at)
	switch b.kind {
	case bindResponse:
		return term{kind: termResponse}
	case bindTransport:
		return term{kind: termTransport}
	case bindBody:
		return term{kind: termBody, name: id.Name}
	case bindCheckErr:
		return term{kind: termCheckErr, name: b.name}
	}
	return term{}
}

func (ev *evaluator) selectorTerm(e *ast.SelectorExpr, sc scope) term {
	if _, ok := ev.info.Uses[identOf(e.X)].(*types.PkgName); ok {
		return term{} // a package-qualified name: http.StatusOK
	}
	x := ev.term(e.X, sc.deeper())
	switch x.kind {
	case termResponse:
		if isNamed(ev.info.TypeOf(e.X), "net/http", "Response") {
			switch e.Sel.Name {
			case "StatusCode":
				return term{kind: termStatus}
			case "Header", "Trailer":
				return term{kind: termHeaders}
			case "Status", "Proto", "Request", "TLS", "Close", "Uncompressed":
				// Status is the text of StatusCode; the rest describe the
				// exchange, not what the server did.
				return term{}
			}
		}
		return term{kind: termBody, name: e.Sel.Name}
	case termBody:
		return term{kind: termBody, name: e.Sel.Name}
	case termTransport:
		return term{}
	}
	return term{}
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// callTerm evaluates a call whose result may carry the response: header
// lookups, conversions, same-package helpers, decoders, and string helpers
// over a header or field.
func (ev *evaluator) callTerm(call *ast.CallExpr, sc scope) term {
	if tv, ok := ev.info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return ev.term(call.Args[0], sc.deeper()) // conversion
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		recv := ev.term(sel.X, sc.deeper())
		switch recv.kind {
		case termHeaders:
			name := ""
			if len(call.Args) > 0 {
				name, _ = ev.stringConstant(call.Args[0])
			}
			return term{kind: termHeader, name: name}
		case termResponse, termBody:
			if returnsOnlyError(ev.info, call) {
				return term{kind: termCheckErr, name: sel.Sel.Name}
			}
			return term{kind: termBody, name: sel.Sel.Name}
		}
	}
	if x, ok := ev.inline(call, sc); ok {
		return ev.term(x.expr, x.sc)
	}
	// The strongest thing an argument carries decides what the result is.
	best := term{}
	for _, arg := range call.Args {
		t := ev.term(arg, sc.deeper())
		if t.kind == termTransport || t.kind == termNone {
			continue
		}
		if best.kind == termNone || t.kind == termHeader {
			best = t
		}
	}
	if best.kind == termNone {
		return term{}
	}
	name := calleeName(call)
	if fn := ev.declOf(call); fn != nil && fn.Body != nil {
		return term{kind: termHelper, name: name, fn: fn}
	}
	if returnsOnlyError(ev.info, call) {
		return term{kind: termCheckErr, name: name}
	}
	if best.kind == termStatus || best.kind == termResponse {
		// strconv.Itoa(resp.StatusCode), fmt.Sprint(resp): data about the
		// response whose meaning cannot be evaluated.
		return term{kind: termBody, name: name}
	}
	return best
}

func returnsOnlyError(info *types.Info, call *ast.CallExpr) bool {
	sig, ok := info.TypeOf(call.Fun).(*types.Signature)
	return ok && sig.Results().Len() == 1 && isErrorType(sig.Results().At(0).Type())
}

// helperVerdict judges a same-package helper that looks at the response
// (func unauthorized(r *http.Response) bool { switch r.StatusCode { case
// 401, 403: … } }). A helper that only compares the status with refusal
// codes is a refusal check; one that looks at anything else is an
// inspection.
func (ev *evaluator) helperVerdict(t term, pos token.Pos) verdict {
	v := unknownVerdict()
	codes, other := helperLooks(ev.info, t.fn)
	if !other && len(codes) > 0 {
		onlyRefusals := true
		for _, c := range codes {
			if !httpstatus.Refusals().Has(c) {
				onlyRefusals = false
			}
		}
		if onlyRefusals {
			v.whenTrue = httpstatus.Refusals()
			return v
		}
	}
	if other || len(codes) > 0 {
		v.inspects = []inspection{{kind: inspectHelper, name: t.name, pos: pos}}
	}
	return v
}

// helperLooks lists the integer constants in the HTTP status range that fn
// uses (the codes it compares a status with), and whether it looks at
// anything of a response besides the status (headers, body).
func helperLooks(info *types.Info, fn *ast.FuncDecl) (codes []int, other bool) {
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
			if c, exact := constant.Int64Val(tv.Value); exact && c >= httpstatus.Min && c <= httpstatus.Max {
				codes = append(codes, int(c))
			}
			return false
		}
		if sel, ok := e.(*ast.SelectorExpr); ok && isNamed(info.TypeOf(sel.X), "net/http", "Response") {
			switch sel.Sel.Name {
			case "Header", "Body", "Trailer":
				other = true
			}
		}
		return true
	})
	return codes, other
}
