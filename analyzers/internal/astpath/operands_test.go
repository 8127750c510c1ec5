package astpath

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"
)

func TestOperands(t *testing.T) {
	tests := []struct {
		expr string
		op   token.Token
		want []string
	}{
		{"a && b && c", token.LAND, []string{"a", "b", "c"}},
		{"a && (b || c)", token.LAND, []string{"a", "(b || c)"}},
		{"(a || b) || c", token.LOR, []string{"a", "b", "c"}},
		{"a || b && c", token.LAND, []string{"a || b && c"}},
		{"x", token.LOR, []string{"x"}},
	}
	for _, tt := range tests {
		e, err := parser.ParseExpr(tt.expr)
		if err != nil {
			t.Fatalf("%s: %v", tt.expr, err)
		}
		var got []string
		for _, o := range Operands(e, tt.op) {
			got = append(got, exprString(o))
		}
		if len(got) != len(tt.want) {
			t.Errorf("Operands(%s, %s) = %q, want %q", tt.expr, tt.op, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Operands(%s, %s) = %q, want %q", tt.expr, tt.op, got, tt.want)
				break
			}
		}
	}
}

func exprString(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.ParenExpr:
		return "(" + exprString(e.X) + ")"
	case *ast.BinaryExpr:
		return exprString(e.X) + " " + e.Op.String() + " " + exprString(e.Y)
	}
	return "?"
}
