package resend

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// argsPrelude declares what the snippets of TestArgComparer call: send is
// the operation, build a request builder, clone a copy.
const argsPrelude = `package p
import "context"
func do(ctx context.Context, r *Req) error { return nil }
type Req struct{ Path string; Body []byte; Header map[string]string; N int }
type Client struct{ token string }
func send(r *Req) error { return nil }
func (c *Client) create(name string, n int) error { return nil }
func build(path string, body []byte) *Req { return &Req{Path: path, Body: body} }
func (r *Req) clone() *Req { return r }
func uuid() string { return "" }
`

// TestArgComparer compares the first and the last call of send (or of
// c.create) in each snippet.
func TestArgComparer(t *testing.T) {
	tests := []struct {
		name, body string
		want       sameness
	}{
		{"one variable", `func f(r *Req) { send(r); send(r) }`, same},
		{"two parameters", `func f(a, b *Req) { send(a); send(b) }`, different},
		{"same builder twice", `func f(b []byte) { r := build("/a", b); send(r); again := build("/a", b); send(again) }`, same},
		{"builder reassigned", `func f(b []byte) { r := build("/a", b); send(r); r = build("/a", b); send(r) }`, same},
		{"other constant path", `func f(b []byte) { r := build("/a", b); send(r); r2 := build("/b", b); send(r2) }`, different},
		{"other body", `func f(b, u []byte) { send(build("/a", b)); send(build("/a", u)) }`, different},
		{"clone", `func f(r *Req) { send(r); send(r.clone()) }`, undecided},
		{"copy of the variable", `func f(r *Req) { send(r); r2 := r; send(r2) }`, same},
		{"field assigned between", `func f(r *Req) { send(r); r.N = 2; send(r) }`, different},
		{"counter incremented between", `func f(r *Req) { send(r); r.N++; send(r) }`, different},
		{"map element assigned between", `func f(r *Req) { send(r); r.Header["k"] = "x"; send(r) }`, different}, // an http.Header is exempt: fixture buckets, Resize
		{"literal same", `func f() { send(&Req{Path: "/a", N: 1}); send(&Req{Path: "/a", N: 1}) }`, same},
		{"literal other value", `func f() { send(&Req{Path: "/a", N: 1}); send(&Req{Path: "/a", N: 2}) }`, different},
		{"literal other key", `func f() { send(&Req{Path: "/a"}); send(&Req{Body: nil}) }`, different},
		{"receiver state refreshed", `func (c *Client) f(n string) { c.create(n, 1); c.token = "t"; c.create(n, 1) }`, same},
		{"other name", `func (c *Client) f(a, b string) { c.create(a, 1); c.create(b, 1) }`, different},
		{"names from constants", `func (c *Client) f(p string) { a := p + "-x"; c.create(a, 1); b := p + "-y"; c.create(b, 1) }`, different},
		{"names built alike", `func (c *Client) f(p string) { a := p + "-x"; c.create(a, 1); b := p + "-x"; c.create(b, 1) }`, same},
		{"fresh value each time", `func (c *Client) f() { c.create(uuid(), 1); c.create(uuid(), 1) }`, same},
		{"other field of one value", `func f(r *Req, c *Client) { c.create(r.Path, 1); c.create(string(r.Body), 1) }`, undecided},
		{"reassigned, then a field changed", `func f(b []byte) { r := build("/a", b); send(r); r = build("/a", b); r.N = 2; send(r) }`, different},
		{"value of a self-referential definition", `func f(b []byte) { r := build("/a", b); r = r.clone(); send(r); send(r.clone()) }`, undecided},
		{"another context", `func f(ctx context.Context, r *Req) { do(ctx, r); ctx2, cancel := context.WithCancel(ctx); defer cancel(); do(ctx2, r) }`, same},
		{"more variadic values", `func g(q string, a ...int) error { return nil }; func f(q string) { g(q, 1); g(q, 1, 2) }`, different},
		{"two fields", `type P struct{ A, B string }; func f(p P, c *Client) { c.create(p.A, 1); c.create(p.B, 1) }`, different},
		{"receiver pointed at another of its fields", `type S struct{ a, b string }; func (s *S) create(n string, k int) error { return nil }; func (s *S) f(n string) { s.create(n, 1); s.a = s.b; s.create(n, 1) }`, different},
		{"receiver field cleared", `type S struct{ a, b string }; func (s *S) create(n string, k int) error { return nil }; func (s *S) f(n string) { s.create(n, 1); s.a = ""; s.create(n, 1) }`, same},
		{"a constant where a computed value was", `func (c *Client) f(n string, r *Req) { k := r.N; c.create(n, k); c.create(n, 0) }`, different},
		{"a constant where a parameter was", `func (c *Client) f(n string, k int) { c.create(n, k); c.create(n, 0) }`, different},
		{"a variable holding the same constant", `func (c *Client) f(n string) { k := 0; c.create(n, k); c.create(n, 0) }`, same},
		{"a named constant equal to the literal", `const zero = 0; func (c *Client) f(n string) { c.create(n, zero); c.create(n, 0) }`, same},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "p.go", argsPrelude+tt.body, 0)
			if err != nil {
				t.Fatal(err)
			}
			info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
				Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
			if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info); err != nil {
				t.Fatal(err)
			}
			fd := f.Decls[len(f.Decls)-1].(*ast.FuncDecl)
			var calls []*ast.CallExpr
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if name := calleeName(call); name == "send" || name == "create" || name == "g" || name == "do" {
						calls = append(calls, call)
					}
				}
				return true
			})
			if len(calls) < 2 {
				t.Fatalf("%d sends in the snippet", len(calls))
			}
			var recv types.Object
			if fd.Recv != nil {
				recv = info.Defs[fd.Recv.List[0].Names[0]]
			}
			c := newArgComparer(info, fd.Body, recv)
			if got := c.sends(calls[0], calls[len(calls)-1]); got != tt.want {
				t.Errorf("sends = %d, want %d", got, tt.want)
			}
		})
	}
}
