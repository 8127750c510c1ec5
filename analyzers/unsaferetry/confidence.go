package unsaferetry

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/mutation"
)

// Which findings are reported. A retried write is reported by default
// only when the code shows a repeat duplicates something: a send or
// append proven by the primitive, its sender or its name
// (mutation.Judgement.Certain). Creates read from a method, path or name,
// creates under a name the caller chose, actions and updates may be
// harmless when repeated, and the client code cannot say: they are
// reported only with -unsaferetry.confidence=low, each saying what to
// check.

// judge reports whether the write op, done by fn (called at call, or
// written in fn when call is nil; encl is the function the finding is
// in), is reported, and the check to add to its message.
func (r *reporter) judge(op mutation.Op, fn *types.Func, call *ast.CallExpr, encl *types.Func) (check string, report bool) {
	return r.tier(r.m.Classifier.JudgePurpose(op, fn, call, encl))
}

// tier reports a certain judgement, and an uncertain one only with
// checks on, with its check.
func (r *reporter) tier(j mutation.Judgement) (check string, report bool) {
	if j.Certain() {
		return "", true
	}
	return j.Check(), r.m.ReportChecks
}

// judgeCandidate applies judge to a retry scope's write: a retried
// function is judged by its own name, a request sent through a retrying
// client by the function it is written in, a call in a retried body by
// its callee (or, for a primitive written in place, the function around
// it).
func (r *reporter) judgeCandidate(c candidate) (string, bool) {
	encl := r.declFunc(c.scope.Encl)
	switch {
	case c.scope.Func != nil:
		return r.judge(c.op, c.scope.Func, c.call, encl) // c.call: Scope.FuncCall, or nil
	case c.scope.Call != nil:
		// The call sent through a retrying client: an operation itself
		// (a gRPC CreateOrder), or a generic Do of the function around it.
		callee, _ := typeutil.Callee(r.pass.TypesInfo, c.scope.Call).(*types.Func)
		return r.judge(c.op, callee, c.scope.Call, encl)
	}
	return r.tier(r.m.Classifier.JudgeCall(c.op, c.call, encl))
}

// declFunc is the function a declaration declares, or nil.
func (r *reporter) declFunc(d *ast.FuncDecl) *types.Func {
	if d == nil {
		return nil
	}
	fn, _ := r.pass.TypesInfo.Defs[d.Name].(*types.Func)
	return fn
}

// withCheck puts a check before the message's suppression advice.
func withCheck(msg, check string) string {
	if check == "" {
		return msg
	}
	if i := strings.LastIndex(msg, " (suppress with"); i >= 0 {
		return msg[:i] + "; " + check + msg[i:]
	}
	return msg + "; " + check
}
