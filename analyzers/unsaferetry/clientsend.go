package unsaferetry

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/mutation"
	"github.com/twice-lint/twice/analyzers/internal/retryscope"
)

// A function of another package that sends a write of its own through a
// client that retries by itself (an SDK method posting through a
// go-retryablehttp client built in the SDK's constructor): the SDK's
// findings are not shown to its users, so the user's call is reported,
// naming the write and the client, with the SDK's sending call as related
// information (mutation.ClientSend). Calls in the SDK's own package are
// not: the sending call itself is reported there.

func (r *reporter) reportClientSend(call *ast.CallExpr, encl *ast.FuncDecl) {
	if r.reported[call] {
		return
	}
	fn, _ := typeutil.Callee(r.pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == r.pass.Pkg {
		return
	}
	f := r.m.Fact(fn)
	if f == nil || f.Sends == nil || f.Idempotent {
		return
	}
	if f.Retries.URLOnly() && r.m.Classifier.KnownURLArg(call, f.Retries) {
		return // the path the caller passes decides (reportParamWrite): a $ref add or a read is no write
	}
	if r.nolint.suppressed(call.Pos()) || r.idempotent.contains(call.Pos()) || r.quiet.contains(r.pass.Fset, call.Pos()) {
		return
	}
	if ev := r.m.Classifier.Evidence(call, encl); ev.Any() {
		return // a key passed in is the same on every attempt
	}
	check, ok := r.judge(mutation.Op{Kind: f.Sends.Kind, Desc: f.Sends.Desc}, fn, call, r.declFunc(encl))
	if !ok {
		return
	}
	r.reported[call] = true
	d := analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: withCheck(clientSendMessage(mutation.HelperName(fn), f.Sends), check)}
	if pos := r.files.pos(f.Sends.Posn); pos.IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos, Message: f.Sends.Desc + " is sent here"})
	}
	r.pass.Report(d)
}

// clientSendMessage: which call, what it sends and through what, why a
// repeat is unsafe, and the two fixes a user of the SDK has.
func clientSendMessage(name string, s *mutation.ClientSend) string {
	effect := s.Effect
	if effect == "" {
		effect = "the operation can be applied twice"
	}
	return fmt.Sprintf("%s sends %s through %s, which sends it again after a failure that can follow its execution (a 5xx, a timeout); %s if an attempt succeeded but its response was lost: disable the client's retries for this call, or %s (suppress with //nolint:unsaferetry if it is safe)",
		name, s.Desc, s.Mechanism, effect, mutation.Advice(s.Kind))
}

// quietSDKMethod: a request sent through a generic retrying sender of the
// package (Client.Do over a retrying client) by an SDK method whose name
// says it reads or sets a state is not reported unless its payload says it
// adds (Classifier.GenericSendQuietCall).
// Calls of the retrying client itself are judged as before.
func quietSDKMethod(pass *analysis.Pass, c *mutation.Classifier, s *retryscope.Scope, op mutation.Op) bool {
	if s.Kind != retryscope.KindClient || s.Encl == nil || op.Primitive() != mutation.KindHTTP {
		return false
	}
	fn, _ := typeutil.Callee(pass.TypesInfo, s.Call).(*types.Func)
	if fn == nil || fn.Pkg() != pass.Pkg {
		return false // the retrying client's own call
	}
	return c.GenericSendQuietCall(s.Call, op, s.Encl)
}
