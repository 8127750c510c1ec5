package astpath

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"
)

func TestWalk(t *testing.T) {
	src := `package p
func f() {
	if x {
		g()
	}
	h(func() { inner() })
	for {
		k()
	}
}`
	file, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	body := file.Decls[0].(*ast.FuncDecl).Body
	depth := map[string]int{}
	Walk(body, func(n ast.Node, path []ast.Node) bool {
		if path[0] != body || path[len(path)-1] != n {
			t.Fatalf("path %v does not run from the body to the node", path)
		}
		if call, ok := n.(*ast.CallExpr); ok {
			depth[call.Fun.(*ast.Ident).Name] = len(path)
		}
		_, isFor := n.(*ast.ForStmt)
		return !isFor // the loop's children are not walked
	})
	// body > if > block > expr stmt > call.
	if depth["g"] != 5 || depth["h"] != 3 {
		t.Errorf("depths = %v", depth)
	}
	if _, ok := depth["inner"]; ok {
		t.Error("walked into a function literal")
	}
	if _, ok := depth["k"]; ok {
		t.Error("walked below a node whose visit returned false")
	}
}
