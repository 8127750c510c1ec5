package astpath

import "go/ast"

// EnclosingStmt finds, for a path from Walk (the node last), the innermost
// statement list on it (a block's or a case or select clause's) that holds
// a statement of the path. It returns the list, that statement's index in
// it, and the index in path of the block or clause; a nil list when a
// function literal comes first or there is none.
func EnclosingStmt(path []ast.Node) (list []ast.Stmt, i, at int) {
	for j := len(path) - 2; j >= 0; j-- {
		var l []ast.Stmt
		switch b := path[j].(type) {
		case *ast.BlockStmt:
			l = b.List
		case *ast.CaseClause:
			l = b.Body
		case *ast.CommClause:
			l = b.Body
		case *ast.FuncLit:
			return nil, 0, 0
		default:
			continue
		}
		for i, st := range l {
			if st == path[j+1] {
				return l, i, j
			}
		}
		return nil, 0, 0
	}
	return nil, 0, 0
}

// OnlyResult returns the value body returns when its last statement is
// its only return statement (those of function literals aside) and gives
// one value — a builder whose whole work ends in `return x` — else nil.
func OnlyResult(body *ast.BlockStmt) ast.Expr {
	if body == nil || len(body.List) == 0 || countReturns(body) != 1 {
		return nil
	}
	ret, ok := body.List[len(body.List)-1].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil
	}
	return ret.Results[0]
}

// countReturns counts the return statements of body, not those of the
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
