package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// A retry by keeping the unsent rest: a function that sends a batch
// returns, after a failed send, the part of the batch from the failed
// chunk on, and the loop that calls it keeps what it returns and hands it
// over again on its next round (a log driver's worker, a metrics
// flusher):
//
//	func (l *logger) post(msgs []*message) []*message {
//		for i := 0; i < len(msgs); i += batch {
//			if err := l.send(msgs[i:min(i+batch, len(msgs))]); err != nil {
//				return msgs[i:] // not sent: kept for the next round
//			}
//		}
//		return msgs[:0]
//	}
//
//	for { select { case <-tick.C: msgs = l.post(msgs) } }
//
// The calls before the return run again for the same chunk. A function
// returning only what follows the failed chunk (it drops the chunk), or
// one whose result no loop of the package passes back, retries nothing.

// retained adds the scope of a function decl that returns the unsent rest
// of its slice parameter after a failure, when a loop of the package
// passes that result back to it.
func (w *walk) retained(decl *ast.FuncDecl) {
	fn, _ := w.info.Defs[decl.Name].(*types.Func)
	if fn == nil {
		return
	}
	sig := fn.Signature()
	if sig.Results().Len() == 0 {
		return
	}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if _, ok := p.Type().Underlying().(*types.Slice); !ok || !types.Identical(p.Type(), sig.Results().At(0).Type()) {
			continue
		}
		ret := w.keepsFailedChunk(decl, p)
		if ret == nil || !w.passedBackInLoop(fn, i) {
			continue
		}
		w.scopes = append(w.scopes, &Scope{
			Kind:      KindLoop,
			Mechanism: "the loop that passes " + recursionName(fn) + " the " + p.Name() + " it returned unsent",
			Pos:       ret.Pos(),
			Body:      decl.Body,
			Until:     ret.Pos(),
			Param:     -1,
			Encl:      decl,
		})
		return
	}
}

// keepsFailedChunk returns a return statement of decl, reached after a
// failure and not only on a refusal, whose first result is p[lo:…] where
// lo is also where a chunk of p passed to a call starts (send(p[i:j]) …
// return p[i:]): the failed chunk is kept.
func (w *walk) keepsFailedChunk(decl *ast.FuncDecl, p *types.Var) *ast.ReturnStmt {
	starts := w.chunkStarts(decl.Body, p)
	if len(starts) == 0 {
		return nil
	}
	var found *ast.ReturnStmt
	astpath.Walk(decl.Body, func(n ast.Node, path []ast.Node) bool {
		if found != nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		ret, ok := n.(*ast.ReturnStmt)
		if !ok || len(ret.Results) == 0 {
			return true
		}
		s, ok := ast.Unparen(ret.Results[0]).(*ast.SliceExpr)
		if !ok || !refersTo(w.info, s.X, p) || s.Low == nil || !starts[objOf(w.info, s.Low)] {
			return true
		}
		if w.afterFailure(path) && !w.ref.guarded(path, decl.Body, 0) {
			found = ret
		}
		return true
	})
	return found
}

// chunkStarts are the variables that start a slice of p passed to a call
// (the i of send(p[i:j])).
func (w *walk) chunkStarts(body *ast.BlockStmt, p *types.Var) map[types.Object]bool {
	starts := map[types.Object]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		for _, arg := range call.Args {
			s, ok := ast.Unparen(arg).(*ast.SliceExpr)
			if !ok || s.Low == nil || !refersTo(w.info, s.X, p) {
				continue
			}
			if v, ok := objOf(w.info, s.Low).(*types.Var); ok {
				starts[v] = true
			}
		}
		return true
	})
	return starts
}

// passedBackInLoop reports whether some loop of the package calls fn with
// a variable at parameter i and assigns fn's first result back to that
// variable (msgs = l.post(msgs)).
func (w *walk) passedBackInLoop(fn *types.Func, i int) bool {
	found := false
	for _, file := range w.f.pass.Files {
		astpath.Walk(file, func(n ast.Node, path []ast.Node) bool {
			if found {
				return false
			}
			as, ok := n.(*ast.AssignStmt)
			if !ok || as.Tok != token.ASSIGN || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
				return true
			}
			call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			if !ok || i >= len(call.Args) || typeutil.Callee(w.info, call) != fn {
				return true
			}
			v := objOf(w.info, as.Lhs[0])
			found = v != nil && objOf(w.info, call.Args[i]) == v && inLoop(path)
			return true
		})
	}
	return found
}

// inLoop reports whether a path of enclosing nodes passes through a for or
// range statement's body without leaving its function.
func inLoop(path []ast.Node) bool {
	for i := len(path) - 1; i >= 0; i-- {
		if isLoopStmt(path[i]) {
			return true
		}
		switch path[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
	}
	return false
}
