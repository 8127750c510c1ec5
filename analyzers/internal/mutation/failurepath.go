package mutation

import (
	"go/ast"
	"go/token"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// A write made only on the way out of a failure — a clean-up request sent
// when a subscribe request timed out, a rollback — is part of reporting
// that failure: the function returns the error after it. A caller that
// retries the function after that error repeats the clean-up, not a
// write that succeeded, so such a write is not the function's Op.

// onFailurePath reports whether call is inside the body of an
// `if err != nil { …; return …, err }` of decl: a branch taken on an
// error that ends by returning a non-nil error.
func (c *Classifier) onFailurePath(call *ast.CallExpr, decl *ast.FuncDecl) bool {
	found := false
	astpath.Walk(decl.Body, func(n ast.Node, path []ast.Node) bool {
		if found {
			return false
		}
		if n != call {
			return true
		}
		for i := len(path) - 2; i >= 0; i-- {
			ifs, ok := path[i].(*ast.IfStmt)
			if ok && path[i+1] == ifs.Body && c.testsError(ifs.Cond) && c.returnsError(ifs.Body) {
				found = true
				break
			}
		}
		return false
	})
	return found
}

// testsError reports whether cond is `x != nil` for an error x.
func (c *Classifier) testsError(cond ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return false
	}
	for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
		if isNilIdent(pair[1]) && c.info.TypeOf(pair[0]) != nil && isErrorType(c.info.TypeOf(pair[0])) {
			return true
		}
	}
	return false
}

// returnsError reports whether block ends in a return whose last result
// is an error that is not the literal nil.
func (c *Classifier) returnsError(block *ast.BlockStmt) bool {
	if len(block.List) == 0 {
		return false
	}
	ret, ok := block.List[len(block.List)-1].(*ast.ReturnStmt)
	if !ok || len(ret.Results) == 0 {
		return false
	}
	last := ret.Results[len(ret.Results)-1]
	t := c.info.TypeOf(last)
	return !isNilIdent(last) && t != nil && isErrorType(t)
}

func isNilIdent(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "nil"
}
