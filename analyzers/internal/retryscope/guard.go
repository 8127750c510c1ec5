package retryscope

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// Reading the retry predicate of a scope (see Scope.Guarded): which
// failures make it go round again. Each retry library marks the failures it
// retries differently:
//   - cenkalti/backoff and avast/retry-go retry every error except those
//     wrapped with backoff.Permanent / retry.Unrecoverable, and avast's
//     RetryIf option and client-go's OnError take a predicate;
//   - sethvargo/go-retry and Terraform's helper/retry and helper/resource
//     retry only errors wrapped with RetryableError;
//   - k8s wait conditions go round on (false, nil) and stop on an error.

// retryMode says how a retried function asks for another attempt.
type retryMode uint8

const (
	modeError     retryMode = iota // a non-nil error that is not marked permanent
	modeMarked                     // only an error wrapped with RetryableError
	modeCondition                  // (false, nil) from a wait condition
)

// libraryMode is the retry mode of a library function, by package.
func libraryMode(name string) retryMode {
	switch {
	case strings.HasPrefix(name, "github.com/sethvargo/go-retry."), strings.HasPrefix(name, "github.com/hashicorp/terraform-plugin-sdk/"),
		strings.HasPrefix(name, "github.com/hashicorp/terraform/helper/resource."):
		return modeMarked
	case strings.HasPrefix(name, "k8s.io/apimachinery/pkg/util/wait."):
		return modeCondition
	}
	return modeError
}

// guardLibrary reads the predicate of a retry-library call into s: a
// RetryIf option or OnError predicate that holds only on refusals means
// nothing executed is retried; otherwise the retried function's returns
// that ask for another attempt without a refusal guard are s.Again.
func (w *walk) guardLibrary(s *Scope, lib libFunc, call *ast.CallExpr) {
	if w.refusalPredicate(lib, call) {
		s.Guarded, s.Again = true, nil
		return
	}
	body := w.retriedBody(s)
	if body == nil {
		return
	}
	mode := libraryMode(lib.Name)
	if mode == modeMarked && !w.marks(body) && !w.settlesEveryReturn(body) {
		// No RetryableError in sight: the errors may be marked by the
		// callees; keep today's judgement.
		return
	}
	again := []token.Pos{}
	forEachReturn(body, func(ret *ast.ReturnStmt, path []ast.Node) {
		if w.asksAgain(ret, mode) && !w.ref.guarded(path, body, 0) && !w.refusalResult(ret) {
			again = append(again, ret.End())
		}
	})
	s.Guarded, s.Again = true, again
}

// retriedBody is the body of the code a scope retries: its func literal,
// or the declaration of the named function it retries (nil when neither
// is in this package).
func (w *walk) retriedBody(s *Scope) *ast.BlockStmt {
	if s.Body == nil && s.Func != nil {
		if d := w.f.declOf(s.Func); d != nil {
			return d.Body
		}
	}
	return s.Body
}

// refusalPredicate reports whether the call passes a retry predicate that
// holds only on refusals: avast's retry.RetryIf(pred) option, client-go's
// retry.OnError(backoff, pred, fn).
func (w *walk) refusalPredicate(lib libFunc, call *ast.CallExpr) bool {
	if lib.Name == "k8s.io/client-go/util/retry.OnError" {
		return len(call.Args) == 3 && w.predicateRefuses(call.Args[1])
	}
	if !strings.HasPrefix(lib.Name, "github.com/avast/retry-go") {
		return false
	}
	for _, arg := range call.Args {
		opt, ok := ast.Unparen(arg).(*ast.CallExpr)
		if !ok || len(opt.Args) != 1 {
			continue
		}
		if fn, _ := typeutil.Callee(w.info, opt).(*types.Func); fn != nil && fn.Name() == "RetryIf" && strings.HasPrefix(unvendor(pkgOf(fn)), "github.com/avast/retry-go") {
			return w.predicateRefuses(opt.Args[0])
		}
	}
	return false
}

// predicateRefuses reports whether a predicate value (a literal, a local
// variable holding one, a function of this package, or a function of
// another package named for a refusal such as apierrors.IsConflict) holds
// only on refusals.
func (w *walk) predicateRefuses(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return w.ref.trueOnlyOnRefusal(x.Body, 0)
	case *ast.Ident, *ast.SelectorExpr:
		switch o := objOf(w.info, x).(type) {
		case *types.Var:
			lits := w.funcLits[o]
			for _, lit := range lits {
				if !w.ref.trueOnlyOnRefusal(lit.Body, 0) {
					return false
				}
			}
			return len(lits) > 0
		case *types.Func:
			if d := w.f.declOf(o); d != nil {
				return w.ref.trueOnlyOnRefusal(d.Body, 0)
			}
			return w.ref.unreadPredicate(o)
		}
	}
	return false
}

// asksAgain reports whether a return of a retried function asks for
// another attempt.
func (w *walk) asksAgain(ret *ast.ReturnStmt, mode retryMode) bool {
	if len(ret.Results) == 0 {
		return false
	}
	last := ret.Results[len(ret.Results)-1]
	switch mode {
	case modeMarked:
		return w.isMarker(last, "RetryableError")
	case modeCondition:
		if len(ret.Results) != 2 || !isNil(w.info, last) {
			return false // an error stops the poll
		}
		tv := w.info.Types[ret.Results[0]]
		return tv.Value == nil || tv.Value.Kind() != constant.Bool || !constant.BoolVal(tv.Value)
	}
	if isNil(w.info, last) {
		return false
	}
	if _, tuple := w.info.TypeOf(last).(*types.Tuple); tuple {
		return true // return op(): whatever op returns
	}
	return !w.isMarker(last, "Permanent", "Unrecoverable") && !w.isPermanentLit(last)
}

// settlesEveryReturn reports whether every return of a retried func
// hands back nil or an error it marks NonRetryableError itself: nothing
// it returns asks for another attempt.
func (w *walk) settlesEveryReturn(body *ast.BlockStmt) bool {
	settled := true
	forEachReturn(body, func(ret *ast.ReturnStmt, _ []ast.Node) {
		if len(ret.Results) == 0 {
			return
		}
		last := ret.Results[len(ret.Results)-1]
		if !isNil(w.info, last) && !w.isMarker(last, "NonRetryableError") {
			settled = false
		}
	})
	return settled
}

// marks reports whether body wraps an error with RetryableError itself.
func (w *walk) marks(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if e, ok := n.(ast.Expr); ok && !found && w.isMarker(e, "RetryableError") {
			found = true
		}
		return !found
	})
	return found
}

// isMarker reports whether e is a call of a retry library's function
// with one of the names (backoff.Permanent(err), retry.Unrecoverable(err),
// retry.RetryableError(err)).
func (w *walk) isMarker(e ast.Expr, names ...string) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(w.info, call).(*types.Func)
	if fn == nil || !isRetryLibPkg(pkgOf(fn)) {
		return false
	}
	for _, n := range names {
		if fn.Name() == n {
			return true
		}
	}
	return false
}

// isPermanentLit recognises &backoff.PermanentError{Err: err}.
func (w *walk) isPermanentLit(e ast.Expr) bool {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	cl, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return false
	}
	n, ok := types.Unalias(w.info.TypeOf(cl)).(*types.Named)
	return ok && n.Obj().Name() == "PermanentError" && n.Obj().Pkg() != nil && isRetryLibPkg(n.Obj().Pkg().Path())
}

// isRetryLibPkg reports whether path is one of the retry libraries' packages.
func isRetryLibPkg(path string) bool {
	path = unvendor(path)
	for _, p := range []string{"github.com/cenkalti/backoff", "github.com/avast/retry-go", "github.com/sethvargo/go-retry",
		"github.com/hashicorp/terraform-plugin-sdk/v2/helper/retry", "github.com/hashicorp/terraform-plugin-sdk/v2/helper/resource",
		"github.com/hashicorp/terraform-plugin-sdk/helper/resource", "github.com/hashicorp/terraform/helper/resource"} {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// refusalResult reports whether a return hands back a refusal sentinel
// (return ErrRateLimited): the attempt failed because it was refused.
func (w *walk) refusalResult(ret *ast.ReturnStmt) bool {
	if len(ret.Results) == 0 {
		return false
	}
	return w.ref.refusalValue(ret.Results[len(ret.Results)-1])
}

// guardLoop reads the ways a retry loop goes round again: continues that
// target it and the end of its body. Those a refusal test guards (`if
// !isRateLimited(err) { return err }` before them, `if resp.StatusCode ==
// 429 { continue }`) do not repeat an executed write; the others are
// s.Again.
func (w *walk) guardLoop(s *Scope, l loop) {
	scope := ast.Node(l.body)
	if w.decl != nil {
		scope = w.decl.Body
	}
	again := []token.Pos{}
	for _, p := range w.continues(l) {
		if !w.ref.guarded(p.path, scope, 0) {
			again = append(again, p.pos)
		}
	}
	if n := len(l.body.List); !l.viaGoto && (n == 0 || !leaves(l.body.List[n-1])) {
		if !w.endRefused(l, scope) {
			again = append(again, l.body.End())
		}
	}
	s.Guarded, s.Again = true, again
}

// endRefused reports whether control runs off the end of the loop body
// only after a refusal: the statements that leave before the end demand
// one, or every path to the end (fallPaths) is guarded by one. A body
// whose every path leaves before its end (a last switch whose clauses,
// default included, all continue or return) does not go round that way
// at all: its continues are judged on their own.
func (w *walk) endRefused(l loop, scope ast.Node) bool {
	if w.ref.refused(precedingConditions(l.body.List, nil), scope, 0) {
		return true
	}
	paths, ok := fallPaths(l.body.List, false)
	if !ok {
		return false
	}
	if len(paths) == 0 {
		return true
	}
	for _, p := range paths {
		if !w.ref.refused(p, scope, 0) {
			return false
		}
	}
	return true
}

// goRound is one continue statement of a loop with the path to it.
type goRound struct {
	pos  token.Pos
	path []ast.Node
}

// continues lists the continue statements that go round loop l: unlabeled
// ones not inside a nested loop, and those with l's label; for a goto
// loop, the gotos to its label.
func (w *walk) continues(l loop) []goRound {
	var out []goRound
	astpath.Walk(l.body, func(n ast.Node, path []ast.Node) bool {
		br, ok := n.(*ast.BranchStmt)
		if l.viaGoto && ok && br.Tok == token.GOTO && br.Label.Name == l.label {
			out = append(out, goRound{pos: br.Pos(), path: append([]ast.Node(nil), path...)})
			return true
		}
		if !ok || br.Tok != token.CONTINUE || l.viaGoto {
			return true
		}
		nested := false
		for _, p := range path[1:] {
			nested = nested || isLoopStmt(p)
		}
		if br.Label == nil && !nested || br.Label != nil && br.Label.Name == l.label {
			out = append(out, goRound{pos: br.Pos(), path: append([]ast.Node(nil), path...)})
		}
		return true
	})
	return out
}

func isLoopStmt(n ast.Node) bool {
	switch n.(type) {
	case *ast.ForStmt, *ast.RangeStmt:
		return true
	}
	return false
}
