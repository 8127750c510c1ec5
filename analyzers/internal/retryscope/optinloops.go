package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// An opt-in retry loop: `for attempt := 0; attempt <= c.maxRetries;
// attempt++`, or a loop without a condition that leaves when its counter
// reaches the count (`if attempt >= c.maxRetries { return err }`), where
// maxRetries is a field of a struct of this package that nothing in the
// package sets to a positive number (no default in a constructor or a
// struct literal, no `if n == 0 { n = 3 }`, no `default:"3"` tag). It is
// zero until the user of the package opts in (an option, a config
// field), and then the user's program, not this package, decides to
// retry: the loop runs the attempt once as the package ships. Like a
// client whose retry count is read only from configuration, it is
// unknown and not reported. A field of another package's struct (a
// config type with defaults set there) keeps today's judgement, and so
// do any count with a positive default and a retry helper's loop around
// its func argument (Typed{Attempts: 3}.Run(fn): its callers opt in where
// they call it).

// optInLoop reports whether l is a for loop whose attempt count is a field
// that defaults to zero (see above).
func (w *walk) optInLoop(l loop) bool {
	fs, ok := l.stmt.(*ast.ForStmt)
	if !ok || w.callsFuncParam(l.body) {
		return false
	}
	var field *types.Var
	if fs.Cond != nil {
		field = w.condBound(fs, l, fs.Cond)
	} else {
		field = w.exitBound(fs, l)
	}
	return field != nil && !w.f.positiveField(field)
}

// condBound returns the count field of a loop condition `i < c.max`,
// `i <= c.retries`.
func (w *walk) condBound(fs *ast.ForStmt, l loop, e ast.Expr) *types.Var {
	cond, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	counter, bound := cond.X, cond.Y
	switch cond.Op {
	case token.LSS, token.LEQ:
	case token.GTR, token.GEQ:
		counter, bound = bound, counter
	default:
		return nil
	}
	if !w.isLoopVar(l, counter) {
		return nil
	}
	return w.boundField(fs, bound)
}

// exitBound returns the count field of a loop without a condition that
// leaves (return or break) when its counter reaches the count, at the top
// level of its body: `if i >= c.retries || !retryable(err) { return err }`,
// `if err == nil || i == c.max { break }`. At a zero count the first
// attempt leaves.
func (w *walk) exitBound(fs *ast.ForStmt, l loop) *types.Var {
	for _, st := range l.body.List {
		ifs, ok := st.(*ast.IfStmt)
		if !ok || !exitsLoop(ifs.Body, l.label) {
			continue
		}
		for _, d := range disjuncts(ifs.Cond) {
			cmp, ok := ast.Unparen(d).(*ast.BinaryExpr)
			if !ok {
				continue
			}
			counter, bound := cmp.X, cmp.Y
			switch cmp.Op {
			case token.GEQ, token.EQL:
			case token.LEQ:
				counter, bound = bound, counter
			default:
				continue
			}
			if !w.isLoopVar(l, counter) {
				counter, bound = bound, counter // c.max == i
				if cmp.Op != token.EQL || !w.isLoopVar(l, counter) {
					continue
				}
			}
			if f := w.boundField(fs, bound); f != nil {
				return f
			}
		}
	}
	return nil
}

// exitsLoop reports whether block ends by leaving the loop labelled label
// (a return, an unlabeled break or a break to the label).
func exitsLoop(block *ast.BlockStmt, label string) bool {
	if len(block.List) == 0 {
		return false
	}
	switch s := block.List[len(block.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.BREAK && (s.Label == nil || s.Label.Name == label)
	}
	return false
}

// disjuncts splits a || chain.
func disjuncts(e ast.Expr) []ast.Expr {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.LOR {
		return append(disjuncts(b.X), disjuncts(b.Y)...)
	}
	return []ast.Expr{e}
}

// callsFuncParam reports whether body calls one of the function's
// func-typed parameters: a retry helper (Run(fn)), used by callers that
// set its count where they call it, and so opt in there.
func (w *walk) callsFuncParam(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if _, isParam := w.params[objOf(w.info, call.Fun)]; isParam {
				found = true
			}
		}
		return !found
	})
	return found
}

func (w *walk) isLoopVar(l loop, e ast.Expr) bool {
	obj := objOf(w.info, e)
	for _, v := range l.loopVars {
		if obj != nil && v == obj {
			return true
		}
	}
	return false
}

// boundField returns the field of this package's struct that bound is
// read from: the field itself (c.maxRetries), plus or minus a constant
// (c.retries+1), or a local variable of the enclosing function whose every
// definition is that field (n := c.retries). A local with another
// definition (`if n == 0 { n = 3 }`) is not a field's default.
func (w *walk) boundField(fs *ast.ForStmt, bound ast.Expr) *types.Var {
	bound = ast.Unparen(bound)
	if b, ok := bound.(*ast.BinaryExpr); ok && (b.Op == token.ADD || b.Op == token.SUB) {
		if _, isConst := w.intConst(b.Y); !isConst {
			return nil
		}
		bound = ast.Unparen(b.X)
	}
	v, ok := objOf(w.info, bound).(*types.Var)
	if !ok {
		return nil
	}
	if v.IsField() {
		if v.Pkg() != w.f.pass.Pkg {
			return nil
		}
		return v
	}
	if w.decl == nil || v.Pos() < w.decl.Pos() || v.Pos() > w.decl.End() || v.Pos() > fs.Pos() {
		return nil
	}
	defs, addressed := astpath.Definitions(w.info, w.decl.Body, v)
	if addressed || len(defs) == 0 {
		return nil
	}
	var field *types.Var
	for _, d := range defs {
		if d.Rhs == nil || d.Tuple {
			return nil
		}
		f, ok := objOf(w.info, d.Rhs).(*types.Var)
		if !ok || !f.IsField() || f.Pkg() != w.f.pass.Pkg || (field != nil && f != field) {
			return nil
		}
		field = f
	}
	return field
}

// positiveField reports whether the package may give field a positive
// value of its own: an assignment or a struct literal entry whose value is
// a positive constant or a local variable defined as one, a `default:"N"`
// tag, or its address taken (flag.IntVar(&c.retries, "retries", 3, …)).
// A parameter of a function without a receiver (a constructor,
// New(doer, retries int)) counts too: every user must choose the count,
// and they choose one to retry. A copy of another field of the package is
// judged by that field, one of another package's struct counts (its
// defaults may be set there). Values from option closures and setters
// are the user's optional configuration.
func (f *Finder) positiveField(field *types.Var) bool {
	if f.positiveFields == nil {
		f.positiveFields = map[*types.Var]bool{}
	}
	if known, ok := f.positiveFields[field]; ok {
		return known
	}
	f.positiveFields[field] = false // a cycle of fields copying each other adds nothing
	found := f.positiveTag(field)
	w := &walk{f: f, info: f.info}
	var visit func(n ast.Node, ctor map[types.Object]bool)
	visit = func(root ast.Node, ctor map[types.Object]bool) {
		ast.Inspect(root, func(n ast.Node) bool {
			if lit, isLit := n.(*ast.FuncLit); isLit && n != root {
				visit(lit, nil) // an option closure runs only if the user passes it
				return false
			}
			found = found || f.setsPositive(w, n, field, ctor)
			return !found
		})
	}
	for _, file := range f.pass.Files {
		for _, decl := range file.Decls {
			if !found {
				visit(decl, constructorParams(f.info, decl))
			}
		}
	}
	f.positiveFields[field] = found
	return found
}

// constructorParams returns the parameters of decl when it is a function
// without a receiver.
func constructorParams(info *types.Info, decl ast.Decl) map[types.Object]bool {
	fd, ok := decl.(*ast.FuncDecl)
	if !ok || fd.Recv != nil {
		return nil
	}
	params := map[types.Object]bool{}
	for _, fl := range fd.Type.Params.List {
		for _, name := range fl.Names {
			params[info.Defs[name]] = true
		}
	}
	return params
}

// setsPositive reports whether node n gives field a positive value (or a
// constructor's parameter) or takes its address.
func (f *Finder) setsPositive(w *walk, n ast.Node, field *types.Var, ctor map[types.Object]bool) bool {
	value := func(e ast.Expr) bool {
		src := objOf(f.info, e)
		if v, ok := src.(*types.Var); ok && v.IsField() {
			// Copied from an options struct: this package's is judged
			// like the bound; another package's may have its defaults
			// there, unseen.
			return v.Pkg() != f.pass.Pkg || f.positiveField(v)
		}
		return w.positiveValue(e) || ctor[src]
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		for i, lhs := range n.Lhs {
			if objOf(f.info, lhs) == field && len(n.Rhs) == len(n.Lhs) && value(n.Rhs[i]) {
				return true
			}
		}
	case *ast.KeyValueExpr:
		if id, ok := n.Key.(*ast.Ident); ok && f.info.ObjectOf(id) == field {
			return value(n.Value)
		}
	case *ast.UnaryExpr:
		return n.Op == token.AND && objOf(f.info, n.X) == field
	}
	return false
}

func (w *walk) positiveValue(e ast.Expr) bool {
	return positiveInt(w.info.Types[e]) || w.positiveDefault(e)
}

// positiveTag reports whether the field's struct tag declares a positive
// default (`default:"3"`, as config loaders read it).
func (f *Finder) positiveTag(field *types.Var) bool {
	for _, file := range f.pass.Files {
		found := false
		ast.Inspect(file, func(n ast.Node) bool {
			st, ok := n.(*ast.StructType)
			if !ok || found {
				return !found
			}
			for _, fl := range st.Fields.List {
				for _, name := range fl.Names {
					if f.info.Defs[name] == field && fl.Tag != nil {
						tag, err := strconv.Unquote(fl.Tag.Value)
						n, convErr := strconv.Atoi(reflect.StructTag(tag).Get("default"))
						found = err == nil && convErr == nil && n > 0
					}
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}
