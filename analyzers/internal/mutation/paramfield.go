package mutation

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Methods in options structs. A helper may take the HTTP method (or URL)
// in a field of a parameter — do(ctx, reqOpts{Method: http.MethodPost,
// Path: "/v1/orders"}) — through several wrappers. The summary records the
// field (FuncFact.HTTPMethodField); a caller's argument is then read for
// that field: a composite literal, a variable assigned one, or assignments
// to the variable's field.

// paramField resolves opts.Method (or (*opts).Method) where opts is an
// unchanged parameter of the summarised function.
func (c *Classifier) paramField(sel *ast.SelectorExpr) sval {
	if s, ok := c.info.Selections[sel]; !ok || s.Kind() != types.FieldVal {
		return unknown
	}
	x := ast.Unparen(sel.X)
	if star, ok := x.(*ast.StarExpr); ok {
		x = ast.Unparen(star.X)
	}
	v := c.varOf(x)
	if v == nil {
		return unknown
	}
	if p, ok := c.paramIndex(v); ok {
		return sval{param: p, field: sel.Sel.Name}
	}
	if c.isReceiver(v) && (strings.EqualFold(sel.Sel.Name, "method") || describesRequest(v.Type())) {
		return sval{param: ReceiverParam, field: sel.Sel.Name} // r.Method of the receiver
	}
	if p, ok := c.copiedParam(v, sel.Sel.Name); ok {
		return sval{param: p, field: sel.Sel.Name}
	}
	return unknown
}

// argValue resolves a caller's argument for a parameter role: the argument
// itself, or its field when the role is a field.
func (c *Classifier) argValue(arg ast.Expr, field string) sval {
	if field == "" {
		return c.str(arg, 0)
	}
	if p, ok := c.forwardedParam(arg, field); ok {
		return sval{param: p, field: field} // a wrapper passing its own parameter on
	}
	if p, ok := c.embeddedParam(arg); ok {
		return sval{param: p, field: field} // &req.Request: the parameter's embedded request
	}
	e, zero := c.fieldExpr(arg, field, 0)
	if zero {
		return sval{known: true, param: -1} // not set: the zero value
	}
	if e == nil {
		return unknown
	}
	return c.str(e, 1)
}

// argExpr is the expression a caller gives for a parameter role (the
// argument, or the value of its field), or nil.
func (c *Classifier) argExpr(arg ast.Expr, field string) ast.Expr {
	if field == "" {
		return arg
	}
	e, _ := c.fieldExpr(arg, field, 0)
	return e
}

// fieldExpr finds the value of field in arg: a composite literal (or its
// address), a variable assigned one once, or the single value assigned to
// the variable's field. zero: arg is a literal that leaves the field unset.
func (c *Classifier) fieldExpr(arg ast.Expr, field string, depth int) (e ast.Expr, zero bool) {
	if depth > maxDepth {
		return nil, false
	}
	if first, rest, nested := strings.Cut(field, "."); nested {
		// Uri.Entity: the Entity of the argument's Uri
		inner, zero := c.fieldExpr(arg, first, depth+1)
		if inner == nil || zero {
			return nil, zero
		}
		return c.fieldExpr(inner, rest, depth+1)
	}
	switch x := ast.Unparen(arg).(type) {
	case *ast.UnaryExpr:
		if id, ok := ast.Unparen(x.X).(*ast.Ident); ok && x.Op == token.AND {
			return c.varFieldExpr(id, field, 1, depth+1) // the one &opts is this argument
		}
		if x.Op == token.AND {
			return c.fieldExpr(x.X, field, depth+1)
		}
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if k, ok := kv.Key.(*ast.Ident); ok && k.Name == field {
					return kv.Value, false
				}
			}
		}
		return nil, true
	case *ast.Ident:
		return c.varFieldExpr(x, field, 0, depth)
	case *ast.StarExpr:
		// CallAPI(*obj) with obj := &CallAPIObj{HttpMethod: "POST", …}: the
		// value copied is the literal's.
		if id, ok := ast.Unparen(x.X).(*ast.Ident); ok {
			return c.varFieldExpr(id, field, 0, depth+1)
		}
	}
	return nil, false
}

// varFieldExpr is fieldExpr of a variable: its one assignment to the
// field, its setter, or the field of the value it was defined with. own
// counts the &v the caller itself is reading through (`do(ctx, &opts)`):
// only an address taken elsewhere could change the field unseen.
func (c *Classifier) varFieldExpr(id *ast.Ident, field string, own, depth int) (ast.Expr, bool) {
	v := c.varOf(id)
	if v == nil || v.Pkg() != c.pass.Pkg {
		return nil, false
	}
	if set := c.idx().fields[fieldKey{v, field}]; len(set) == 1 {
		return set[0], false
	} else if len(set) > 1 {
		return nil, false
	}
	if e, ok := c.setterValue(v, field); ok {
		return e, false // req.SetMethod(http.MethodPost)
	}
	if a, ok := c.singleAddressed(v, own); ok && a.rhs != nil {
		return c.fieldExpr(a.rhs, field, depth+1)
	}
	return nil, false
}

// forwardedParam reports whether arg, given for a role that is field of a
// parameter, is a parameter of the summarised function passed on whole
// (or a copy of it that keeps field): the index of that parameter.
func (c *Classifier) forwardedParam(arg ast.Expr, field string) (int, bool) {
	if field == "" {
		return 0, false
	}
	if v := c.str(arg, 0); v.param >= 0 && v.field == "" {
		return v.param, true
	}
	if v := c.varOf(arg); v != nil {
		if c.isReceiver(v) && (strings.EqualFold(field, "method") || describesRequest(v.Type())) {
			// r.build() inside a method of the request r: the field is
			// what the receiver's callers set (as paramField reads r.method).
			return ReceiverParam, true
		}
		return c.copiedParam(v, field)
	}
	return 0, false
}
