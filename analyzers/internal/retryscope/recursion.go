package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
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
		s := &Scope{
			Kind: KindRecursion,
			// "sendWithRetry, which calls itself again with attempt+1
			// after a failure": the function and the advanced counter.
			Mechanism: recursionName(fn) + ", which calls itself again with " + compactExpr(bin) + " after a failure",
			Pos:       call.Pos(),
			Body:      w.decl.Body,
			Until:     call.Pos(),
			Param:     -1,
			Encl:      w.decl,
		}
		if w.recursesOnRefusal(call) {
			s.Guarded, s.Again = true, nil
		}
		w.scopes = append(w.scopes, s)
		return
	}
}

// recursesOnRefusal reports whether the recursive call is reached only
// after a refusal: `if resp.StatusCode == http.StatusUnauthorized &&
// attempt < max { refresh(); return c.do(ctx, req, attempt+1) }` re-sends a
// request the server did not execute, as a loop that goes round only on a
// 401 does.
func (w *walk) recursesOnRefusal(call *ast.CallExpr) bool {
	var path []ast.Node
	astpath.Walk(w.decl.Body, func(n ast.Node, p []ast.Node) bool {
		if n == call {
			path = append([]ast.Node(nil), p...)
		}
		return path == nil && n.Pos() <= call.Pos() && call.End() <= n.End()
	})
	return path != nil && w.ref.guarded(path, w.decl.Body, 0)
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
