package unsaferetry

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/mutation"
)

// A helper that owns the retry and takes the HTTP method (or SQL text, or
// the request) from its caller: the write is decided at the call, so the
// finding goes there, naming the helper, with the helper's retry as
// related information. Calls passing GET, PUT or DELETE stay silent. The
// helper's FuncFact says which parameter (or field of one) decides
// (mutation.ParamRetry), in this package or another.

// reportParamWrites reports the calls of the package that pass a write to
// a function that retries it. It runs after the scopes' findings, so a
// call already reported inside a retry scope of its own is not reported
// twice.
func (r *reporter) reportParamWrites() {
	for _, file := range r.pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					r.reportParamWrite(call, fd)
					r.reportClientSend(call, fd)
				}
				return true
			})
		}
	}
	r.reportGenWrites()
}

func (r *reporter) reportParamWrite(call *ast.CallExpr, encl *ast.FuncDecl) {
	if r.reported[call] {
		return
	}
	op, pr, ok := r.m.Classifier.RetriedWrite(call)
	if !ok || r.nolint.suppressed(call.Pos()) || r.idempotent.contains(call.Pos()) || r.judgedAtCallers(op, encl) {
		return
	}
	if ev := r.m.Classifier.Evidence(call, encl); ev.Any() {
		return // a key or a precondition made here holds for every attempt
	}
	helper, _ := typeutil.Callee(r.pass.TypesInfo, call).(*types.Func)
	check, ok := r.judge(op, helper, call, r.declFunc(encl))
	if !ok {
		return
	}
	if r.quiet.contains(r.pass.Fset, call.Pos()) {
		if !r.inTestFile(call.Pos()) {
			r.genWrites.add(op, pr, encl) // generated: reported at the helper (genwrites.go)
		}
		return
	}
	r.reported[call] = true
	d := analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: withCheck(paramWriteMessage(op, pr), check)}
	if pos := r.files.pos(pr.Posn); pos.IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos, Message: pr.Helper + " retries it here (" + pr.Mechanism + ")"})
	}
	r.pass.Report(d)
}

// paramWriteMessage: what is retried, by which helper, why it is unsafe,
// and the fix fitted to the operation.
func paramWriteMessage(op mutation.Op, pr *mutation.ParamRetry) string {
	effect := op.Effect
	if effect == "" {
		effect = "the operation can be applied twice"
	}
	return fmt.Sprintf("%s is retried by %s, which sends it again inside %s; %s if an attempt succeeded but its response was lost: %s (suppress with //nolint:unsaferetry if it is safe)",
		op.Desc, pr.Helper, pr.Mechanism, effect, mutation.Advice(op.Primitive()))
}

// judgedAtCallers: the retried request's path is, or is built around, the
// URL parameter (or a field of it) of the unexported function it is
// written in, and its method is fixed (an RPC helper posting to the path
// or custom method it is given, a URL-only ParamRetry): the write is
// decided by what each caller in the package passes, so it is judged, and
// reported, at those calls.
func (r *reporter) judgedAtCallers(op mutation.Op, encl *ast.FuncDecl) bool {
	if encl == nil {
		return false
	}
	if r.messageJudgedAtCallers(op, encl) {
		return true
	}
	if op.Primitive() != mutation.KindHTTP {
		return false
	}
	fn := r.declFunc(encl)
	if fn == nil || fn.Exported() {
		return false // an API's users pass data (a webhook URL), not paths
	}
	f := r.m.Fact(fn)
	if f == nil || !f.Retries.URLOnly() {
		return false
	}
	// The part read here is fixed text around what the caller passes
	// ({…}: a base URL field, the parameter, or both).
	_, path, _ := strings.Cut(op.WriteDesc(), " ")
	return (path == "request" || strings.Contains(path, "{…}")) && r.callersSpellPaths(fn, f.Retries)
}

// messageJudgedAtCallers: the retried send is an RPC of the message the
// function is given (ParamRetry.MessageParam): the operation the caller's
// message names decides the write, so it is judged at each call passing
// one, in this package or another (mutation.messageRPCWrite), exported or
// not.
func (r *reporter) messageJudgedAtCallers(op mutation.Op, encl *ast.FuncDecl) bool {
	if p := op.Primitive(); p != mutation.KindPublish && p != mutation.KindVerb {
		return false
	}
	fn := r.declFunc(encl)
	if fn == nil {
		return false
	}
	f := r.m.Fact(fn)
	return f != nil && f.Retries != nil && f.Retries.MessageParam >= 0
}

// callersSpellPaths reports whether fn is called in the package, and
// every call passes a URL whose path can be read: then each call carries
// the judgement. A caller passing a URL it was given (a subscriber's
// webhook address) leaves the finding at the helper.
func (r *reporter) callersSpellPaths(fn *types.Func, pr *mutation.ParamRetry) bool {
	if known, ok := r.spelled[fn]; ok {
		return known
	}
	calls := 0
	known := true
	for _, d := range r.m.Decls {
		ast.Inspect(d, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || !known {
				return known
			}
			if callee, _ := typeutil.Callee(r.pass.TypesInfo, call).(*types.Func); callee != nil && callee.Origin() == fn {
				calls++
				known = r.m.Classifier.KnownURLArg(call, pr)
			}
			return true
		})
	}
	known = known && calls > 0
	r.spelled[fn] = known
	return known
}
