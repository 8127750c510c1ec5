package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A poll is not a retry. A loop that fetches a resource, leaves on any
// failure of the fetch, and goes round only while the fetched object's
// status says "not finished yet" repeats the fetch after it succeeded,
// never after an outcome was lost:
//
//	for time.Since(start) < timeout {
//		resp, err := c.postSigned(ctx, key, authz.URL, nil, &authz) // POST-as-GET
//		if err != nil {
//			return authz, err
//		}
//		if done, err := isFinalized(authz); done {
//			return authz, err
//		}
//	}
//
// The status check drives the loop, not the fetch. Some APIs take POST for
// every request (ACME's POST-as-GET): a fetch that sends no payload (nil
// where its body goes) reads. A status check over a fetch that does send a
// payload is not dropped: repeating a POST with a body while the status is
// pending may still write each time, and keeps today's judgement.

// pollCheck reports whether the driver d only reads the status of what an
// earlier call of the same iteration fetched without a payload, and whose
// failure leaves the loop.
func (w *walk) pollCheck(l loop, d attempt, all []attempt) bool {
	test := testOf(d)
	if test == nil || w.mentions(test.Cond, errorResults(d.results)) {
		return false // the check's own failure drives the loop
	}
	for _, e := range all {
		if e.index >= d.index || !sameStmts(e.list, d.list) {
			continue
		}
		if w.mentions(d.call, w.fetched(e)) && w.failureLeaves(l, e) && w.noPayload(e.call) {
			return true
		}
	}
	return false
}

// errorResults returns the error-typed results of an attempt.
func errorResults(results []types.Object) []types.Object {
	var out []types.Object
	for _, r := range results {
		if isErrorType(r.Type()) {
			out = append(out, r)
		}
	}
	return out
}

func sameStmts(a, b []ast.Stmt) bool {
	return len(a) == len(b) && (len(a) == 0 || a[0] == b[0])
}

// fetched lists what the attempt fetches: its non-error results and the
// variables it decodes into (&out arguments).
func (w *walk) fetched(a attempt) []types.Object {
	var out []types.Object
	for _, r := range a.results {
		if !isErrorType(r.Type()) {
			out = append(out, r)
		}
	}
	for _, arg := range a.call.Args {
		if u, ok := ast.Unparen(arg).(*ast.UnaryExpr); ok && u.Op == token.AND {
			if obj := objOf(w.info, u.X); obj != nil {
				out = append(out, obj)
			}
		}
	}
	return out
}

// failureLeaves reports whether the attempt's failure test (`if err !=
// nil`, on the attempt's own if or the statement after it) leaves the
// loop.
func (w *walk) failureLeaves(l loop, a attempt) bool {
	test := testOf(a)
	if test == nil || test.Else != nil || !w.isFailureTest(test.Cond, a.results) {
		return false
	}
	return l.list(test.Body.List, a.inSelect) == exit
}

// noPayload reports whether the call passes nil where a payload goes: a
// parameter of type any, []byte or io.Reader.
func (w *walk) noPayload(call *ast.CallExpr) bool {
	sig, ok := w.info.TypeOf(call.Fun).Underlying().(*types.Signature)
	if !ok {
		return false
	}
	for i, arg := range call.Args {
		if i >= sig.Params().Len() || !isNil(w.info, arg) {
			continue
		}
		if payloadType(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

func payloadType(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Interface:
		return u.Empty() || isNamed(t, "io", "Reader")
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}

// testOf returns the if that tests an attempt's results: its own (`if x,
// err := C(); …`) or the statement right after it.
func testOf(a attempt) *ast.IfStmt {
	if a.ifStmt != nil {
		return a.ifStmt
	}
	if a.index+1 < len(a.list) {
		test, _ := a.list[a.index+1].(*ast.IfStmt)
		return test
	}
	return nil
}
