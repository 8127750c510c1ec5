package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
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

// funcValues indexes, once per package, what can be stored into the
// package's unexported fields of func or []func type, and what each range
// loop variable ranges over.
type funcValues struct {
	// stored lists the values stored into a field (elements appended or
	// listed in a literal); a field in unknown may also hold others.
	stored  map[*types.Var][]ast.Expr
	unknown map[*types.Var]bool
	// ranged maps a range statement's value variable to the ranged
	// expression.
	ranged map[types.Object]ast.Expr
	// locals lists the values assigned to local variables of func type
	// (`shouldRetry := checks.Default()`); one in unknownLocal may hold
	// others (assigned in a tuple, or through its address).
	locals       map[types.Object][]ast.Expr
	unknownLocal map[types.Object]bool
	// calls lists the calls of this package's functions, for the
	// arguments passed to an adder's parameter.
	calls map[*types.Func][]*ast.CallExpr
	// visiting holds the fields being judged (see fieldRefuses).
	visiting map[*types.Var]bool
}

// values returns the package's index, built on first use.
func (r *refusals) values() *funcValues {
	if r.funcs == nil {
		r.funcs = indexFuncValues(r.info, r.files, r.pkg)
	}
	return r.funcs
}

// funcField returns the field e selects when it is an unexported field of
// this package whose type is a func or a slice of funcs.
func funcField(info *types.Info, e ast.Expr, pkg *types.Package) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	v, ok := info.Uses[sel.Sel].(*types.Var)
	if !ok || !v.IsField() || v.Exported() || v.Pkg() != pkg {
		return nil
	}
	t := v.Type().Underlying()
	if s, ok := t.(*types.Slice); ok {
		t = s.Elem().Underlying()
	}
	if _, ok := t.(*types.Signature); !ok {
		return nil
	}
	return v
}

func indexFuncValues(info *types.Info, files []*ast.File, pkg *types.Package) *funcValues {
	fv := &funcValues{
		stored:   map[*types.Var][]ast.Expr{},
		unknown:  map[*types.Var]bool{},
		ranged:   map[types.Object]ast.Expr{},
		calls:    map[*types.Func][]*ast.CallExpr{},
		visiting: map[*types.Var]bool{},

		locals:       map[types.Object][]ast.Expr{},
		unknownLocal: map[types.Object]bool{},
	}
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				fv.assign(info, n, pkg)
				fv.assignLocal(info, n)
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if obj := localFunc(info, name); obj != nil && len(n.Values) == len(n.Names) {
						fv.locals[obj] = append(fv.locals[obj], n.Values[i])
					}
				}
			case *ast.CompositeLit:
				fv.literal(info, n, pkg)
			case *ast.UnaryExpr:
				if f := funcField(info, n.X, pkg); f != nil && n.Op == token.AND {
					fv.unknown[f] = true // stored through a pointer
				}
				if obj := localFunc(info, n.X); obj != nil && n.Op == token.AND {
					fv.unknownLocal[obj] = true
				}
			case *ast.RangeStmt:
				if obj := objOf(info, n.Value); obj != nil {
					fv.ranged[obj] = n.X
				}
			case *ast.CallExpr:
				if fn, ok := typeutil.Callee(info, n).(*types.Func); ok && fn.Pkg() == pkg {
					fv.calls[fn.Origin()] = append(fv.calls[fn.Origin()], n)
				}
			}
			return true
		})
	}
	return fv
}

// assign records `x.f = append(x.f, v…)`, `x.f = []F{v…}` and `x.f = v`.
func (fv *funcValues) assign(info *types.Info, as *ast.AssignStmt, pkg *types.Package) {
	for i, lhs := range as.Lhs {
		f := funcField(info, lhs, pkg)
		if f == nil {
			continue
		}
		if len(as.Lhs) != len(as.Rhs) || as.Tok != token.ASSIGN && as.Tok != token.DEFINE {
			fv.unknown[f] = true
			continue
		}
		fv.store(info, f, as.Rhs[i])
	}
}

// assignLocal records `v := x` and `v = x` for local variables of func
// type; a tuple assignment makes v unknown.
func (fv *funcValues) assignLocal(info *types.Info, as *ast.AssignStmt) {
	for i, lhs := range as.Lhs {
		obj := localFunc(info, lhs)
		if obj == nil {
			continue
		}
		if len(as.Lhs) != len(as.Rhs) || as.Tok != token.ASSIGN && as.Tok != token.DEFINE {
			fv.unknownLocal[obj] = true
			continue
		}
		fv.locals[obj] = append(fv.locals[obj], as.Rhs[i])
	}
}

// localFunc returns the local variable of func type that e names, or nil.
func localFunc(info *types.Info, e ast.Expr) types.Object {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	obj := info.ObjectOf(id)
	v, ok := obj.(*types.Var)
	if !ok || v.Kind() != types.LocalVar {
		return nil // a parameter also holds whatever its callers pass
	}
	if _, ok := v.Type().Underlying().(*types.Signature); !ok {
		return nil
	}
	return v
}

// store records the values rhs puts into field f.
func (fv *funcValues) store(info *types.Info, f *types.Var, rhs ast.Expr) {
	rhs = ast.Unparen(rhs)
	if isNil(info, rhs) {
		return
	}
	if call, ok := rhs.(*ast.CallExpr); ok {
		if b, ok := info.Uses[astpath.CalleeIdent(call)].(*types.Builtin); ok && b.Name() == "append" && len(call.Args) > 0 {
			if call.Ellipsis.IsValid() {
				fv.unknown[f] = true
				return
			}
			if funcField(info, call.Args[0], f.Pkg()) != f {
				fv.unknown[f] = true // appended to another slice
				return
			}
			fv.stored[f] = append(fv.stored[f], call.Args[1:]...)
			return
		}
	}
	if _, isSlice := f.Type().Underlying().(*types.Slice); isSlice {
		lit, ok := rhs.(*ast.CompositeLit)
		if !ok {
			fv.unknown[f] = true
			return
		}
		fv.stored[f] = append(fv.stored[f], lit.Elts...)
		return
	}
	fv.stored[f] = append(fv.stored[f], rhs)
}

// literal records the fields a struct literal sets; an unkeyed literal of
// a struct with such a field stores values that are not followed.
func (fv *funcValues) literal(info *types.Info, lit *ast.CompositeLit, pkg *types.Package) {
	st, ok := info.TypeOf(lit).Underlying().(*types.Struct)
	if !ok || len(lit.Elts) == 0 {
		return
	}
	for i, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			if i < st.NumFields() {
				if f := st.Field(i); f.Pkg() == pkg && !f.Exported() {
					fv.unknown[f] = true
				}
			}
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		if f, ok := info.Uses[id].(*types.Var); ok && f.IsField() && f.Pkg() == pkg {
			fv.store(info, f, kv.Value)
		}
	}
}

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
		if !r.valueRefuses(v, depth+1) {
			return false
		}
	}
	return true
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
	fn, index := r.paramOwner(v)
	if fn == nil || fn.Exported() {
		return false // callers elsewhere may pass any predicate
	}
	calls := r.values().calls[fn]
	for _, c := range calls {
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
		ambiguousImported: f.cfg.AmbiguousSentinel, settledImported: f.cfg.SettledPredicate}
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
