package retryscope

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// A retry library told to make one attempt runs its function once:
//
//	retry.Do(fn, retry.Attempts(1))                   // avast/retry-go
//	backoff.Retry(op, backoff.WithMaxRetries(b, 0))   // cenkalti/backoff v3, v4
//	backoff.Retry(ctx, op, backoff.WithMaxTries(1))   // cenkalti/backoff v5
//	retry.Do(ctx, retry.WithMaxRetries(0, b), fn)     // sethvargo/go-retry
//
// Code sets one attempt where a caller (an errgroup of part uploads, a
// one-shot command) must not repeat the work, so such a call is no retry.
// The options may be written in the call, wrapped (backoff.WithContext(
// backoff.WithMaxRetries(b, 0), ctx)), or held in a local variable with
// one value (opts := []retry.Option{retry.Attempts(1)}; retry.Do(fn,
// opts...)). retry-go's Attempts(0) means "until it succeeds" and is a
// retry.

// attemptBound is where a bounding option takes its bound (the argument)
// and the bound's value that allows a single attempt (0 attempts means
// "no limit" for retry-go and backoff v5, so only the one value counts).
type attemptBound struct{ arg, one int }

// oneAttemptOptions maps a bounding option's package (without a major
// version suffix) and name to its bound.
var oneAttemptOptions = map[string]attemptBound{
	"github.com/avast/retry-go.Attempts":           {0, 1},
	"github.com/cenkalti/backoff.WithMaxRetries":   {1, 0},
	"github.com/cenkalti/backoff.WithMaxTries":     {0, 1},
	"github.com/sethvargo/go-retry.WithMaxRetries": {0, 0},
}

// maxOptionDepth bounds how deep option calls nest (WithContext(WithMaxRetries(…))).
const maxOptionDepth = 3

// libraryOneAttempt reports whether a retry-library call is bounded to a
// single attempt by a constant option.
func (w *walk) libraryOneAttempt(call *ast.CallExpr) bool {
	for _, arg := range call.Args {
		if w.boundsToOne(arg, 0) {
			return true
		}
	}
	return false
}

// boundsToOne reports whether e is (or holds, or wraps) an option that
// bounds a retry to one attempt.
func (w *walk) boundsToOne(e ast.Expr, depth int) bool {
	if depth > maxOptionDepth {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if b, ok := w.boundingOption(x); ok {
			v, known := w.intConst(x.Args[b.arg])
			return known && v == b.one
		}
		for _, a := range x.Args {
			if w.boundsToOne(a, depth+1) {
				return true
			}
		}
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if w.boundsToOne(elt, depth+1) {
				return true
			}
		}
	case *ast.Ident:
		if v, ok := objOf(w.info, x).(*types.Var); ok && !v.IsField() {
			if rhs := w.soleAssignment(v); rhs != nil {
				return w.boundsToOne(rhs, depth+1)
			}
		}
	}
	return false
}

// boundingOption returns the bounding option call is a call of, if any.
func (w *walk) boundingOption(call *ast.CallExpr) (attemptBound, bool) {
	fn, _ := typeutil.Callee(w.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return attemptBound{}, false
	}
	b, ok := oneAttemptOptions[stripMajor(unvendor(fn.Pkg().Path()))+"."+fn.Name()]
	return b, ok && b.arg < len(call.Args)
}

// stripMajor drops a trailing major-version element (/v4) from an import path.
func stripMajor(path string) string {
	if i := strings.LastIndex(path, "/v"); i > 0 {
		rest := path[i+2:]
		if rest != "" && strings.Trim(rest, "0123456789") == "" {
			return path[:i]
		}
	}
	return path
}

// soleAssignment returns the value a local variable of w.decl is given,
// when it is given exactly one (by := , = or var) and never appended to.
func (w *walk) soleAssignment(v *types.Var) ast.Expr {
	if w.decl == nil || w.decl.Body == nil {
		return nil
	}
	var values []ast.Expr
	ast.Inspect(w.decl.Body, func(n ast.Node) bool {
		switch s := n.(type) {
		case *ast.AssignStmt:
			for i, l := range s.Lhs {
				if objOf(w.info, l) != v {
					continue
				}
				if len(s.Lhs) != len(s.Rhs) {
					values = append(values, nil, nil) // a multi-value call: unknown
					continue
				}
				values = append(values, s.Rhs[i])
			}
		case *ast.ValueSpec:
			for i, name := range s.Names {
				if w.info.Defs[name] == v && i < len(s.Values) && len(s.Names) == len(s.Values) {
					values = append(values, s.Values[i])
				}
			}
		}
		return true
	})
	if len(values) != 1 {
		return nil
	}
	return values[0]
}
