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
			if f := w.countdownField(fs, l, cmp); f != nil {
				return f
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
// func-typed parameters, or a func-typed field of its receiver: a retry
// helper (Run(fn), ex.Execute()), used by callers that set its count where
// they call it, and so opt in there.
func (w *walk) callsFuncParam(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if _, isParam := w.params[objOf(w.info, call.Fun)]; isParam || w.recvFuncField(call) != "" {
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
		f.fieldSets = f.indexFieldSets()
	}
	if known, ok := f.positiveFields[field]; ok {
		return known
	}
	f.positiveFields[field] = false // a cycle of fields copying each other adds nothing
	found := f.fieldSets.tags[field]
	w := &walk{f: f, info: f.info}
	for _, s := range f.fieldSets.sets[field] {
		if found {
			break
		}
		found = s.value == nil || f.positiveSource(w, s.value, s.ctor)
	}
	f.positiveFields[field] = found
	return found
}

// fieldSets indexes, in one walk of the package, where each field is
// given a value or has its address taken, and the fields whose struct tag
// declares a positive default.
type fieldSets struct {
	sets map[*types.Var][]fieldSet
	tags map[*types.Var]bool
}

// fieldSet is one value given to a field (value nil: its address is
// taken), with the parameters of the constructor it is written in (nil in
// a method, or in a function literal: an option closure runs only if the
// user passes it).
type fieldSet struct {
	value ast.Expr
	ctor  map[types.Object]bool
}

func (f *Finder) indexFieldSets() *fieldSets {
	fs := &fieldSets{sets: map[*types.Var][]fieldSet{}, tags: map[*types.Var]bool{}}
	var visit func(root ast.Node, ctor map[types.Object]bool)
	visit = func(root ast.Node, ctor map[types.Object]bool) {
		ast.Inspect(root, func(n ast.Node) bool {
			if lit, isLit := n.(*ast.FuncLit); isLit && n != root {
				visit(lit, nil)
				return false
			}
			f.recordFieldSet(fs, n, ctor)
			return true
		})
	}
	for _, file := range f.pass.Files {
		if astpath.InTestFile(f.pass.Fset, file.Pos()) {
			continue // a test's settings (WithRetry(3) against a test server) are not what the package ships
		}
		for _, decl := range file.Decls {
			visit(decl, constructorParams(f.info, decl))
		}
	}
	return fs
}

// recordFieldSet records what node n gives a field: an assignment, a
// keyed literal element, &x.field, a struct field's default tag.
func (f *Finder) recordFieldSet(fs *fieldSets, n ast.Node, ctor map[types.Object]bool) {
	field := func(e ast.Expr) *types.Var {
		v, _ := objOf(f.info, e).(*types.Var)
		if v == nil || !v.IsField() {
			return nil
		}
		return v
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		if len(n.Rhs) != len(n.Lhs) {
			return
		}
		for i, lhs := range n.Lhs {
			if v := field(lhs); v != nil {
				fs.sets[v] = append(fs.sets[v], fieldSet{value: n.Rhs[i], ctor: ctor})
			}
		}
	case *ast.KeyValueExpr:
		if id, ok := n.Key.(*ast.Ident); ok {
			if v := field(id); v != nil {
				fs.sets[v] = append(fs.sets[v], fieldSet{value: n.Value, ctor: ctor})
			}
		}
	case *ast.UnaryExpr:
		if v := field(n.X); v != nil && n.Op == token.AND {
			fs.sets[v] = append(fs.sets[v], fieldSet{})
		}
	case *ast.Field:
		if n.Tag == nil {
			return
		}
		tag, err := strconv.Unquote(n.Tag.Value)
		d, convErr := strconv.Atoi(reflect.StructTag(tag).Get("default"))
		if err != nil || convErr != nil || d <= 0 {
			return
		}
		for _, name := range n.Names {
			if v, ok := f.info.Defs[name].(*types.Var); ok {
				fs.tags[v] = true
			}
		}
	}
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

// positiveSource reports whether a value given to a field is positive (or
// a constructor's parameter). Copied from an options struct: this
// package's is judged like the bound; another package's may have its
// defaults there, unseen.
func (f *Finder) positiveSource(w *walk, e ast.Expr, ctor map[types.Object]bool) bool {
	src := objOf(f.info, e)
	if v, ok := src.(*types.Var); ok && v.IsField() {
		return v.Pkg() != f.pass.Pkg || f.positiveField(v)
	}
	return w.positiveValue(e) || ctor[src]
}

func (w *walk) positiveValue(e ast.Expr) bool {
	return positiveInt(w.info.Types[e]) || w.positiveDefault(e)
}

// countdownField returns the count field behind an exit test on attempts
// left, `if retries <= 1 { return err }`, where retries is a local copied
// from the field before the loop (`retries := c.retries`) and only counted
// down in it (retries--): with the field at zero the loop sends once.
func (w *walk) countdownField(fs *ast.ForStmt, l loop, cmp *ast.BinaryExpr) *types.Var {
	if k, ok := w.intConst(cmp.Y); !ok || k > 1 || (cmp.Op != token.LEQ && cmp.Op != token.LSS && cmp.Op != token.EQL) {
		return nil
	}
	v, ok := objOf(w.info, cmp.X).(*types.Var)
	if !ok || v.IsField() || w.decl == nil || v.Pos() < w.decl.Pos() || v.Pos() > fs.Pos() {
		return nil
	}
	defs, addressed := astpath.Definitions(w.info, w.decl.Body, v)
	if addressed {
		return nil
	}
	var field *types.Var
	for _, d := range defs {
		inLoop := d.Pos >= l.body.Pos() && d.Pos < l.body.End()
		switch {
		case inLoop && d.Rhs == nil:
			// retries-- (Definitions gives a decrement no value)
		case !inLoop && d.Rhs != nil && !d.Tuple && field == nil:
			f, ok := objOf(w.info, d.Rhs).(*types.Var)
			if !ok || !f.IsField() || f.Pkg() != w.f.pass.Pkg {
				return nil
			}
			field = f
		default:
			return nil
		}
	}
	if field == nil || !w.countsDown(l.body, v) {
		return nil
	}
	return field
}

// countsDown reports whether body decrements v (v--), and never
// increments it.
func (w *walk) countsDown(body *ast.BlockStmt, v *types.Var) bool {
	down, up := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		if inc, ok := n.(*ast.IncDecStmt); ok && objOf(w.info, inc.X) == v {
			down = down || inc.Tok == token.DEC
			up = up || inc.Tok == token.INC
		}
		return true
	})
	return down && !up
}
