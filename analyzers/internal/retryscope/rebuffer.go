package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// A retry by re-buffering: a method that sends a batch it was handed
// puts the batch back into the buffer channel it came from when the send
// failed, and the code draining that buffer hands it to the method again:
//
//	func (lh *LineHandler) Flush() error {
//		… lines[i] = <-lh.buffer …
//		return lh.report(lines)
//	}
//	func (lh *LineHandler) report(lines []string) error {
//		resp, err := lh.Reporter.Report(strings.Join(lines, ""))
//		if err != nil {
//			lh.bufferLines(lines) // for each line: lh.buffer <- line
//			return err
//		}
//		…
//	}
//
// The calls before the put-back run again for the same batch. A batch put
// into a channel no code of the package drains into the method (a
// dead-letter queue) is not put back, and nothing is reported.

// maxBufferDepth bounds the helpers followed to the channel send.
const maxBufferDepth = 2

// rebuffer adds the scope of a put-back in decl, a method.
func (w *walk) rebuffer(decl *ast.FuncDecl) {
	fn, _ := w.info.Defs[decl.Name].(*types.Func)
	if fn == nil || decl.Recv == nil {
		return
	}
	params := w.paramObjects(decl)
	if len(params) == 0 {
		return
	}
	var put ast.Node
	var field types.Object
	astpath.Walk(decl.Body, func(n ast.Node, path []ast.Node) bool {
		if put != nil {
			return false
		}
		var back ast.Node = n
		switch x := n.(type) {
		case *ast.SendStmt:
		case *ast.CallExpr:
			if later := w.laterSend(x); later != nil {
				back = later // time.AfterFunc(d, func() { p.requests <- r })
			}
		default:
			return true
		}
		if !w.afterFailure(path) && !w.countedBack(back, params, decl) {
			return true // cheap tests first: putsBack reads helper bodies
		}
		if f := w.putsBack(back, params, 0); f != nil && !w.ref.guarded(path, decl.Body, 0) {
			put, field = n, f
		}
		return true
	})
	if put == nil || !w.drainsInto(field, fn) {
		return
	}
	w.scopes = append(w.scopes, &Scope{
		Kind:      KindLoop,
		Mechanism: "a requeue that puts the failed batch back into its buffer (channel field " + field.Name() + ")",
		Pos:       put.Pos(),
		Body:      decl.Body,
		Until:     put.Pos(),
		Param:     -1,
		Encl:      decl,
	})
}

// laterSend returns the channel send of a function literal that call
// runs later or at once on its own: time.AfterFunc(d, func() { ch <- v })
// or func() { ch <- v }() (the call of a go statement). A delayed put-back
// is a put-back.
func (w *walk) laterSend(call *ast.CallExpr) *ast.SendStmt {
	var lit *ast.FuncLit
	if fl, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok && len(call.Args) == 0 {
		lit = fl
	} else if isFunc(w.info, call, "time", "AfterFunc") && len(call.Args) == 2 {
		lit, _ = ast.Unparen(call.Args[1]).(*ast.FuncLit)
	}
	if lit == nil || len(lit.Body.List) != 1 {
		return nil
	}
	send, _ := lit.Body.List[0].(*ast.SendStmt)
	return send
}

// countedBack reports whether n sends a parameter back whose attempt
// counter decl advances first (r.retries--; … p.requests <- r, also later
// in time.AfterFunc): counting attempts says the put-back is a retry even
// where no test of an error leads to it (the success paths returned).
func (w *walk) countedBack(n ast.Node, params []types.Object, decl *ast.FuncDecl) bool {
	send, ok := n.(*ast.SendStmt)
	if !ok {
		return false
	}
	for _, p := range params {
		if refersTo(w.info, send.Value, p) && w.counts(decl.Body, p, send.Pos()) {
			return true
		}
	}
	return false
}

// paramObjects lists decl's named parameters.
func (w *walk) paramObjects(decl *ast.FuncDecl) []types.Object {
	var out []types.Object
	for _, f := range decl.Type.Params.List {
		for _, name := range f.Names {
			if obj := w.info.Defs[name]; obj != nil {
				out = append(out, obj)
			}
		}
	}
	return out
}

// putsBack returns the channel field that n sends one of vals (or a value
// derived from them) into: a send `x.buffer <- v`, or a call of a function
// of this package, passing one of vals, that does so (depth bounded).
func (w *walk) putsBack(n ast.Node, vals []types.Object, depth int) types.Object {
	switch s := n.(type) {
	case *ast.SendStmt:
		field, ok := objOf(w.info, s.Chan).(*types.Var)
		if ok && field.IsField() && w.mentions(s.Value, vals) {
			return field
		}
	case *ast.CallExpr:
		if depth >= maxBufferDepth {
			return nil
		}
		callee, _ := typeutil.Callee(w.info, s).(*types.Func)
		d := w.f.declOf(callee)
		if d == nil {
			return nil
		}
		sig := callee.Signature()
		var passed []types.Object
		for i, arg := range s.Args {
			if i < sig.Params().Len() && w.mentions(arg, vals) {
				passed = append(passed, sig.Params().At(i))
			}
		}
		if len(passed) == 0 {
			return nil
		}
		passed = w.rangedOver(d.Body, passed)
		var field types.Object
		ast.Inspect(d.Body, func(n ast.Node) bool {
			if field == nil {
				field = w.putsBack(n, passed, depth+1)
			}
			return field == nil
		})
		return field
	}
	return nil
}

// rangedOver adds the variables of range loops over vals
// (for _, line := range batch): an element of the batch is the batch's.
func (w *walk) rangedOver(body *ast.BlockStmt, vals []types.Object) []types.Object {
	ast.Inspect(body, func(n ast.Node) bool {
		if rs, ok := n.(*ast.RangeStmt); ok && w.mentions(rs.X, vals) {
			if obj := objOf(w.info, rs.Value); obj != nil {
				vals = append(vals, obj)
			}
		}
		return true
	})
	return vals
}

// drainsInto reports whether some function of the package receives from
// the channel field and calls fn: the buffer feeds the method.
func (w *walk) drainsInto(field types.Object, fn *types.Func) bool {
	for _, file := range w.f.pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			receives, calls := false, false
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.UnaryExpr:
					receives = receives || x.Op == token.ARROW && objOf(w.info, x.X) == field
				case *ast.RangeStmt:
					receives = receives || objOf(w.info, x.X) == field
				case *ast.CallExpr:
					callee, _ := typeutil.Callee(w.info, x).(*types.Func)
					calls = calls || callee != nil && callee.Origin() == fn
				}
				return !(receives && calls)
			})
			if receives && calls {
				return true
			}
		}
	}
	return false
}
