package mutation

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// maxDepth bounds every chain of definitions that resolution follows.
const maxDepth = 8

// assignment is one value given to a variable: rhs, or result idx of a
// multi-valued call (call != nil). rhs and call are both nil for a change
// that cannot be followed (x += …, x++, range variables).
type assignment struct {
	rhs  ast.Expr
	call *ast.CallExpr
	idx  int
	pos  token.Pos
}

// fieldKey names a field of a variable: req.Method.
type fieldKey struct {
	obj   *types.Var
	field string
}

// index records, for the whole package, every assignment of every variable
// and of its fields, built once on first use: resolution then never walks
// the syntax again.
type index struct {
	assigns   map[*types.Var][]assignment
	fields    map[fieldKey][]ast.Expr
	fieldSet  map[fieldKey]int // how often the field is assigned (=, +=, …)
	addrTaken map[*types.Var]bool
	addrCount map[*types.Var]int // how often &v is written
	// returns maps this package's functions whose one return statement
	// ends the body and returns one value to that value: URL builders such
	// as func (c *Client) url(id string) string { return c.base + "/v1/items/" + id }.
	returns map[*types.Func]ast.Expr
	// decls are the package's function declarations in position order
	// (files in pass order, each file's in source order, sorted).
	decls []*ast.FuncDecl
	// methodCalls are the one-argument method calls on each variable
	// (setter candidates), accessorDecls the package's methods (accessors.go).
	methodCalls   map[*types.Var][]*ast.CallExpr
	accessorDecls map[*types.Func]*ast.FuncDecl
	// fieldWrites are the values non-test files give each struct field,
	// in keyed literals and assignments (payloadid.go).
	fieldWrites map[*types.Var][]fieldWrite
	// fieldAppends are the values appended to each field (u.Path += p);
	// overrides the values of assignments that replace a field only when
	// the value is given (if s.Path != "" { u.Path = s.Path }).
	fieldAppends map[fieldKey][]ast.Expr
	overrides    map[ast.Expr]bool
	// optionalIDs are request fields the package's code sends only when
	// set (if req.GetConversationId() != "" { … }, aipcreate.go).
	optionalIDs map[*types.Var]bool
	// repeatSafe are the declarations documented to find an existing
	// thing on a repeat (docsemantics.go).
	repeatSafe map[*ast.FuncDecl]bool
}

// idx returns the package's index, built on first use. The classifier is
// shared by the analyzers that read the model, which the checker runs in
// parallel: the index is built once.
func (c *Classifier) idx() *index {
	c.indexOnce.Do(func() { c.index = c.buildIndex() })
	return c.index
}

func (c *Classifier) buildIndex() *index {
	ix := &index{assigns: map[*types.Var][]assignment{}, fields: map[fieldKey][]ast.Expr{}, addrTaken: map[*types.Var]bool{},
		addrCount: map[*types.Var]int{}, fieldSet: map[fieldKey]int{},
		returns: map[*types.Func]ast.Expr{}, methodCalls: map[*types.Var][]*ast.CallExpr{},
		accessorDecls: map[*types.Func]*ast.FuncDecl{}, fieldWrites: map[*types.Var][]fieldWrite{},
		fieldAppends: map[fieldKey][]ast.Expr{}, overrides: map[ast.Expr]bool{}, optionalIDs: map[*types.Var]bool{}}
	for _, f := range c.pass.Files {
		test := astpath.InTestFile(c.pass.Fset, f.Pos())
		ast.Inspect(f, func(n ast.Node) bool {
			if !test {
				c.indexFieldWrite(ix, n)
			}
			switch n := n.(type) {
			case *ast.FuncDecl:
				c.indexReturn(ix, n)
				ix.decls = append(ix.decls, n)
				if fn, ok := c.info.Defs[n.Name].(*types.Func); ok && n.Recv != nil {
					ix.accessorDecls[fn] = n
				}
			case *ast.CallExpr:
				c.indexMethodCall(ix, n)
			case *ast.AssignStmt:
				c.indexAssign(ix, n.Lhs, n.Rhs, n.Tok)
			case *ast.IfStmt:
				if rhs := overrideWhenGiven(n); rhs != nil {
					ix.overrides[rhs] = true
				}
				if f := c.sentWhenSet(n); f != nil {
					ix.optionalIDs[f] = true
				}
			case *ast.ValueSpec:
				if len(n.Values) > 0 {
					lhs := make([]ast.Expr, len(n.Names))
					for i, id := range n.Names {
						lhs[i] = id
					}
					c.indexAssign(ix, lhs, n.Values, token.DEFINE)
				}
			case *ast.IncDecStmt:
				if v := c.varOf(n.X); v != nil {
					ix.assigns[v] = append(ix.assigns[v], assignment{pos: n.Pos()})
				}
			case *ast.RangeStmt:
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if v := c.varOf(e); v != nil {
						ix.assigns[v] = append(ix.assigns[v], assignment{pos: n.Pos()})
					}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					if v := c.varOf(n.X); v != nil {
						ix.addrTaken[v] = true
						ix.addrCount[v]++
					}
				}
			}
			return true
		})
	}
	sort.Slice(ix.decls, func(i, j int) bool { return ix.decls[i].Pos() < ix.decls[j].Pos() })
	ix.repeatSafe = RepeatSafeDecls(c.pass.Files)
	return ix
}

// indexFieldWrite records a keyed literal element's or an assignment's
// value for the id-like struct field it sets (the only ones
// payloadIDKeys asks about: keeping every field's writes of a large SDK
// cost memory).
func (c *Classifier) indexFieldWrite(ix *index, n ast.Node) {
	switch n := n.(type) {
	case *ast.KeyValueExpr:
		if id, ok := n.Key.(*ast.Ident); ok && idLikeField(id.Name) {
			if f, ok := c.info.Uses[id].(*types.Var); ok && f.IsField() {
				ix.fieldWrites[f] = append(ix.fieldWrites[f], fieldWrite{at: n, value: n.Value})
			}
		}
	case *ast.AssignStmt:
		if n.Tok != token.ASSIGN || len(n.Lhs) != len(n.Rhs) {
			return
		}
		for i, l := range n.Lhs {
			if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && idLikeField(sel.Sel.Name) {
				if s := c.info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
					f := s.Obj().(*types.Var)
					ix.fieldWrites[f] = append(ix.fieldWrites[f], fieldWrite{at: n, value: n.Rhs[i]})
				}
			}
		}
	}
}

// indexReturn records a function whose one return statement ends its
// body and returns one value: URL builders such as buildURI(path, opts),
// whatever they compute before it; or, for a (value, error) builder, the
// value its last return gives when every other return fails.
func (c *Classifier) indexReturn(ix *index, d *ast.FuncDecl) {
	if d.Body == nil || len(d.Body.List) == 0 {
		return
	}
	fn, ok := c.info.Defs[d.Name].(*types.Func)
	if !ok {
		return
	}
	if e := astpath.OnlyResult(d.Body); e != nil {
		ix.returns[fn] = e
		return
	}
	ret, ok := d.Body.List[len(d.Body.List)-1].(*ast.ReturnStmt)
	if ok && len(ret.Results) == 2 && isNilIdent(ret.Results[1]) && onlyFailuresBefore(d.Body, ret) {
		// (value, error) builders: the value of the one return that
		// succeeds, the others returning an error
		ix.returns[fn] = ret.Results[0]
	}
}

// onlyFailuresBefore reports whether every return statement of body
// other than last (not those of function literals) returns an error that
// is not nil as its second result: `return nil, err`.
func onlyFailuresBefore(body *ast.BlockStmt, last *ast.ReturnStmt) bool {
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch r := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if r != last && (len(r.Results) != 2 || isNilIdent(r.Results[1])) {
				ok = false
			}
		}
		return ok
	})
	return ok
}

func (c *Classifier) indexAssign(ix *index, lhs, rhs []ast.Expr, tok token.Token) {
	for i, l := range lhs {
		var a assignment
		switch {
		case tok != token.ASSIGN && tok != token.DEFINE:
			a = assignment{pos: l.Pos()} // x += …: not followed
		case len(lhs) == len(rhs):
			a = assignment{rhs: rhs[i], pos: l.Pos()}
		case len(rhs) == 1:
			call, _ := ast.Unparen(rhs[0]).(*ast.CallExpr)
			a = assignment{call: call, idx: i, pos: l.Pos()}
		}
		if v := c.varOf(l); v != nil {
			ix.assigns[v] = append(ix.assigns[v], a)
			continue
		}
		if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
			if v := c.varOf(sel.X); v != nil {
				k := fieldKey{v, sel.Sel.Name}
				ix.fieldSet[k]++
				if a.rhs != nil {
					ix.fields[k] = append(ix.fields[k], a.rhs)
				}
				if tok == token.ADD_ASSIGN && len(lhs) == len(rhs) {
					ix.fieldAppends[k] = append(ix.fieldAppends[k], rhs[i])
				}
			}
		}
	}
}

// overrideWhenGiven returns the value of an if statement that only
// replaces a field by a value when it is given, or nil:
//
//	if settings.Path != "" {
//		baseUrl.Path = settings.Path
//	}
//
// Such an override is not the value the code built the field for.
func overrideWhenGiven(n *ast.IfStmt) ast.Expr {
	if n.Init != nil || n.Else != nil || len(n.Body.List) != 1 {
		return nil
	}
	as, ok := n.Body.List[0].(*ast.AssignStmt)
	if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return nil
	}
	if _, ok := ast.Unparen(as.Lhs[0]).(*ast.SelectorExpr); !ok {
		return nil
	}
	cond, ok := ast.Unparen(n.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.NEQ || types.ExprString(cond.X) != types.ExprString(as.Rhs[0]) {
		return nil
	}
	return as.Rhs[0]
}

// varOf returns the variable an identifier denotes (not a field), or nil.
func (c *Classifier) varOf(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	obj := c.info.Defs[id]
	if obj == nil {
		obj = c.info.Uses[id]
	}
	v, _ := obj.(*types.Var)
	if v == nil || v.IsField() {
		return nil
	}
	return v
}

// singleValue returns the one right-hand side the variable e denotes is
// given (see single), or nil: e is not a variable, or has no such value.
func (c *Classifier) singleValue(e ast.Expr) ast.Expr {
	v := c.varOf(e)
	if v == nil {
		return nil
	}
	if a, ok := c.single(v); ok {
		return a.rhs
	}
	return nil
}

// followable returns the single right-hand side a variable is given,
// when it is a local or package variable of this package assigned exactly
// once and never through a pointer. Parameters have none.
func (c *Classifier) single(v *types.Var) (assignment, bool) {
	return c.singleAddressed(v, 0)
}

// singleAddressed is single for a variable whose address the caller has
// seen taken `own` times itself (`opts := sendOptions{…}; do(ctx, &opts)`
// passes the literal's value through the one &opts).
func (c *Classifier) singleAddressed(v *types.Var, own int) (assignment, bool) {
	if v.Pkg() != c.pass.Pkg {
		return assignment{}, false
	}
	ix := c.idx()
	as := ix.assigns[v]
	if len(as) != 1 || ix.addrCount[v] > own || (as[0].rhs == nil && as[0].call == nil) {
		return assignment{}, false
	}
	return as[0], true
}

// sval is a resolved string value: a constant, or a parameter of the
// function being summarised.
type sval struct {
	known bool
	s     string
	param int // -1 unless the value is that parameter, unchanged
	// field: the value is this field of parameter param (opts.Method).
	field string
}

var unknown = sval{param: -1}

// str resolves e to a constant string through constants, variables that
// are only ever assigned agreeing constants, and (while summarising) the
// parameters of the summarised function.
func (c *Classifier) str(e ast.Expr, depth int) sval {
	if e == nil || depth > maxDepth {
		return unknown
	}
	e = ast.Unparen(e)
	if tv, ok := c.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return sval{known: true, s: constant.StringVal(tv.Value), param: -1}
	}
	if sel, ok := e.(*ast.SelectorExpr); ok {
		return c.paramField(sel)
	}
	if call, ok := e.(*ast.CallExpr); ok {
		return c.getterValue(call) // r.Method() of a request parameter r
	}
	v := c.varOf(e)
	if v == nil {
		return unknown
	}
	if p, ok := c.paramIndex(v); ok {
		return sval{param: p}
	}
	if v.Pkg() != c.pass.Pkg || c.idx().addrTaken[v] || c.reassignedParam(v) {
		return unknown // a reassigned parameter may still hold the caller's value
	}
	as := c.idx().assigns[v]
	if len(as) == 0 {
		return unknown
	}
	var val sval
	for i, a := range as {
		if a.rhs == nil {
			return unknown
		}
		r := c.str(a.rhs, depth+1)
		if !r.known || (i > 0 && r.s != val.s) {
			return unknown
		}
		val = r
	}
	return val
}

// paramIndex reports whether v is a parameter of the function being
// summarised that is never reassigned, or only given a default when empty
// (paramdefault.go).
func (c *Classifier) paramIndex(v *types.Var) (int, bool) {
	if c.sum == nil {
		return 0, false
	}
	p, ok := c.sum.params[v]
	if !ok || len(c.idx().assigns[v]) > 0 && !c.paramDefaults(v) {
		return 0, false
	}
	return p, true
}
