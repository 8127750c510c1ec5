package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

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
