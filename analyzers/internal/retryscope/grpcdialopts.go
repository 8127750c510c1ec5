package retryscope

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// Retry interceptors installed by a helper of another package. A client
// library often builds its dial options in one package and dials in
// another:
//
//	func GRPCDialOptions(l *zerolog.Logger, enabled bool) []grpc.DialOption {   // package retry
//		opts := []grpc_retry.CallOption{grpc_retry.WithMax(5), grpc_retry.WithCodes(codes.Unavailable)}
//		return []grpc.DialOption{grpc.WithChainUnaryInterceptor(grpc_retry.UnaryClientInterceptor(opts...))}
//	}
//	grpcOpts = append(grpcOpts, retry.GRPCDialOptions(l, enabled)...)       // package client
//	conn, err := grpc.NewClient(addr, grpcOpts...)
//
// A function returning dial options whose body builds a retry interceptor
// with WithMax(n > 0) is a maker of retrying connections (a
// RetryingClientFact with grpcDialMechanism); a package that calls one
// judges its gRPC calls as it does when it builds the interceptor itself.

// grpcDialMechanism is the mechanism recorded for a function returning
// dial options that install a retrying interceptor.
const grpcDialMechanism = "gRPC dial options with a retry interceptor (go-grpc-middleware retry with WithMax)"

// returnsDialOptions reports whether fn has a grpc.DialOption or
// []grpc.DialOption result.
func returnsDialOptions(fn *types.Func) bool {
	res := fn.Signature().Results()
	for i := 0; i < res.Len(); i++ {
		t := res.At(i).Type()
		if sl, ok := t.(*types.Slice); ok {
			t = sl.Elem()
		}
		if isNamed(t, "google.golang.org/grpc", "DialOption") {
			return true
		}
	}
	return false
}

// buildsRetryInterceptor reports whether fd's body builds a
// go-grpc-middleware retry interceptor with WithMax(n > 0).
func buildsRetryInterceptor(info *types.Info, fd *ast.FuncDecl) bool {
	if fd.Body == nil {
		return false
	}
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if isRetryInterceptor(info, fd, call) {
			found = true
		}
		return true
	})
	return found
}

// isRetryInterceptor reports whether call builds a go-grpc-middleware
// unary retry interceptor (the one a generated client's unary calls go
// through) with WithMax(n > 0) among its options, written in the call or
// in a local slice of them it spreads.
func isRetryInterceptor(info *types.Info, fd *ast.FuncDecl, call *ast.CallExpr) bool {
	fn := calleeFunc(info, call)
	if fn == nil || !grpcRetryPkgs[pkgOf(fn)] || !strings.HasPrefix(fn.Name(), "UnaryClientInterceptor") {
		return false
	}
	args := append([]ast.Expr(nil), call.Args...)
	if fd != nil && fd.Body != nil {
		for _, a := range call.Args {
			if v, ok := objOf(info, a).(*types.Var); ok {
				defs, _ := astpath.Definitions(info, fd.Body, v)
				for _, d := range astpath.WithValues(defs) {
					args = append(args, d.Rhs)
				}
			}
		}
	}
	return withMaxAbove0(info, args)
}
