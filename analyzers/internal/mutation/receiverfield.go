package mutation

import (
	"go/ast"
	"go/types"
	"strings"
)

// Requests described by the receiver. An SDK transport often keeps a
// request as a struct of its own and builds the *http.Request in a method
// of it:
//
//	func (r *Request) buildHTTPRequest() (*http.Request, error) {
//		return http.NewRequest(r.Method, r.URL, body)
//	}
//
// The method's summary records "the method is field Method of the
// receiver" under the parameter index ReceiverParam; a caller reads the
// field off the value it calls the method on (req.buildHTTPRequest()).
// Only a field named Method counts, or any field of a receiver whose type
// is named for a request (Request, apiReq): a receiver is far more often
// the client itself, whose fields (c.baseURL) are the same on every call
// and are described where they are set.

// ReceiverParam is the parameter index that stands for the receiver in
// facts. It is past any argument list, so code that bounds-checks an index
// against call.Args ignores it.
const ReceiverParam = 1 << 20

// receiverVar returns the receiver variable of decl, or nil.
func receiverVar(info *types.Info, decl *ast.FuncDecl) *types.Var {
	if decl.Recv == nil || len(decl.Recv.List) != 1 || len(decl.Recv.List[0].Names) != 1 {
		return nil
	}
	v, _ := info.Defs[decl.Recv.List[0].Names[0]].(*types.Var)
	return v
}

// isReceiver reports whether v is the summarised method's receiver, never
// re-assigned.
func (c *Classifier) isReceiver(v *types.Var) bool {
	return c.sum != nil && c.sum.recv != nil && v == c.sum.recv && len(c.idx().assigns[v]) == 0
}

// describesRequest reports whether t (or *t) is a type named for a
// request: Request, HTTPRequest, apiReq.
func describesRequest(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	words := SplitWords(n.Obj().Name())
	last := strings.ToLower(words[len(words)-1])
	return last == "request" || last == "req"
}

// callArg returns the argument a call gives for parameter i: the
// argument, or for ReceiverParam the value a method is called on.
func (c *Classifier) callArg(call *ast.CallExpr, i int) ast.Expr {
	if i == ReceiverParam {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		if s, ok := c.info.Selections[sel]; !ok || s.Kind() != types.MethodVal {
			return nil
		}
		return sel.X
	}
	if i >= 0 && i < len(call.Args) {
		return call.Args[i]
	}
	return nil
}
