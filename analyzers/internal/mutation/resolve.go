package mutation

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"
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
		fieldSet: map[fieldKey]int{},
		returns:  map[*types.Func]ast.Expr{}, methodCalls: map[*types.Var][]*ast.CallExpr{},
		accessorDecls: map[*types.Func]*ast.FuncDecl{}}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
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
					}
				}
			}
			return true
		})
	}
	sort.Slice(ix.decls, func(i, j int) bool { return ix.decls[i].Pos() < ix.decls[j].Pos() })
	return ix
}

// indexReturn records a function whose one return statement ends its
// body and returns one value: URL builders such as buildURI(path, opts),
// whatever they compute before it.
func (c *Classifier) indexReturn(ix *index, d *ast.FuncDecl) {
	if d.Body == nil || len(d.Body.List) == 0 {
		return
	}
	ret, ok := d.Body.List[len(d.Body.List)-1].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 || countReturns(d.Body) != 1 {
		return
	}
	if fn, ok := c.info.Defs[d.Name].(*types.Func); ok {
		ix.returns[fn] = ret.Results[0]
	}
}

// countReturns counts the return statements of a body, not of the
// function literals in it.
func countReturns(body *ast.BlockStmt) int {
	n := 0
	ast.Inspect(body, func(x ast.Node) bool {
		switch x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			n++
		}
		return true
	})
	return n
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
			}
		}
	}
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

// followable returns the single right-hand side a variable is given,
// when it is a local or package variable of this package assigned exactly
// once and never through a pointer. Parameters have none.
func (c *Classifier) single(v *types.Var) (assignment, bool) {
	if v.Pkg() != c.pass.Pkg {
		return assignment{}, false
	}
	ix := c.idx()
	as := ix.assigns[v]
	if len(as) != 1 || ix.addrTaken[v] || (as[0].rhs == nil && as[0].call == nil) {
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

// piece is one part of a string built by concatenation or fmt.Sprintf.
type piece struct {
	s     string
	known bool
	param int    // -1, or the summarised function's parameter the part is
	field string // the part is this field of parameter param
	// local: an unknown part that is this variable of the package, never
	// assigned (a parameter of a URL builder the caller's argument fills).
	local *types.Var
}

// pieces splits a string expression into known and unknown parts.
func (c *Classifier) pieces(e ast.Expr, depth int) []piece {
	if e == nil || depth > maxDepth {
		return []piece{{param: -1}}
	}
	e = ast.Unparen(e)
	if v := c.str(e, depth); v.known || v.param >= 0 {
		return []piece{{s: v.s, known: v.known, param: v.param, field: v.field}}
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return append(c.pieces(e.X, depth+1), c.pieces(e.Y, depth+1)...)
		}
	case *ast.Ident:
		if v := c.varOf(e); v != nil {
			if a, ok := c.single(v); ok && a.rhs != nil {
				return c.pieces(a.rhs, depth+1)
			} else if ok && a.call != nil && a.idx == 0 {
				if ps, ok := c.urlCallPieces(a.call, depth); ok {
					return ps // s, err := url.JoinPath(…)
				}
			}
			if ps, ok := c.appendedPieces(v, depth); ok {
				return ps // url := base; url += opts.Path (urlappend.go)
			}
			if v.Pkg() == c.pass.Pkg && len(c.idx().assigns[v]) == 0 {
				return []piece{{param: -1, local: v}}
			}
		}
	case *ast.CallExpr:
		if ps, ok := c.urlCallPieces(e, depth); ok {
			return ps
		}
		fn := c.calleeFunc(e)
		if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && fn.Name() == "Sprintf" && len(e.Args) > 0 {
			if f := c.str(e.Args[0], depth+1); f.known {
				return c.formatPieces(f.s, e.Args[1:], depth)
			}
		}
		// A same-package URL builder: its returned expression, the
		// callee's parameters filled with the call's arguments.
		if ps, ok := c.builderPieces(e, fn, depth); ok {
			return ps
		}
	}
	return []piece{{param: -1}}
}

// formatPieces splits a Printf format into its literal text and one piece
// per verb (the argument's own pieces for %s and %v).
func (c *Classifier) formatPieces(format string, args []ast.Expr, depth int) []piece {
	argi := 0
	return expandVerbs(nil, format, func(verb byte) []piece {
		defer func() { argi++ }()
		if (verb == 's' || verb == 'v') && argi < len(args) {
			return c.pieces(args[argi], depth+1)
		}
		return []piece{{param: -1}}
	})
}

// firstParam returns the first parameter among pieces, or -1.
func firstParam(ps []piece) int {
	p, _ := firstParamField(ps)
	return p
}

// firstParamField returns the first parameter among pieces and the field
// of it the piece is ("" for the parameter itself), or -1.
func firstParamField(ps []piece) (int, string) {
	for _, p := range ps {
		if p.param >= 0 {
			return p.param, p.field
		}
	}
	return -1, ""
}

// urlPath describes a URL built from pieces: its path with unknown parts
// as {…} ("/v1/orders/{…}/refunds"), without scheme, host, a leading base
// URL or the query; "" when nothing constant is left.
func urlPath(ps []piece) string {
	var b strings.Builder
	for i, p := range ps {
		switch {
		case p.known:
			b.WriteString(p.s)
		case i == 0:
			// A leading unknown is the base URL: dropped.
		default:
			if !strings.HasSuffix(b.String(), "{…}") {
				b.WriteString("{…}")
			}
		}
	}
	s := b.String()
	if k := strings.Index(s, "://"); k >= 0 {
		s = s[k+3:]
		if slash := strings.IndexByte(s, '/'); slash >= 0 {
			s = s[slash:]
		} else {
			s = "/"
		}
	}
	if q := strings.IndexAny(s, "?#"); q >= 0 {
		s = s[:q]
	}
	if strings.Trim(s, "/{…}") == "" {
		return ""
	}
	if !strings.HasPrefix(s, "/") {
		s = "/" + s
	}
	return s
}

// sqlHole stands for an unknown part of SQL text: an identifier, so that
// `"INSERT INTO " + table + "_archive"` still reads as one table name.
const sqlHole = "twice_hole"

// sqlText returns the SQL text of pieces, with unknown parts as a
// placeholder identifier; ok is false when the text is not usable: nothing
// known, or an unknown tail that could hold an ON CONFLICT clause.
func sqlText(ps []piece) (string, bool) {
	if len(ps) == 0 || !ps[len(ps)-1].known {
		return "", false
	}
	var b strings.Builder
	for _, p := range ps {
		if p.known {
			b.WriteString(p.s)
		} else {
			b.WriteString(sqlHole)
		}
	}
	return b.String(), true
}
