package httpstatus

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

func TestQuotient(t *testing.T) {
	tests := []struct {
		expr    string
		inner   string // the divided expression, printed by its identifier
		divisor int
	}{
		{"code / 100", "code", 100},
		{"(code / 100)", "code", 100},
		{"code / hundred", "code", 100},
		{"code / n", "", 1},   // not a constant: the whole expression
		{"code / 0.5", "", 1}, // not an integer
		{"code * 100", "", 1},
		{"code", "code", 1},
	}
	for _, tt := range tests {
		src := "package p\nconst hundred = 100\nvar code, n int\nvar _ = " + tt.expr + "\n"
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", src, 0)
		if err != nil {
			t.Fatalf("%s: %v", tt.expr, err)
		}
		info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
		if _, err := (&types.Config{Error: func(error) {}}).Check("p", fset, []*ast.File{f}, info); err != nil && tt.divisor != 1 {
			t.Fatalf("%s: %v", tt.expr, err)
		}
		decl := f.Decls[len(f.Decls)-1].(*ast.GenDecl)
		e := decl.Specs[0].(*ast.ValueSpec).Values[0]
		inner, d := Quotient(info, e)
		if d != tt.divisor {
			t.Errorf("%s: divisor %d, want %d", tt.expr, d, tt.divisor)
		}
		if tt.inner == "" {
			if inner != e {
				t.Errorf("%s: not returned whole", tt.expr)
			}
			continue
		}
		if id, ok := inner.(*ast.Ident); !ok || id.Name != tt.inner {
			t.Errorf("%s: inner %T, want %s", tt.expr, inner, tt.inner)
		}
	}
}

// TestClassGates checks the status classes a divided status selects:
// `/100 == 5` is a server failure, `/100 != 5` its complement (which
// includes 2xx: a way out), `/100 == 4` neither.
func TestClassGates(t *testing.T) {
	tests := []struct {
		name string
		op   token.Token
		v    int
		want Test
	}{
		{"/100 == 5", token.EQL, 5, Retry},
		{"/100 == 2", token.EQL, 2, Done},
		{"/100 == 4", token.EQL, 4, Other},
		{"/100 != 2", token.NEQ, 2, Retry},
		{"/100 >= 4", token.GEQ, 4, Retry},
	}
	for _, tt := range tests {
		if got := Classify(WhereScaled(tt.op, tt.v, 100)); got != tt.want {
			t.Errorf("%s: Classify = %d, want %d", tt.name, got, tt.want)
		}
	}
}
