package resend

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// TestLeftBefore: a send on an error path that returns cannot be followed
// by a send outside that path; anything that may fall through, break out
// or hold both sends keeps the pair.
func TestLeftBefore(t *testing.T) {
	tests := []struct {
		name, body string
		want       bool
	}{
		{"two returning error paths", `
	if a() != nil { if send() != nil { return }; return }
	if b() != nil { if send() != nil { return }; return }`, true},
		{"a panic ends the path", `
	if a() != nil { send(); panic("x") }
	send()`, true},
		{"straight line", `
	send()
	send()`, false},
		{"the path falls through", `
	if a() != nil { send() }
	send()`, false},
		{"a break jumps past the return", `
	for { if a() != nil { send(); if b() != nil { break }; return } }
	send()`, false},
		{"one block holds both", `
	if a() != nil { send(); send(); return }`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "package p\nfunc a() error\nfunc b() error\nfunc send() error\nfunc f() {" + tt.body + "\n}\n"
			file, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
			if err != nil {
				t.Fatal(err)
			}
			var sends []send
			astpath.Walk(file, func(n ast.Node, path []ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "send" {
						sends = append(sends, send{call: call, path: append([]ast.Node(nil), path...)})
					}
				}
				return true
			})
			if len(sends) != 2 {
				t.Fatalf("%d sends in the snippet, want 2", len(sends))
			}
			if got := leftBefore(sends[0], sends[1]); got != tt.want {
				t.Errorf("leftBefore = %v, want %v", got, tt.want)
			}
		})
	}
}
