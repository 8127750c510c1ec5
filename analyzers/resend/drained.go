package resend

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// A second call that is handed the reader the first one read to its end
// sends an empty body: an upload retried with the same io.Reader
// (`f, err := b.upload(name, reader, n); if retryable(err) { f, err =
// b.upload(name, reader, n) }`) fails in the HTTP client, or stores
// nothing, and cannot write the payload twice. The retry is broken, which
// is another bug, not a duplicate.
//
// A reader argument counts as drained when it is the same variable in
// both calls, of a type that is read once (io.Reader and the other
// reader interfaces, *bytes.Buffer, *bytes.Reader, *strings.Reader), and
// nothing between the calls rewinds or refills it (Seek, Reset, a write,
// an assignment), and the callee, a function of this package, neither
// rewinds it itself nor leaves it unread: it passes it on as a request
// body or reads it.

// drainsReader reports whether second is given a reader that first read
// to its end.
func (c *checker) drainsReader(first, second *ast.CallExpr) bool {
	fn := typeutil.StaticCallee(c.pass.TypesInfo, second)
	d := c.funcs[fn]
	if d == nil || d.Body == nil || len(first.Args) != len(second.Args) {
		return false
	}
	info := c.pass.TypesInfo
	for i, arg := range second.Args {
		id, ok := ast.Unparen(arg).(*ast.Ident)
		other, ok2 := ast.Unparen(first.Args[i]).(*ast.Ident)
		if !ok || !ok2 || info.Uses[id] == nil || info.Uses[id] != info.Uses[other] || !oneShotReader(info.TypeOf(arg)) {
			continue
		}
		v := info.Uses[id]
		if touchedBetween(info, c.enclBody(second), v, first.End(), second.Pos()) {
			continue
		}
		if fn.Signature().Variadic() && i >= fn.Signature().Params().Len()-1 {
			continue // the elements of a variadic parameter
		}
		if p := astpath.ParamObj(info, d, i); p != nil && readsWithoutRewind(info, d.Body, p) {
			return true
		}
	}
	return false
}

// enclBody is the body of the function the calls are written in.
func (c *checker) enclBody(call *ast.CallExpr) *ast.BlockStmt {
	if d := c.funcs[c.encl]; d != nil && d.Body != nil && d.Body.Pos() <= call.Pos() && call.End() <= d.Body.End() {
		return d.Body
	}
	return nil
}

// oneShotReader reports whether values of t are read once: a reader
// interface (io.Reader, io.ReadSeeker, …) or a bytes or strings reader
// or buffer.
func oneShotReader(t types.Type) bool {
	if t == nil {
		return false
	}
	if isNamed(t, "bytes", "Buffer") || isNamed(t, "bytes", "Reader") || isNamed(t, "strings", "Reader") {
		return true
	}
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := 0; i < iface.NumMethods(); i++ {
		if iface.Method(i).Name() == "Read" {
			return true
		}
	}
	return false
}

// touchedBetween reports whether body rewinds, refills or reassigns v
// between the two positions (or when body is unknown).
func touchedBetween(info *types.Info, body *ast.BlockStmt, v types.Object, from, to token.Pos) bool {
	if body == nil {
		return true
	}
	touched := false
	ast.Inspect(body, func(n ast.Node) bool {
		if touched || n == nil || n.End() <= from || n.Pos() >= to {
			return !touched
		}
		if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "Len" {
			return true // reads its size only
		}
		touched = n.Pos() >= from && rewinds(info, n, v) // Seek, Reset, Write…: the reader is used again
		return true
	})
	return touched
}

// rewinds reports whether n may rewind, refill or replace v: a method or
// field of it (Seek, Reset, Write), an assignment to it, or a type
// assertion on it (if s, ok := r.(io.Seeker)).
func rewinds(info *types.Info, n ast.Node, v types.Object) bool {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	switch x := n.(type) {
	case *ast.SelectorExpr:
		return is(x.X)
	case *ast.TypeAssertExpr:
		return is(x.X)
	case *ast.AssignStmt:
		for _, l := range x.Lhs {
			if is(l) {
				return true
			}
		}
	}
	return false
}

// readsWithoutRewind reports whether body passes p on as an argument (a
// request body, io.Copy's source) and never rewinds it: the reader is
// consumed as it is.
func readsWithoutRewind(info *types.Info, body *ast.BlockStmt, p types.Object) bool {
	passed, rewound := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			for _, a := range call.Args {
				if id, ok := ast.Unparen(a).(*ast.Ident); ok && info.Uses[id] == p {
					passed = true
				}
			}
		}
		rewound = rewound || rewinds(info, n, p)
		return true
	})
	return passed && !rewound
}
