package model

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/mutation"
	"github.com/twice-lint/twice/analyzers/internal/retryscope"
)

// clientSends finds the package's functions that send a write of their
// own through a retrying client (a KindClient scope whose call the
// classifier judges a write, with no idempotency evidence): SDK methods
// whose callers in other packages are reported (mutation.ClientSend).
func (m *Model) clientSends() map[*types.Func]*mutation.ClientSend {
	var out map[*types.Func]*mutation.ClientSend
	for _, s := range m.Scopes {
		if s.Kind != retryscope.KindClient || s.Call == nil || s.Encl == nil {
			continue
		}
		fn, _ := m.pass.TypesInfo.Defs[s.Encl.Name].(*types.Func)
		if fn == nil || out[fn] != nil {
			continue
		}
		op, ok := m.ClientOp(s)
		if !ok || op.Kind == mutation.KindVerb || m.Classifier.Evidence(s.Call, s.Encl).Any() ||
			m.Classifier.GenericSendQuietCall(s.Call, op, s.Encl) {
			continue
		}
		if out == nil {
			out = map[*types.Func]*mutation.ClientSend{}
		}
		out[fn] = &mutation.ClientSend{Desc: op.Desc, Effect: op.Effect, Kind: op.Primitive(), Mechanism: s.Mechanism,
			Posn: m.posn(s.Call.Pos())}
	}
	return out
}

// addClientSends records the package's client sends in its facts and
// exports them again.
func (m *Model) addClientSends() {
	sends := m.clientSends()
	for fn, s := range m.paramSends() {
		if sends[fn] == nil {
			if sends == nil {
				sends = map[*types.Func]*mutation.ClientSend{}
			}
			sends[fn] = s
		}
	}
	if len(sends) == 0 {
		return
	}
	for fn, s := range sends {
		if f := m.facts[fn]; f == nil || !f.Idempotent {
			m.facts[fn] = f.WithSends(s)
		}
	}
	m.exportFacts()
}

// posn renders pos as file:line:col, the form facts carry positions in
// (they outlive the package's FileSet).
func (m *Model) posn(pos token.Pos) string {
	p := m.pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Column)
}

// ClientOp classifies the request a client scope sends: the classifier's
// judgement of the call, or, for clients it judges only by name (resty's
// Request.Post) or not at all (a function sending through a client it is
// passed), the method and path the scope read from the code.
func (m *Model) ClientOp(s *retryscope.Scope) (mutation.Op, bool) {
	op, ok := m.Classifier.Call(s.Call)
	if s.ViaParam {
		// The callee's summary still decides (//twice:idempotent); the
		// message names the write the callee sends, not the function.
		if ok {
			op.Desc = s.ClientOp
		}
		return op, ok
	}
	if s.ClientOp == "" || ok && op.Kind != mutation.KindVerb {
		return op, ok
	}
	if method, path, _ := strings.Cut(s.ClientOp, " "); method == "POST" && (mutation.ReadOnlyPOST(path) || mutation.SelfAddressedPOST(path)) {
		return mutation.Op{}, false
	}
	return mutation.Op{Kind: mutation.KindHTTP, Desc: s.ClientOp, Effect: "the request can be applied twice", Pos: s.Call.Pos()}, true
}

// sendingWrite describes the write a call sending through a client makes
// (retryscope.Config.Write): not for reads, calls judged by name only, or
// requests carrying an idempotency key.
func (m *Model) sendingWrite(call *ast.CallExpr, decl *ast.FuncDecl) (string, bool) {
	op, ok := m.Classifier.Call(call)
	if !ok || op.Kind == mutation.KindVerb || m.Classifier.Evidence(call, decl).Any() {
		return "", false
	}
	return op.WriteDesc(), true
}
