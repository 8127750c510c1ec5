package astpath

import (
	"go/ast"
	"go/parser"
	"testing"
)

func TestLitField(t *testing.T) {
	tests := []struct {
		expr, field, want string
	}{
		{`T{A: 1, B: f}`, "B", "f"},
		{`&url.URL{Scheme: "http", Path: p}`, "Path", "p"},
		{`T{A: 1}`, "B", ""},
		{`T{1, 2}`, "A", ""}, // positional: no names to match
		{`newT()`, "A", ""},
	}
	for _, tt := range tests {
		e, err := parser.ParseExpr(tt.expr)
		if err != nil {
			t.Fatalf("parse %q: %v", tt.expr, err)
		}
		got := ""
		if v, ok := LitField(e, tt.field).(*ast.Ident); ok {
			got = v.Name
		}
		if got != tt.want {
			t.Errorf("LitField(%s, %s) = %q, want %q", tt.expr, tt.field, got, tt.want)
		}
	}
}
