package retryscope

import (
	"go/ast"
	"go/token"
)

// A goto loop is a label followed by statements that jump back to it:
//
//	retries := 1
//	retry:
//		req, err := http.NewRequestWithContext(ctx, "POST", url, body)
//		…
//		resp, err := client.Do(req)
//		if err != nil {
//			if retries > 0 {
//				retries--
//				goto retry
//			}
//			return nil, err
//		}
//
// It is judged as a for loop whose body is the labeled statement and the
// rest of its list, where `goto retry` goes round and running off the end
// goes on past the loop.

// gotoLoops judges each labeled statement of list that a later goto
// (inside the same list, since Go forbids jumping into a block) targets.
func (w *walk) gotoLoops(list []ast.Stmt) {
	for i, st := range list {
		ls, ok := st.(*ast.LabeledStmt)
		if !ok || !jumpsBack(list[i:], ls.Label.Name) {
			continue
		}
		body := append([]ast.Stmt{ls.Stmt}, list[i+1:]...)
		w.loop(loop{
			stmt:    ls,
			body:    &ast.BlockStmt{Lbrace: ls.Pos(), List: body, Rbrace: body[len(body)-1].End()},
			label:   ls.Label.Name,
			viaGoto: true,
		})
	}
}

// jumpsBack reports whether list holds a goto to label, outside func
// literals (where the label is not in scope).
func jumpsBack(list []ast.Stmt, label string) bool {
	found := false
	for _, st := range list {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.BranchStmt:
				found = found || n.Tok == token.GOTO && n.Label != nil && n.Label.Name == label
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}
