package mutation

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// lookupVerbs start the names of calls that read whether a thing exists:
// the first half of a check-before-create.
var lookupVerbs = []string{"Get", "Lookup", "Find", "Describe", "Head", "Exists", "Fetch", "Load", "Read", "Has"}

// checkedBeforeCreate reports create-if-missing written as a lookup first:
//
//	if _, err := c.ns.Get(ctx, name); err == nil {
//		return nil // already there
//	}
//	_, err := c.ns.Create(ctx, &Namespace{Name: name})
//
// A retry that follows a lost response finds the object and stops, so the
// write happens once. It needs a lookup call before the write, in scope,
// that names the same thing (it shares an identifier argument other than a
// context with the write's arguments: the fixed name; or it asks the same
// receiver the write goes through), and whose result is
// tested by an if statement that either returns when the thing is found
// or guards the write with "not found".
func (c *Classifier) checkedBeforeCreate(call *ast.CallExpr, scope ast.Node) bool {
	if !isCreateName(astpath.CalleeName(call)) {
		return false
	}
	names := c.argNames(call)
	found := false
	ast.Inspect(scope, func(n ast.Node) bool {
		if found {
			return false
		}
		look, ok := n.(*ast.CallExpr)
		if !ok || look.End() > call.Pos() || !isLookupName(astpath.CalleeName(look)) || !c.sharesName(look, names) && !c.sameReceiver(look, call) {
			return true
		}
		found = c.resultTestedBefore(look, call, scope)
		return !found
	})
	return found
}

// isCreateName: only creations (an upload of a blob or image included)
// have a thing to find first; a charge or a send looked up beforehand is
// still repeated.
func isCreateName(name string) bool {
	name = upperFirst(name) // createVersionTable as well as CreateVersionTable
	for _, v := range []string{"Create", "Register", "Insert", "Add", "Upload", "Initiate", "Push"} {
		if rest, ok := strings.CutPrefix(name, v); ok && (rest == "" || rest[0] >= 'A' && rest[0] <= 'Z') {
			return true
		}
	}
	return false
}

func isLookupName(name string) bool {
	name = upperFirst(name)
	if strings.HasSuffix(name, "Exists") || strings.HasSuffix(name, "Exist") || strings.Contains(name, "Existing") {
		return true // TableExists, BucketExist, checkExistingBlob
	}
	for _, v := range lookupVerbs {
		if rest, ok := strings.CutPrefix(name, v); ok && (rest == "" || rest[0] >= 'A' && rest[0] <= 'Z') {
			return true
		}
	}
	return false
}

// sameReceiver reports whether two method calls go through the same
// receiver expression (p.store.GetMigration … p.store.CreateVersionTable):
// the lookup asks the very store the write then writes to.
func (c *Classifier) sameReceiver(a, b *ast.CallExpr) bool {
	sa, ok1 := ast.Unparen(a.Fun).(*ast.SelectorExpr)
	sb, ok2 := ast.Unparen(b.Fun).(*ast.SelectorExpr)
	if !ok1 || !ok2 {
		return false
	}
	if id, ok := ast.Unparen(sa.X).(*ast.Ident); ok {
		if _, isPkg := c.info.Uses[id].(*types.PkgName); isPkg {
			return false // two functions of one package share no receiver
		}
	}
	return types.ExprString(sa.X) == types.ExprString(sb.X)
}

// argNames collects the variables named anywhere in the call's arguments
// (inside composite literals and address-of too), except contexts.
func (c *Classifier) argNames(call *ast.CallExpr) map[types.Object]bool {
	names := map[types.Object]bool{}
	for _, arg := range call.Args {
		ast.Inspect(arg, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			if v, ok := c.info.Uses[id].(*types.Var); ok && !v.IsField() && !isContext(v.Type()) {
				names[v] = true
			}
			return true
		})
	}
	return names
}

func (c *Classifier) sharesName(look *ast.CallExpr, names map[types.Object]bool) bool {
	for obj := range c.argNames(look) {
		if names[obj] {
			return true
		}
	}
	return false
}

// resultTestedBefore reports whether the lookup's result decides, before
// the write, that the thing exists (an if between the two whose condition
// says "found" and whose body returns) or that it is missing (an if
// around the write whose condition says "not found").
func (c *Classifier) resultTestedBefore(look, write *ast.CallExpr, scope ast.Node) bool {
	results := c.resultVars(look, scope)
	if len(results) == 0 {
		return false
	}
	tested := false
	ast.Inspect(scope, func(n ast.Node) bool {
		ifs, ok := n.(*ast.IfStmt)
		if !ok || tested {
			return !tested
		}
		between := ifs.End() > look.End() && ifs.End() <= write.Pos() // the lookup may sit in its Init
		encloses := ifs.Body.Pos() <= write.Pos() && write.End() <= ifs.Body.End()
		switch {
		case between && c.saysFound(ifs.Cond, results) && returns(ifs.Body):
			tested = true
		case encloses && c.saysMissing(ifs.Cond, results):
			tested = true
		}
		return !tested
	})
	return tested
}

// saysFound: err == nil, obj != nil, or a true boolean result (exists, ok),
// alone or in a conjunction (err == nil && res != nil).
func (c *Classifier) saysFound(cond ast.Expr, results map[*types.Var]bool) bool {
	switch e := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		if e.Op == token.LAND {
			return c.saysFound(e.X, results) || c.saysFound(e.Y, results)
		}
		v, isNil := c.comparedWithNil(e, results)
		if v == nil || !isNil {
			return false
		}
		isErr := isErrorType(v.Type())
		return e.Op == token.EQL && isErr || e.Op == token.NEQ && !isErr
	case *ast.Ident:
		v, ok := c.info.Uses[e].(*types.Var)
		return ok && results[v] && isBool(v.Type())
	}
	return false
}

// saysMissing: IsNotFound(err), errors.Is(err, ErrNotFound), obj == nil,
// !exists, or a 404 status, alone or in a conjunction (err != nil &&
// IsNotFound(err)): a conjunction holds only when each part does, so one
// part saying "missing" is enough.
func (c *Classifier) saysMissing(cond ast.Expr, results map[*types.Var]bool) bool {
	switch e := ast.Unparen(cond).(type) {
	case *ast.CallExpr:
		if !c.mentions(e, results) {
			return false
		}
		name := astpath.CalleeName(e)
		if strings.Contains(name, "NotFound") || strings.Contains(name, "NotExist") {
			return true
		}
		return name == "Is" && len(e.Args) == 2 && notFoundName(e.Args[1])
	case *ast.BinaryExpr:
		if e.Op == token.LAND {
			return c.saysMissing(e.X, results) || c.saysMissing(e.Y, results)
		}
		if v, isNil := c.comparedWithNil(e, results); v != nil && isNil {
			isErr := isErrorType(v.Type())
			return e.Op == token.EQL && !isErr
		}
		if e.Op == token.EQL && c.mentions(e, results) {
			for _, side := range []ast.Expr{e.X, e.Y} {
				if tv := c.info.Types[side]; tv.Value != nil && tv.Value.String() == "404" {
					return true
				}
			}
		}
	case *ast.UnaryExpr:
		if id, ok := ast.Unparen(e.X).(*ast.Ident); ok && e.Op == token.NOT {
			v, ok := c.info.Uses[id].(*types.Var)
			return ok && results[v] && isBool(v.Type())
		}
	}
	return false
}

// comparedWithNil returns the result variable compared in `v == nil` or
// `v != nil`.
func (c *Classifier) comparedWithNil(e *ast.BinaryExpr, results map[*types.Var]bool) (*types.Var, bool) {
	if e.Op != token.EQL && e.Op != token.NEQ {
		return nil, false
	}
	for _, pair := range [][2]ast.Expr{{e.X, e.Y}, {e.Y, e.X}} {
		id, ok := ast.Unparen(pair[0]).(*ast.Ident)
		if !ok {
			continue
		}
		if v, ok := c.info.Uses[id].(*types.Var); ok && results[v] && c.isNil(pair[1]) {
			return v, true
		}
	}
	return nil, false
}

// isNil: the predeclared nil (go/types gives a nil compared with a typed
// operand that operand's type, so TypeAndValue.IsNil does not say).
func (c *Classifier) isNil(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && c.info.Uses[id] == types.Universe.Lookup("nil")
}

func notFoundName(e ast.Expr) bool {
	var name string
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		name = x.Name
	case *ast.SelectorExpr:
		name = x.Sel.Name
	}
	return strings.Contains(name, "NotFound") || strings.Contains(name, "NotExist") || strings.Contains(name, "NoRows")
}

func returns(body *ast.BlockStmt) bool {
	for _, st := range body.List {
		if _, ok := st.(*ast.ReturnStmt); ok {
			return true
		}
	}
	return false
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// mentions reports whether e uses one of vars.
func (c *Classifier) mentions(e ast.Expr, vars map[*types.Var]bool) bool {
	hit := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := c.info.Uses[id].(*types.Var); ok && vars[v] {
				hit = true
			}
		}
		return !hit
	})
	return hit
}

func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
