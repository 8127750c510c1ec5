package retryscope

import (
	"go/ast"
	"go/types"
)

// A batcher or worker often takes the operation it retries in its
// constructor and keeps it in a field that one of its methods calls in a
// retry loop:
//
//	func NewRetriableBatcher(opts *Options, outFn OutFn, …) *RetriableBatcher {
//		return &RetriableBatcher{outFn: outFn, …}
//	}
//	func (b *RetriableBatcher) Out(…) { for { err := b.outFn(…); if err == nil { return } … } }
//
// The callers never call Out themselves (the batcher's workers do), so
// the func they pass to the constructor is the retried operation: the
// constructor is a helper that retries that parameter.

// constructorHelpers returns the package's functions that store a func
// parameter in a field that a method of the stored-to type retries
// (fieldHelpers, the methods retrying a field of their receiver), each as
// a helper of that parameter.
func (w *walk) constructorHelpers(fieldHelpers map[*types.Func]*Helper) map[*types.Func]*Helper {
	retried := map[fieldOf]*Helper{}
	by := map[fieldOf]string{} // the method whose helper is kept: the first by name, for stable messages
	for fn, h := range fieldHelpers {
		if h.FuncField == "" || fn.Signature().Recv() == nil {
			continue
		}
		n := namedOf(fn.Signature().Recv().Type())
		if n == nil {
			continue
		}
		k := fieldOf{n.Obj(), h.FuncField}
		if name, ok := by[k]; !ok || fn.Name() < name {
			retried[k], by[k] = h, fn.Name()
		}
	}
	if len(retried) == 0 {
		return nil
	}
	out := map[*types.Func]*Helper{}
	w.f.funcDecls(func(fn *types.Func, fd *ast.FuncDecl) {
		if fieldHelpers[fn] != nil {
			return
		}
		if h := w.storesRetriedParam(fn, fd, retried); h != nil {
			out[fn] = h
		}
	})
	return out
}

// fieldOf names a field of a named type.
type fieldOf struct {
	typ   *types.TypeName
	field string
}

// storesRetriedParam finds in fn's declaration d a composite literal of a
// type in retried whose retried field is given one of fn's parameters,
// and returns the helper of that parameter.
func (w *walk) storesRetriedParam(fn *types.Func, d *ast.FuncDecl, retried map[fieldOf]*Helper) *Helper {
	var found *Helper
	ast.Inspect(d.Body, func(n ast.Node) bool {
		lit, ok := n.(*ast.CompositeLit)
		if !ok || found != nil {
			return found == nil
		}
		t := namedOf(w.info.TypeOf(lit))
		if t == nil {
			return true
		}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			key, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			h := retried[fieldOf{t.Obj(), key.Name}]
			if h == nil {
				continue
			}
			if i := paramIndex(fn, objOf(w.info, kv.Value)); i >= 0 {
				c := *h
				c.FuncParam, c.FuncField = i, ""
				found = &c
				return false
			}
		}
		return true
	})
	return found
}

// namedOf is the named type t is, or points to; nil for anything else.
func namedOf(t types.Type) *types.Named {
	if t == nil {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}
