package retryscope

// gRPC clients whose connection retries: a connection dialed with
// go-grpc-middleware's retry interceptor and WithMax(n > 0), and the
// generated clients made from it (clients.go tracks them).

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// isGRPCClient reports whether obj holds a value built from a gRPC
// connection dialed with a retrying interceptor (pb.NewOrdersClient(conn)).
func (cs *clientState) isGRPCClient(info *types.Info, obj types.Object) bool {
	for _, made := range cs.grpcMade[obj] {
		for _, arg := range made.Args {
			if cs.grpcConns[objOf(info, arg)] {
				return true
			}
			if c, ok := ast.Unparen(arg).(*ast.CallExpr); ok && isRetryingDial(info, c) {
				return true
			}
		}
	}
	return false
}

// takesConn reports whether a call has a *grpc.ClientConn (or
// grpc.ClientConnInterface) argument.
func takesConn(info *types.Info, call *ast.CallExpr) bool {
	for _, arg := range call.Args {
		t := info.TypeOf(arg)
		if isNamed(t, "google.golang.org/grpc", "ClientConn") || isNamed(t, "google.golang.org/grpc", "ClientConnInterface") {
			return true
		}
	}
	return false
}

// grpcRetryPkgs are the go-grpc-middleware retry packages. Their
// interceptors retry nothing by default (max 0): only WithMax(n > 0) at
// the interceptor turns retries on.
var grpcRetryPkgs = map[string]bool{
	"github.com/grpc-ecosystem/go-grpc-middleware/retry":                 true,
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry": true,
}

// callDisablesRetry reports whether a gRPC call passes a per-call option
// that turns the interceptor's retries off for that call: Disable() or
// WithMax(0).
func callDisablesRetry(info *types.Info, call *ast.CallExpr) bool {
	for _, arg := range call.Args {
		c, ok := ast.Unparen(arg).(*ast.CallExpr)
		if !ok {
			continue
		}
		f, _ := typeutil.Callee(info, c).(*types.Func)
		if f == nil || !grpcRetryPkgs[pkgOf(f)] {
			continue
		}
		if f.Name() == "Disable" || f.Name() == "WithMax" && len(c.Args) == 1 && isZero(info, c.Args[0]) {
			return true
		}
	}
	return false
}

// isRetryingDial recognises grpc.Dial/DialContext/NewClient whose options
// install a retry interceptor with WithMax(n > 0).
func isRetryingDial(info *types.Info, call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn != nil && isDial(fn) && withMaxAbove0(info, call.Args)
}

// withMaxAbove0 reports whether args hold, at any depth, a
// go-grpc-middleware retry WithMax(n > 0) option.
func withMaxAbove0(info *types.Info, args []ast.Expr) bool {
	found := false
	for _, arg := range args {
		ast.Inspect(arg, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok || found {
				return !found
			}
			f, _ := typeutil.Callee(info, c).(*types.Func)
			if f != nil && grpcRetryPkgs[pkgOf(f)] && f.Name() == "WithMax" && len(c.Args) == 1 {
				if tv := info.Types[c.Args[0]]; tv.Value != nil && tv.Value.Kind() == constant.Int {
					n, ok := constant.Uint64Val(tv.Value)
					found = ok && n > 0
				}
			}
			return !found
		})
	}
	return found
}

// isDial: grpc.Dial, DialContext or NewClient.
func isDial(fn *types.Func) bool {
	if pkgOf(fn) != "google.golang.org/grpc" || fn.Signature().Recv() != nil {
		return false
	}
	switch fn.Name() {
	case "Dial", "DialContext", "NewClient":
		return true
	}
	return false
}

// takesCallOptions reports whether fn is a generated gRPC client method:
// its last parameter is ...grpc.CallOption.
func takesCallOptions(fn *types.Func) bool {
	sig := fn.Signature()
	if !sig.Variadic() || sig.Params().Len() == 0 {
		return false
	}
	last, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice)
	return ok && isNamed(last.Elem(), "google.golang.org/grpc", "CallOption")
}
