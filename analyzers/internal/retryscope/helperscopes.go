package retryscope

import (
	"go/ast"
	"go/types"
)

// helpers returns the declarations whose func-typed parameter is called
// (or passed on) inside one of the scopes found.
func (w *walk) helpers() map[*types.Func]*Helper {
	out := map[*types.Func]*Helper{}
	add := func(d *ast.FuncDecl, param int, field string, s *Scope, call *ast.CallExpr) {
		fn, _ := w.info.Defs[d.Name].(*types.Func)
		if fn == nil || w.f.isSafe(fn) {
			return
		}
		// direct: call is d's own call of its func parameter (fn(request)),
		// which says what the parameter is called with (Helper.FuncArgs).
		direct := call != nil && field == "" && w.callsParam(d, call)
		if prev := out[fn]; prev != nil {
			if prev.FuncArgs == nil && direct {
				// run(fn, request, attempt) found first through its own
				// recursive call, which passes fn on: its call fn(request)
				// says what fn is called with.
				prev.FuncArgs = w.calledParamArgs(d, call)
			}
			return
		}
		h := &Helper{FuncParam: param, FuncField: field, Mechanism: s.Mechanism, TxBeforeCommit: s.TxBeforeCommit, RetriesCommit: s.RetriesCommit,
			Verdict: s.Verdict, VerdictAt: s.VerdictAt, VerdictStops: s.VerdictStops, Bounded: s.Bounded, BoundParam: s.BoundParam, BoundMost: s.BoundMost}
		if s.Kind == KindLoop {
			w.loopHelper(h, d, s, call)
		}
		h.FuncArgs = s.FuncArgs
		if direct {
			h.FuncArgs = w.calledParamArgs(d, call)
		}
		out[fn] = h
	}
	for _, s := range w.scopes {
		if s.Param >= 0 && s.Encl != nil && !(s.Guarded && len(s.Again) == 0) {
			add(s.Encl, s.Param, "", s, nil)
		}
	}
	// A func parameter the loop calls makes a helper of it before a field
	// of the receiver does: Links.Retry(ctx, …, fn) also calls its
	// receiver's newLinkFn to recover, but its callers give it fn.
	calls := make([]paramCall, 0, len(w.paramCalls))
	for _, pc := range w.paramCalls {
		if pc.field == "" {
			calls = append(calls, pc)
		}
	}
	for _, pc := range w.paramCalls {
		if pc.field != "" {
			calls = append(calls, pc)
		}
	}
	for _, pc := range calls {
		if !canFail(w.info, pc.call) {
			// A loop driven by a callback's boolean (an iterator's
			// "stop") repeats nothing that failed.
			continue
		}
		for _, s := range w.scopes {
			if s.Encl == pc.decl && s.Body != nil && s.Contains(pc.call) {
				add(pc.decl, pc.param, pc.field, s, pc.call)
				break
			}
		}
	}
	for fn, h := range w.constructorHelpers(out) {
		if out[fn] == nil {
			out[fn] = h
		}
	}
	return out
}
