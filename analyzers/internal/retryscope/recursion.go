package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"
)

// recursion adds a scope for `return c.send(ctx, req, attempt+1)`: a
// function calling itself again with its attempt counter advanced. Calls
// before the recursive call in the function body are repeated.
func (w *walk) recursion(call *ast.CallExpr, fn *types.Func) {
	if len(w.attempts) == 0 || w.decl == nil || w.info.Defs[w.decl.Name] != fn {
		return
	}
	for i, obj := range w.attempts {
		if i >= len(call.Args) {
			continue
		}
		bin, ok := ast.Unparen(call.Args[i]).(*ast.BinaryExpr)
		if !ok || (bin.Op != token.ADD && bin.Op != token.SUB) || !refersTo(w.info, bin, obj) {
			continue
		}
		w.scopes = append(w.scopes, &Scope{
			Kind: KindRecursion,
			// "sendWithRetry, which calls itself again with attempt+1
			// after a failure": the function and the advanced counter.
			Mechanism: recursionName(fn) + ", which calls itself again with " + compactExpr(bin) + " after a failure",
			Pos:       call.Pos(),
			Body:      w.decl.Body,
			Until:     call.Pos(),
			Param:     -1,
			Encl:      w.decl,
		})
		return
	}
}

// compactExpr renders attempt+1 the way people write it in prose.
func compactExpr(b *ast.BinaryExpr) string {
	return types.ExprString(b.X) + b.Op.String() + types.ExprString(b.Y)
}

// recursionName names a recursive function in messages: "sendWithRetry",
// or "Client.send" for a method.
func recursionName(fn *types.Func) string {
	if fn.Signature().Recv() != nil {
		return shortName(fn)
	}
	return fn.Name()
}
