package mutation

import (
	"go/ast"
	"go/types"
	"strings"
)

// The resty HTTP clients (v2 and v3): a request is built by a chain of
// setters on *resty.Request and sent by a method named after the HTTP
// method, or by Execute(method, url).
const (
	restyV2Path = "github.com/go-resty/resty/v2"
	restyV3Path = "resty.dev/v3"
)

func isRestyPkg(path string) bool { return path == restyV2Path || path == restyV3Path }

// restyMethods maps the sending methods of *resty.Request to the HTTP
// method they send.
var restyMethods = map[string]string{
	"Get": "GET", "Head": "HEAD", "Options": "OPTIONS", "Put": "PUT", "Delete": "DELETE",
	"Post": "POST", "Patch": "PATCH",
}

// restyCall classifies a call into resty: Request.Post/Patch(url) and
// Request.Execute("POST", url) are writes; the other methods (setters,
// GET/PUT/DELETE, Send with the method in a field) are not judged mutating.
func (c *Classifier) restyCall(call *ast.CallExpr, fn *types.Func) (Op, bool) {
	if recvName(fn) != "Request" {
		return Op{}, true
	}
	if m, ok := restyMethods[fn.Name()]; ok && len(call.Args) == 1 {
		op, _ := c.httpOp(call, sval{known: true, s: m, param: -1}, call.Args[0])
		if m == "POST" && op.Kind == KindHTTP && c.namedBodyCreate(call, strings.TrimPrefix(op.Desc, "POST ")) {
			return Op{}, true // a create the server keys by the name in its body
		}
		return op, true
	}
	if fn.Name() == "Execute" && len(call.Args) == 2 {
		op, _ := c.httpOp(call, c.str(call.Args[0], 0), call.Args[1])
		return op, true
	}
	return Op{}, true
}

// restyChainEvidence reads the setters of a resty request chain ending in
// call — c.R().SetHeader("Idempotency-Key", k).SetBody(b).Post(url) — and
// returns the variable the chain starts from (r in r.SetBody(b).Post(url)),
// whose other setter calls the caller then looks for in the scope.
func (c *Classifier) restyChainEvidence(ev *Evidence, call *ast.CallExpr) *types.Var {
	x := ast.Expr(call)
	for i := 0; i < maxChain; i++ {
		cur, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok {
			return c.varOf(x)
		}
		sel, ok := ast.Unparen(cur.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		if cur != call {
			c.headerSetter(ev, cur, sel.Sel.Name)
		}
		x = sel.X
	}
	return nil
}

// maxChain bounds the length of a method chain that is followed.
const maxChain = 64
