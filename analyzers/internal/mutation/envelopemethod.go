package mutation

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// The method of a generic sender's envelope. A Kiota-style request
// adapter sends a request description built elsewhere:
//
//	func (u *uploadSlice) createRequestInformation(data []byte) *abstractions.RequestInformation {
//		requestInfo := abstractions.NewRequestInformation()
//		requestInfo.Method = abstractions.PUT
//		…
//		return requestInfo
//	}
//	requestInfo := u.createRequestInformation(data)
//	result, err := u.RequestAdapter.Send(ctx, requestInfo, factory, errorMappings)
//
// The description's Method says what the send does. When it can be read
// at the call (a literal, a field set once, a constructor given a method,
// a builder of this package returning one), a POST or PATCH is a write
// and anything else is not; when it cannot, the send stays unknown.

// envelopeOp judges a call of a generic sender by the method of the
// description it sends: a POST or PATCH is a write; another method, or
// one twice cannot read, is not reported.
func (c *Classifier) envelopeOp(call *ast.CallExpr, fn *types.Func, sig *types.Signature) (Op, bool) {
	m := c.envelopeMethod(call, sig)
	if !isWriteMethod(m) {
		return Op{}, false
	}
	return Op{
		Kind: KindHTTP, Desc: displayName(fn) + " (" + m + " request)", Effect: "the request can be applied twice",
		Pos: call.Pos(), Identity: "http " + m + " " + fn.FullName(),
	}, true
}

// maxEnvelopeDepth bounds how many builders are followed to the
// description's method.
const maxEnvelopeDepth = 3

// envelopeMethod returns the HTTP method of the request description call
// sends, when one argument is a description (carriesMethod) whose method
// can be read; "" otherwise.
func (c *Classifier) envelopeMethod(call *ast.CallExpr, sig *types.Signature) string {
	for i, arg := range call.Args {
		if i >= sig.Params().Len() || !carriesMethod(sig.Params().At(i).Type()) {
			continue
		}
		if m := c.describedMethod(arg, 0); m != "" {
			return m
		}
	}
	return ""
}

// describedMethod reads the method of a request description expression.
func (c *Classifier) describedMethod(e ast.Expr, depth int) string {
	if depth > maxEnvelopeDepth {
		return ""
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		return c.literalMethod(x)
	case *ast.CallExpr:
		return c.builtMethod(x, depth)
	case *ast.Ident:
		return c.variableMethod(x, depth)
	}
	return ""
}

// literalMethod reads Method: … of a description literal.
func (c *Classifier) literalMethod(lit *ast.CompositeLit) string {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Method" {
			return c.methodConstant(kv.Value)
		}
	}
	return ""
}

// builtMethod reads the method a call gives the description it returns:
// a method constant among its arguments
// (NewRequestInformationWithMethodAndUrlTemplate(abstractions.POST, …)),
// or the value a builder of this package returns.
func (c *Classifier) builtMethod(call *ast.CallExpr, depth int) string {
	for _, arg := range call.Args {
		if m := c.methodConstant(arg); m != "" {
			return m
		}
	}
	fn := c.calleeFunc(call)
	if fn == nil {
		return ""
	}
	if ret, ok := c.idx().returns[fn.Origin()]; ok {
		return c.describedMethod(ret, depth+1)
	}
	return ""
}

// variableMethod reads the method of a local description: the value its
// Method field is set to (every setting agreeing), else its one
// definition's.
func (c *Classifier) variableMethod(id *ast.Ident, depth int) string {
	v := c.varOf(id)
	if v == nil || v.Pkg() != c.pass.Pkg {
		return ""
	}
	if sets := c.idx().fields[fieldKey{v, "Method"}]; len(sets) > 0 {
		m := c.methodConstant(sets[0])
		for _, s := range sets[1:] {
			if c.methodConstant(s) != m {
				return ""
			}
		}
		return m
	}
	decl := c.enclosingDecl(v.Pos())
	if decl == nil || decl.Body == nil {
		return ""
	}
	defs, _ := astpath.Definitions(c.info, decl.Body, v)
	if defs = astpath.WithValues(defs); len(defs) != 1 || defs[0].Tuple && defs[0].Index != 0 {
		return ""
	}
	return c.describedMethod(defs[0].Rhs, depth+1)
}

// httpMethods are the methods a description's constant can name.
var httpMethods = []string{"POST", "PATCH", "PUT", "DELETE", "GET", "HEAD", "OPTIONS"}

// methodConstant returns the HTTP method a constant expression names: a
// string constant ("POST", http.MethodPost), or a constant of a method
// type named for one (abstractions.PUT, HttpMethodPost).
func (c *Classifier) methodConstant(e ast.Expr) string {
	tv, ok := c.info.Types[e]
	if !ok || tv.Value == nil {
		return ""
	}
	if tv.Value.Kind() == constant.String {
		s := strings.ToUpper(constant.StringVal(tv.Value))
		for _, m := range httpMethods {
			if s == m {
				return m
			}
		}
		return ""
	}
	var obj types.Object
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		obj = c.info.Uses[x]
	case *ast.SelectorExpr:
		obj = c.info.Uses[x.Sel]
	}
	k, ok := obj.(*types.Const)
	if !ok || !namedForMethod(k.Type()) {
		return ""
	}
	name := strings.ToUpper(k.Name())
	for _, m := range httpMethods {
		if strings.HasSuffix(name, m) {
			return m
		}
	}
	return ""
}

// namedForMethod reports whether t is a named type whose name ends in
// Method (HttpMethod, RequestMethod).
func namedForMethod(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && strings.HasSuffix(n.Obj().Name(), "Method")
}
