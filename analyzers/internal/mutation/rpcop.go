package mutation

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
)

// JSON-RPC and RPC-style clients POST every operation through one function
// whose parameter names the operation:
//
//	func (c *Client) call(ctx context.Context, method string, params, out any) error {
//		body, _ := json.Marshal(request{JSONRPC: "2.0", ID: c.nextID(), Method: method, Params: params})
//		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
//		…
//	}
//	c.call(ctx, "eth_getBlockByNumber", …)   // reads
//	c.call(ctx, "eth_sendRawTransaction", …) // writes
//
// The POST is the helper's; whether it writes is the operation's, as the
// HTTP method of a generic sender is its caller's. Summarize records the
// parameter (FuncFact.OpNameParam) when the function's write is a POST and
// the parameter is the value of an operation-naming key of a literal the
// body builds (the JSON-RPC "method", an "operation" or "action" field)
// or a constructor of this package builds from it, or is passed on to such
// a parameter of the function that makes the POST. A caller
// passing a constant that names a read (readOperation) sends a read; any
// other argument leaves the POST a write.

// opNameKeys are the keys (struct fields or map keys, lower case) that hold
// the name of the operation an RPC body asks for.
var opNameKeys = map[string]bool{"method": true, "operation": true, "operationname": true, "op": true, "action": true, "rpcmethod": true}

// summarizeOpName sets f.OpNameParam for a function whose Op is a POST
// made by opCall.
func (c *Classifier) summarizeOpName(decl *ast.FuncDecl, f *FuncFact, opCall *ast.CallExpr) {
	if f.Op == nil || f.Op.Primitive() != KindHTTP || !strings.HasPrefix(f.Op.Desc, "POST") || decl.Body == nil {
		return
	}
	if opCall != nil {
		if fn := c.calleeFunc(opCall); fn != nil {
			if cf := c.facts(fn); cf != nil && cf.OpNameParam >= 0 && cf.OpNameParam < len(opCall.Args) {
				if p, ok := c.stringParam(opCall.Args[cf.OpNameParam], f); ok {
					f.OpNameParam = p // a wrapper passing its operation on
					return
				}
			}
		}
	}
	if p := c.opKeyParam(decl.Body, func(e ast.Expr) (int, bool) { return c.stringParam(e, f) }); p >= 0 {
		f.OpNameParam = p
		return
	}
	// A message built by a constructor of this package
	// (msg := c.newMessage(method, args…), whose literal keys it Method).
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || f.OpNameParam >= 0 {
			return f.OpNameParam < 0
		}
		fn := c.calleeFunc(call)
		if fn == nil || fn.Pkg() != c.pass.Pkg {
			return true
		}
		callee := c.declOf(fn)
		if callee == nil || callee.Body == nil || callee == decl {
			return true
		}
		params := paramIndexes(c.info, callee)
		j := c.opKeyParam(callee.Body, func(e ast.Expr) (int, bool) {
			v := c.varOf(e)
			if v == nil {
				return 0, false
			}
			i, ok := params[v]
			return i, ok
		})
		if j >= 0 && j < len(call.Args) {
			if p, ok := c.stringParam(call.Args[j], f); ok {
				f.OpNameParam = p
			}
		}
		return true
	})
}

// opKeyParam returns the parameter (by param) that a composite literal in
// body holds under an operation-naming key, or -1.
func (c *Classifier) opKeyParam(body *ast.BlockStmt, param func(ast.Expr) (int, bool)) int {
	found := -1
	ast.Inspect(body, func(n ast.Node) bool {
		lit, ok := n.(*ast.CompositeLit)
		if !ok || found >= 0 || c.httpLiteral(lit) {
			return found < 0
		}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok || !opNameKeys[strings.ToLower(c.keyName(kv.Key))] {
				continue
			}
			if p, ok := param(kv.Value); ok {
				found = p
				return false
			}
		}
		return true
	})
	return found
}

// httpLiteral: an http.Request literal's Method is the HTTP method, not an
// operation.
func (c *Classifier) httpLiteral(lit *ast.CompositeLit) bool {
	t := c.info.TypeOf(lit)
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http"
}

// keyName is the name a literal's key spells: a struct field or a constant
// string map key.
func (c *Classifier) keyName(key ast.Expr) string {
	if id, ok := key.(*ast.Ident); ok {
		if v, ok := c.info.Uses[id].(*types.Var); ok && v.IsField() {
			return id.Name
		}
	}
	if tv, ok := c.info.Types[key]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value)
	}
	return ""
}

// stringParam returns the index of the summarised function's string
// parameter that e is, unchanged; not the HTTP method parameter.
func (c *Classifier) stringParam(e ast.Expr, f *FuncFact) (int, bool) {
	v := c.varOf(e)
	if v == nil {
		return 0, false
	}
	if b, ok := v.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return 0, false
	}
	p, ok := c.paramIndex(v)
	if !ok || p == f.HTTPMethodParam {
		return 0, false
	}
	return p, true
}

// rpcOpReads reports whether call passes a function that POSTs the
// operation its parameter names (FuncFact.OpNameParam) a constant naming
// a read.
func (c *Classifier) rpcOpReads(call *ast.CallExpr) bool {
	fn := c.calleeFunc(call)
	if fn == nil {
		return false
	}
	f := c.facts(fn)
	if f == nil || f.OpNameParam < 0 || f.OpNameParam >= len(call.Args) {
		return false
	}
	v := c.argValue(call.Args[f.OpNameParam], "")
	return v.known && v.param < 0 && readOperation(v.s)
}

// readOperation reports whether an RPC operation name says it reads: the
// whole name (getBlock, list_users), its last dotted or slashed segment
// (Users.List, /pkg.Service/GetUser) or what follows a namespace prefix
// (eth_getBalance, abci_query), with no write word anywhere
// (eth_sendRawTransaction, Users.Update, getOrCreate).
func readOperation(name string) bool {
	for _, w := range nameWords(name) {
		if writeWords[w] {
			return false
		}
	}
	if ReadName(name) {
		return true
	}
	last := name
	if i := strings.LastIndexAny(last, "./"); i >= 0 {
		last = last[i+1:]
	}
	if ReadName(last) {
		return true
	}
	if i := strings.IndexByte(last, '_'); i > 0 {
		return ReadName(last[i+1:])
	}
	return false
}
