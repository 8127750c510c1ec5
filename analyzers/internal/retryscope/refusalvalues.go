package retryscope

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Retry predicates held as function values. A client keeps its retry
// conditions in a field and asks them in turn:
//
//	func (c *client) shouldRetry(resp *http.Response, err error) bool {
//		for _, cond := range c.retryConditions {
//			if cond(resp, err) {
//				return true
//			}
//		}
//		return false
//	}
//
// The call cond(resp, err) has no body to read, but the values it can hold
// are known when the field is unexported and of this package: whatever the
// package stores into it (constructor appends, struct literals, an adder
// method called with a condition). The predicate holds only on refusals
// when every stored value does; one value that cannot be read (a
// parameter of an exported adder, anything unresolved) keeps today's
// judgement.

// valueCall judges a call of a function value (cond(resp, err) with cond
// a range variable over a field, or c.retryIf(err)): it holds only on
// refusals when every value the field can hold does.
func (r *refusals) valueCall(call *ast.CallExpr, depth int) bool {
	fv := r.values()
	fun := ast.Unparen(call.Fun)
	if id, ok := fun.(*ast.Ident); ok {
		obj := r.info.Uses[id]
		if vals, ok := fv.locals[obj]; ok {
			return !fv.unknownLocal[obj] && r.allRefuse(vals, depth)
		}
		x, ok := fv.ranged[obj]
		if !ok {
			return false
		}
		fun = x
	}
	f := funcField(r.info, fun, r.pkg)
	if f == nil {
		return false
	}
	return r.fieldRefuses(f, depth)
}

// allRefuse reports whether every value (of a local predicate variable)
// holds only on refusals.
func (r *refusals) allRefuse(vals []ast.Expr, depth int) bool {
	for _, v := range vals {
		if !r.valueRefuses(v, depth+1) {
			return false
		}
	}
	return len(vals) > 0
}

// fieldRefuses reports whether every value stored into field f is a
// predicate that holds only on refusals. A field met again while it is
// being judged (a condition that asks the field's other conditions) is
// assumed to: its true results come from the other values.
func (r *refusals) fieldRefuses(f *types.Var, depth int) bool {
	fv := r.values()
	if fv.unknown[f] {
		return false
	}
	if fv.visiting[f] {
		return true
	}
	fv.visiting[f] = true
	defer delete(fv.visiting, f)
	for _, v := range fv.stored[f] {
		if !r.valueRefuses(v, depth+1) && !r.callerHook(v, depth) {
			return false
		}
	}
	return true
}

// callerHook reports whether a value stored into a predicate field is the
// parameter of an exported function (an option such as
// WithRetryFunc(fn)) that this package calls only with refusal
// predicates, or not at all. The package never sets such a field itself:
// the retry it guards runs only when the caller supplies its own
// predicate (an opt-in retry whose condition is the caller's), so the
// package repeats nothing on its own.
func (r *refusals) callerHook(e ast.Expr, depth int) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := r.info.Uses[id].(*types.Var)
	return ok && r.argumentsRefuse(v, true, depth)
}

// valueRefuses judges one stored value: a func literal, a function of
// this package, a parameter of an unexported adder (the arguments of its
// calls), or a call of a constructor returning such values.
func (r *refusals) valueRefuses(e ast.Expr, depth int) bool {
	if depth > maxRefusalDepth+2 {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return r.trueOnlyOnRefusal(x.Body, depth)
	case *ast.Ident, *ast.SelectorExpr:
		switch o := objOf(r.info, x).(type) {
		case *types.Func:
			if d := r.decls(o.Origin()); d != nil {
				return r.trueOnlyOnRefusal(d.Body, depth)
			}
			return r.unreadPredicate(o)
		case *types.Var:
			if f := funcField(r.info, x, r.pkg); f != nil {
				return r.fieldRefuses(f, depth)
			}
			return r.paramRefuses(o, depth)
		}
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(r.info, x).(*types.Func)
		if !ok {
			return false
		}
		d := r.decls(fn.Origin())
		if d == nil {
			return r.imported != nil && r.imported(fn.Origin())
		}
		return r.returnsRefusals(d, depth)
	}
	return false
}

// returnsRefusals reports whether every return of d gives one value, a
// predicate that holds only on refusals.
func (r *refusals) returnsRefusals(d *ast.FuncDecl, depth int) bool {
	ok, seen := true, false
	forEachReturn(d.Body, func(ret *ast.ReturnStmt, _ []ast.Node) {
		if len(ret.Results) != 1 {
			ok = false
			return
		}
		seen = true
		ok = ok && r.valueRefuses(ret.Results[0], depth+1)
	})
	return ok && seen
}

// paramRefuses judges a parameter of an unexported function of this
// package by the arguments every call passes for it.
func (r *refusals) paramRefuses(v *types.Var, depth int) bool {
	return r.argumentsRefuse(v, false, depth) // callers elsewhere may pass any predicate
}

// argumentsRefuse reports whether v is a parameter of a function of this
// package, exported or not as asked, whose calls in the package all pass
// refusal predicates for it (or that the package never calls).
func (r *refusals) argumentsRefuse(v *types.Var, exported bool, depth int) bool {
	fn, index := r.paramOwner(v)
	if fn == nil || fn.Exported() != exported {
		return false
	}
	for _, c := range r.values().calls[fn] {
		if index >= len(c.Args) || c.Ellipsis.IsValid() || !r.valueRefuses(c.Args[index], depth+1) {
			return false
		}
	}
	return true
}

// paramOwner returns the function of this package that declares v as a
// parameter, and its index.
func (r *refusals) paramOwner(v *types.Var) (*types.Func, int) {
	for _, file := range r.files {
		if v.Pos() < file.Pos() || v.Pos() >= file.End() {
			continue
		}
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || v.Pos() < fd.Type.Pos() || v.Pos() >= fd.Type.End() {
				continue
			}
			fn, _ := r.info.Defs[fd.Name].(*types.Func)
			if fn == nil {
				return nil, -1
			}
			params := fn.Signature().Params()
			for i := 0; i < params.Len(); i++ {
				if params.At(i) == v {
					return fn, i
				}
			}
		}
	}
	return nil, -1
}

// newRefusals returns the refusal evaluator of the Finder's package.
func (f *Finder) newRefusals() *refusals {
	return &refusals{info: f.info, decls: f.declOf, files: f.pass.Files, pkg: f.pass.Pkg, imported: f.cfg.RefusalPredicate,
		ambiguousImported: f.cfg.AmbiguousSentinel, settledImported: f.cfg.SettledPredicate, unavailable: f.cfg.UnavailableRefuses}
}

// RefusalPredicates returns the package's functions that return a
// predicate holding only on refusals (a rate limit, a throttling error):
// a checker factory such as `func DefaultErrChecker() func(error) bool`.
// Other packages know them through a fact (Config.RefusalPredicate).
func (f *Finder) RefusalPredicates() []*types.Func {
	var out []*types.Func
	var r *refusals
	for _, file := range f.pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := f.info.Defs[fd.Name].(*types.Func)
			if fn == nil || !ReturnsPredicate(fn) {
				continue
			}
			if r == nil {
				r = f.newRefusals()
			}
			if r.returnsRefusals(fd, 0) {
				out = append(out, fn)
			}
		}
	}
	return out
}

// ReturnsPredicate reports whether fn has one result, a func returning
// one bool.
func ReturnsPredicate(fn *types.Func) bool {
	res := fn.Signature().Results()
	if res.Len() != 1 {
		return false
	}
	sig, ok := res.At(0).Type().Underlying().(*types.Signature)
	return ok && sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type().Underlying(), types.Typ[types.Bool])
}
