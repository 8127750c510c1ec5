package model

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// TestMayMatter checks the declaration-level part of the skip test: a
// declaration that could carry a fact whatever it calls keeps the package
// from being skipped.
func TestMayMatter(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want bool
	}{
		{"plain function", "func F(x int, s string) error { return nil }", false},
		{"method with plain parameters", "type T struct{}\nfunc (T) F(n int) {}", false},
		{"func parameter", "func F(f func() error) {}", true},
		{"named func type", "type Op func() error\nfunc F(o Op) {}", true},
		{"type parameter", "func F[T any](t T) {}", true},
		{"variadic funcs", "func F(fs ...func()) {}", true},
		{"directive", "//twice:idempotent\nfunc F() {}", true},
		{"request result", "type Request struct{}\nfunc F() (*Request, error) { return nil, nil }", true},
		{"other doc comment", "// F does nothing twice.\nfunc F() {}", false},
	}
	for _, tt := range tests {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", "package p\n"+tt.src, parser.ParseComments)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		info := &types.Info{Defs: map[*ast.Ident]types.Object{}}
		if _, err := new(types.Config).Check("p", fset, []*ast.File{f}, info); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var decl *ast.FuncDecl
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "F" {
				decl = fd
			}
		}
		if got := mayMatter(info.Defs[decl.Name].(*types.Func), decl); got != tt.want {
			t.Errorf("%s: mayMatter = %v, want %v", tt.name, got, tt.want)
		}
	}
}
