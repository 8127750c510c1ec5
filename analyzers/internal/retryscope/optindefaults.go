package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// Whether a package gives a retry count field a positive value of its own
// (then the loop it bounds retries by default) or leaves it to the user's
// optional configuration (then the retry is opt-in).

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
	found := f.fieldSetIndex().tags[field]
	w := &walk{f: f, info: f.info}
	for _, s := range f.fieldSetIndex().sets[field] {
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

// fieldSetIndex returns the package's fieldSets, built on first use.
func (f *Finder) fieldSetIndex() *fieldSets {
	if f.fieldSets == nil {
		f.fieldSets = f.indexFieldSets()
	}
	return f.fieldSets
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
