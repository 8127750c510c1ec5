package astpath

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// leavesForTest: a block ending in return, break or continue leaves.
func leavesForTest(st ast.Stmt) bool {
	if b, ok := st.(*ast.BlockStmt); ok {
		if len(b.List) == 0 {
			return false
		}
		st = b.List[len(b.List)-1]
	}
	switch st.(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	}
	return false
}

// describe renders conditions compactly: "x", "!x", "switch[1 clauses]".
func describe(conds []Cond) string {
	var parts []string
	for _, c := range conds {
		switch {
		case c.Expr != nil && c.Truth:
			parts = append(parts, types.ExprString(c.Expr))
		case c.Expr != nil:
			parts = append(parts, "!"+types.ExprString(c.Expr))
		default:
			var names []string
			for _, cc := range c.Clauses {
				if cc == nil {
					names = append(names, "implicit")
				} else if cc.List == nil {
					names = append(names, "default")
				} else {
					names = append(names, types.ExprString(cc.List[0]))
				}
			}
			parts = append(parts, "case("+strings.Join(names, ",")+")")
		}
		if c.Left != nil {
			parts[len(parts)-1] += "^"
		}
	}
	return strings.Join(parts, " ")
}

func TestConditions(t *testing.T) {
	tests := []struct {
		name string
		body string // the body of f; the target is the call target()
		want string
	}{
		{"enclosing branches", `if a { if !b { target() } }`, "a !b"},
		{"else branch", `if a { x() } else { target() }`, "!a"},
		{"earlier if that leaves", `if err != nil { return }; target()`, "!err != nil^"},
		{"earlier else that leaves", `if ok { x() } else { return }; target()`, "ok^"},
		{"an if whose branches both fall through says nothing", `if a { x() }; target()`, ""},
		{"enclosing case", `switch s { case 429: target() }`, "case(429)"},
		{"enclosing type case", `switch err.(type) { case *E: target() }`, "case(*E)"},
		{"passage past a switch", `switch s { case 500: return; case 429: x() }; target()`, "case(429,implicit)"},
		{"passage with a default that leaves", `switch s { case 429: x(); default: return }; target()`, "case(429)"},
		{"select clause", `for { select { case <-c: if done { return }; target() } }`, "!done^"},
		{"not inside a func literal's conditions", `if a { f := func() { if b { return } }; _ = f; target() }`, "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file, err := parser.ParseFile(token.NewFileSet(), "p.go", "package p\nfunc f() {\n"+tt.body+"\n}", 0)
			if err != nil {
				t.Fatal(err)
			}
			body := file.Decls[0].(*ast.FuncDecl).Body
			var got *string
			Walk(body, func(n ast.Node, path []ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok && CalleeName(call) == "target" {
					s := describe(Conditions(path, leavesForTest))
					got = &s
				}
				return true
			})
			if got == nil {
				t.Fatal("target() not found")
			}
			if *got != tt.want {
				t.Errorf("conditions = %q, want %q", *got, tt.want)
			}
		})
	}
}

func TestCallee(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{"f(x)", "f"},
		{"c.http.Do(req)", "Do"},
		{"(pkg.F)(x)", "F"},
		{"func() {}()", ""},
		{"handlers[0](x)", ""},
	}
	for _, tt := range tests {
		e, err := parser.ParseExpr(tt.src)
		if err != nil {
			t.Fatal(err)
		}
		call := e.(*ast.CallExpr)
		if got := CalleeName(call); got != tt.want {
			t.Errorf("CalleeName(%s) = %q, want %q", tt.src, got, tt.want)
		}
		if id := CalleeIdent(call); (id == nil) != (tt.want == "") {
			t.Errorf("CalleeIdent(%s) = %v", tt.src, id)
		}
	}
}
