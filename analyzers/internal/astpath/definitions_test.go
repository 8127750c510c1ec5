package astpath

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// TestDefinitions lists the definitions of the variable v in each body:
// plain and tuple assignments, var declarations with and without a value,
// v++ and a taken address.
func TestDefinitions(t *testing.T) {
	tests := []struct {
		name, body string
		want       string // each definition: kind and value
		addressed  bool
	}{
		{"define", `v := 1; _ = v`, "plain 1", false},
		{"tuple", `v, err := two(); _, _ = v, err`, "tuple[0] two()", false},
		{"second of tuple", `err, v := two(); _, _ = v, err`, "tuple[1] two()", false},
		{"var without value then assigned", `var v int; v = 3; _ = v`, "spec -; plain 3", false},
		{"var with value, increment", `var v = 2; v++; _ = v`, "spec 2; incdec -", false},
		{"address taken", `v := 1; p := &v; _ = p`, "plain 1", true},
		{"in a func literal", `v := 1; f := func() { v = 4 }; f(); _ = v`, "plain 1; plain 4", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "package p\nfunc two() (int, int) { return 1, 2 }\nfunc f() {\n" + tt.body + "\n}\n"
			fset := token.NewFileSet()
			file, err := parser.ParseFile(fset, "p.go", src, 0)
			if err != nil {
				t.Fatal(err)
			}
			info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
			if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{file}, info); err != nil {
				t.Fatal(err)
			}
			var v *types.Var
			for id, obj := range info.Defs {
				if id.Name == "v" {
					v = obj.(*types.Var)
				}
			}
			body := file.Decls[1].(*ast.FuncDecl).Body
			defs, addressed := Definitions(info, body, v)
			var got []string
			for _, d := range defs {
				kind := "plain"
				switch {
				case d.Spec:
					kind = "spec"
				case d.Tuple:
					kind = "tuple[" + string(rune('0'+d.Index)) + "]"
				case d.Rhs == nil:
					kind = "incdec"
				}
				val := "-"
				if d.Rhs != nil {
					val = types.ExprString(d.Rhs)
				}
				got = append(got, kind+" "+val)
			}
			if strings.Join(got, "; ") != tt.want || addressed != tt.addressed {
				t.Errorf("Definitions = %q, addressed %v; want %q, addressed %v", strings.Join(got, "; "), addressed, tt.want, tt.addressed)
			}
			if n := len(WithValues(defs)); n != strings.Count(tt.want, ";")+1-strings.Count(tt.want, " -") {
				t.Errorf("WithValues kept %d", n)
			}
		})
	}
}
