package model

import (
	"go/ast"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
	"github.com/twice-lint/twice/analyzers/internal/mutation"
)

// paramSends finds the package's functions that pass a write of their own
// to a function that retries what it is given (a library's Post building a
// POST request and calling its retrying Do): the call is reported here,
// but the library's users in other packages would never hear of it, so the
// function's fact records the write and the retry (mutation.ClientSend),
// as for a write sent through a retrying client (clientSends). Calls in
// tests and calls with idempotency evidence are left out, as the report
// leaves them out.
func (m *Model) paramSends() map[*types.Func]*mutation.ClientSend {
	var out map[*types.Func]*mutation.ClientSend
	for _, d := range m.decls {
		fn, _ := m.pass.TypesInfo.Defs[d.Name].(*types.Func)
		if fn == nil || !fn.Exported() || out[fn] != nil || astpath.InTestFile(m.pass.Fset, d.Pos()) {
			continue
		}
		if s := m.paramSend(d); s != nil {
			if out == nil {
				out = map[*types.Func]*mutation.ClientSend{}
			}
			out[fn] = s
		}
	}
	return out
}

// paramSend returns the first write of d that a callee retries, or nil.
func (m *Model) paramSend(d *ast.FuncDecl) *mutation.ClientSend {
	var found *mutation.ClientSend
	ast.Inspect(d.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found != nil {
			return found == nil
		}
		op, pr, ok := m.Classifier.RetriedWrite(call)
		if !ok || m.Classifier.Evidence(call, d).Any() {
			return true
		}
		found = &mutation.ClientSend{Desc: op.Desc, Effect: op.Effect, Kind: op.Primitive(),
			Mechanism: pr.Helper + " (" + pr.Mechanism + ")", Posn: m.posn(call.Pos())}
		return false
	})
	return found
}
