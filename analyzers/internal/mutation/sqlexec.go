package mutation

import (
	"go/ast"
	"go/types"
)

// SQL executors of any type. A service or a library often hides its
// driver behind a pool or transaction interface of its own, shaped like
// database/sql's (Exec(ctx, query string, args ...any), QueryRow(…)), with
// adapters for pgx and database/sql behind it. A call of such a method
// with no body to see — the interface method, or a method of a package
// without facts — runs the SQL text it is given, so the text decides, as
// it does for database/sql: an INSERT is a write, an upsert or a read is
// not, and text twice cannot read is unknown (silent). A method whose body
// twice analyzed keeps its facts (SQLParam): the shape is for calls with
// no body only.

// sqlExecutorArg returns the index of the SQL text argument of fn when fn
// is a method with no body twice can see shaped like a SQL executor: named
// like database/sql's executors, the text a string parameter right before
// a final ...any (its arguments), after only a context and a destination.
// A method that returns a statement object still to be run (one with an
// Exec method of its own, like a CQL query builder) runs nothing yet.
func (c *Classifier) sqlExecutorArg(fn *types.Func) (int, bool) {
	sig := fn.Signature()
	if sig.Recv() == nil || !sqlMethods[fn.Name()] || !sig.Variadic() || c.bodyKnown(fn) {
		return -1, false
	}
	params := sig.Params()
	n := params.Len()
	if n < 2 || n > 4 {
		return -1, false
	}
	last, ok := params.At(n - 1).Type().(*types.Slice)
	if !ok || !isEmptyInterface(last.Elem()) || !isString(params.At(n-2).Type()) {
		return -1, false
	}
	for i := 0; i < n-2; i++ {
		t := params.At(i).Type()
		if !isNamed(t, "context", "Context") && !isEmptyInterface(t) {
			return -1, false
		}
	}
	res := sig.Results()
	if res.Len() == 0 || hasMethod(res.At(0).Type(), "Exec") {
		return -1, false
	}
	return n - 2, true
}

// customSQLCall classifies a call of a SQL-executor-shaped method with no
// body (sqlExecutorArg); handled is false for other calls.
func (c *Classifier) customSQLCall(call *ast.CallExpr, fn *types.Func) (op Op, handled bool) {
	i, ok := c.sqlExecutorArg(fn)
	if !ok {
		return Op{}, false
	}
	if i >= len(call.Args) || call.Ellipsis.IsValid() && i == len(call.Args)-1 {
		return Op{}, true // the text is in a spread slice: unknown
	}
	op, _ = c.sqlOp(call, call.Args[i])
	return op, true
}

func isEmptyInterface(t types.Type) bool {
	it, ok := t.Underlying().(*types.Interface)
	return ok && it.Empty()
}

// hasMethod reports whether t (or *t) has a method name.
func hasMethod(t types.Type, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	_, ok := obj.(*types.Func)
	return ok
}
