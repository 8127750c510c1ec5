package resend

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// Whether the second send carries the same request as the first. Two calls
// of one operation (the same method and path, the same helper) are a
// re-send only when they send the same thing: a test that creates bucket A
// and then bucket B, or updates a setting and then another one, calls the
// same method twice without repeating anything.
//
// The rule, argument by argument (and the receiver of a method call): a
// variable stands for the value it was last assigned before the call, so
// `req` and `again` built by the same builder call with the same arguments
// are the same request. Two arguments are the same when they are the same
// expression after that substitution, even if evaluating it again gives a
// new value (bytes.NewReader(body), a clone of the request, a fresh UUID:
// the server receives the same operation). They are different only on
// evidence: different constants, two distinct variables none of which was
// assigned in the function (two parameters, two package variables),
// different fields of the same value, different keyed values in a
// composite literal, or the very same variable whose fields were assigned
// between the sends (bucket.FileLockEnabled = true). Anything else — two
// builders twice cannot compare, a value filled through a pointer — is
// undecided, and undecided counts as the same request: the callee and the
// path already say it is the same operation.

// sameness is the verdict of comparing two values.
type sameness uint8

const (
	undecided sameness = iota
	same
	different
)

// join combines the verdicts of the parts of a value: one different part
// makes the whole different; all parts the same make it the same.
func join(a, b sameness) sameness {
	switch {
	case a == different || b == different:
		return different
	case a == same && b == same:
		return same
	}
	return undecided
}

// maxCompareDepth bounds how many definitions and subexpressions a
// comparison follows.
const maxCompareDepth = 12

// definition is one assignment of a variable: the value expression and,
// for a tuple assignment from one call (req, err := http.NewRequest(…)),
// which result the variable receives.
type definition struct {
	pos   token.Pos // the assignment statement: where its value is evaluated
	end   token.Pos // its end: where the variable holds the value
	value ast.Expr
	index int
}

// argComparer compares the arguments of two sends of one function body.
type argComparer struct {
	info *types.Info
	body *ast.BlockStmt
	recv types.Object // the enclosing method's receiver: its fields are the client's state
	defs map[types.Object][]definition
}

func newArgComparer(info *types.Info, body *ast.BlockStmt, recv types.Object) *argComparer {
	c := &argComparer{info: info, body: body, recv: recv, defs: make(map[types.Object][]definition)}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // a closure's assignments happen when it runs
		case *ast.AssignStmt:
			c.record(n.Lhs, n.Rhs, n.Pos(), n.End())
		case *ast.ValueSpec:
			c.record(identsAsExprs(n.Names), n.Values, n.Pos(), n.End())
		}
		return true
	})
	return c
}

// record notes the assignments of lhs = rhs (in source order, which
// ast.Inspect follows).
func (c *argComparer) record(lhs, rhs []ast.Expr, pos, end token.Pos) {
	for i, e := range lhs {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok || id.Name == "_" {
			continue
		}
		obj := c.info.ObjectOf(id)
		if obj == nil {
			continue
		}
		d := definition{pos: pos, end: end}
		switch {
		case len(rhs) == len(lhs):
			d.value = rhs[i]
		case len(rhs) == 1:
			d.value, d.index = rhs[0], i
		}
		// A definition without a value (var x T) still hides earlier ones.
		c.defs[obj] = append(c.defs[obj], d)
	}
}

// reaching returns the definition of obj in force at pos (source order).
func (c *argComparer) reaching(obj types.Object, pos token.Pos) (definition, bool) {
	ds := c.defs[obj]
	for i := len(ds) - 1; i >= 0; i-- {
		if ds[i].end <= pos {
			return ds[i], true
		}
	}
	return definition{}, false
}

// sends compares two calls: the receiver of a method call and every
// argument.
func (c *argComparer) sends(a, b *ast.CallExpr) sameness {
	if len(a.Args) != len(b.Args) {
		return different // a variadic call given more values: another request
	}
	v := same
	if ra, rb := c.receiver(a), c.receiver(b); ra != nil && rb != nil {
		v = join(v, c.compare(ra, a.Pos(), rb, b.Pos(), 0))
	}
	for i := range a.Args {
		if isNamed(c.info.TypeOf(a.Args[i]), "context", "Context") {
			continue // a deadline or a cancellation, not part of the request
		}
		v = join(v, c.argument(a.Args[i], a.Pos(), b.Args[i], b.Pos()))
	}
	return v
}

// argument compares one argument of the two sends. Beyond compare: a
// constant written where the other send passes a value twice cannot
// resolve is another request (order(ctx, csr, attempt) and then
// order(ctx, csr, 0): the second call picks a value on purpose, here
// another CA), not the same one sent again.
func (c *argComparer) argument(a ast.Expr, pa token.Pos, b ast.Expr, pb token.Pos) sameness {
	v := c.compare(a, pa, b, pb, 0)
	if v == undecided && c.isConstant(a) != c.isConstant(b) {
		return different
	}
	return v
}

func (c *argComparer) isConstant(e ast.Expr) bool {
	return c.info.Types[ast.Unparen(e)].Value != nil
}

// receiver is x in a call x.m(…) of a method on a value (nil for
// functions, package-qualified ones included).
func (c *argComparer) receiver(call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if _, ok := c.info.Selections[sel]; !ok {
		return nil
	}
	return sel.X
}

// compare judges whether a (evaluated at pa) and b (at pb) are the same
// value.
func (c *argComparer) compare(a ast.Expr, pa token.Pos, b ast.Expr, pb token.Pos, depth int) sameness {
	if depth > maxCompareDepth {
		return undecided
	}
	a, b = ast.Unparen(a), ast.Unparen(b)
	if v, ok := c.constants(a, b); ok {
		return v
	}
	ia, aIsID := a.(*ast.Ident)
	ib, bIsID := b.(*ast.Ident)
	switch {
	case aIsID && bIsID:
		return c.idents(ia, pa, ib, pb, depth)
	case aIsID:
		if d, ok := c.valueOf(ia, pa); ok {
			return c.compare(d.value, d.pos, b, pb, depth+1)
		}
		return undecided
	case bIsID:
		if d, ok := c.valueOf(ib, pb); ok {
			return c.compare(a, pa, d.value, d.pos, depth+1)
		}
		return undecided
	}
	return c.structure(a, pa, b, pb, depth)
}

// constants compares two constant expressions; ok is false unless both
// are constants.
func (c *argComparer) constants(a, b ast.Expr) (sameness, bool) {
	ta, tb := c.info.Types[a], c.info.Types[b]
	if ta.Value == nil || tb.Value == nil {
		return undecided, false
	}
	if ta.Value.Kind() != tb.Value.Kind() {
		return different, true
	}
	if constant.Compare(ta.Value, token.EQL, tb.Value) {
		return same, true
	}
	return different, true
}

// valueOf is the single-valued definition of id at pos, if it has one.
func (c *argComparer) valueOf(id *ast.Ident, pos token.Pos) (definition, bool) {
	obj := c.info.Uses[id]
	if obj == nil {
		return definition{}, false
	}
	d, ok := c.reaching(obj, pos)
	if !ok || d.value == nil {
		return definition{}, false
	}
	return d, true
}

// idents compares two variables by what they hold.
func (c *argComparer) idents(ia *ast.Ident, pa token.Pos, ib *ast.Ident, pb token.Pos, depth int) sameness {
	oa, ob := c.info.Uses[ia], c.info.Uses[ib]
	if oa == nil || ob == nil {
		return undecided
	}
	_, va := oa.(*types.Var)
	_, vb := ob.(*types.Var)
	if !va || !vb {
		if oa == ob {
			return same // the same function, type or nil
		}
		return undecided
	}
	da, okA := c.reaching(oa, pa)
	db, okB := c.reaching(ob, pb)
	// The request held in a variable changed after it got its value and
	// before the second send (after the first, when it is the same
	// variable): another request.
	since := db.end
	if oa == ob && pa > since {
		since = pa
	}
	if c.fieldsWritten(ob, since, pb) {
		return different
	}
	switch {
	case oa == ob && da == db:
		return same // one variable holding one value
	case okA && okB && da.value != nil && db.value != nil:
		if da.index != db.index {
			return undecided
		}
		return c.compare(da.value, da.pos, db.value, db.pos, depth+1)
	case okA && da.value != nil:
		return c.compare(da.value, da.pos, ib, pb, depth+1)
	case okB && db.value != nil:
		return c.compare(ia, pa, db.value, db.pos, depth+1)
	case !okA && !okB:
		return different // two variables the function never assigned: two values
	}
	return undecided
}
