package mutation

import (
	"go/ast"
	"go/types"
)

// Helpers that run the operation their caller hands them as a function
// value, once, around logging or metrics:
//
//	func executeRPC[I, O proto.Message](ctx context.Context, fn func(context.Context, I, ...grpc.CallOption) (O, error), req I, opts []grpc.CallOption, …) (O, error) {
//		resp, err := fn(ctx, req, opts...)
//		…
//	}
//	resp, err = executeRPC(ctx, c.conversationsClient.CreateConversation, req, settings.GRPC, c.logger, "CreateConversation")
//
// (every RPC of Google's newer generated Cloud clients goes this way).
// The helper's body writes nothing of its own: the call writes what the
// function given for the parameter writes when called with the arguments
// the helper passes on. Summarize records that parameter and the
// parameters passed to it (FuncFact.CallsParam, CallsParamArgs); a call
// that passes a named function or method value there is judged as the
// call the helper makes, rebuilt from the caller's own arguments. A func
// literal or variable passed there is judged where it is written.

// noteCalledParam records, while summarising, that call calls one of the
// summarised function's func-typed parameters with arguments that are all
// its parameters.
func (c *Classifier) noteCalledParam(call *ast.CallExpr) {
	if c.sum == nil || c.sum.fact.CallsParam >= 0 {
		return
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return
	}
	p, ok := c.sum.params[v]
	if !ok {
		return
	}
	args := make([]int, len(call.Args))
	for i, a := range call.Args {
		av, ok := c.info.Uses[identOf(a)].(*types.Var)
		if !ok {
			return
		}
		if args[i], ok = c.sum.params[av]; !ok {
			return
		}
	}
	c.sum.fact.CallsParam, c.sum.fact.CallsParamArgs, c.sum.fact.CallsParamSpread = p, args, call.Ellipsis.IsValid()
}

// identOf returns e as an identifier, or nil.
func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// passedCall rebuilds the call a helper with CallsParam makes of the
// named function or method value its caller gives it: that function
// applied to the caller's arguments for the parameters the helper passes
// on. nil when the argument is not a named function.
func (c *Classifier) passedCall(call *ast.CallExpr, f *FuncFact) *ast.CallExpr {
	if f == nil || f.CallsParam < 0 {
		return nil
	}
	arg := c.callArg(call, f.CallsParam)
	var name *ast.Ident
	switch a := ast.Unparen(arg).(type) {
	case *ast.Ident:
		name = a
	case *ast.SelectorExpr:
		name = a.Sel
	default:
		return nil
	}
	if _, ok := c.info.Uses[name].(*types.Func); !ok {
		return nil
	}
	inner := &ast.CallExpr{Fun: arg, Lparen: call.Lparen, Rparen: call.Rparen}
	for _, p := range f.CallsParamArgs {
		a := c.callArg(call, p)
		if a == nil {
			return nil // a variadic parameter given nothing
		}
		inner.Args = append(inner.Args, a)
	}
	if f.CallsParamSpread {
		inner.Ellipsis = call.Rparen
	}
	return inner
}
