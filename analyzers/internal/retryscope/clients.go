package retryscope

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Retrying clients repeat one request by themselves:
//   - hashicorp/go-retryablehttp's Client (Do, Post, PostForm and the
//     package-level Post/PostForm) retries every method, and the
//     *http.Client from its StandardClient() does the same for net/http
//     calls (the variable or field holding it is tracked, best effort);
//     a client whose RetryMax is set to 0 does not retry;
//   - a gRPC client built on a connection dialed with go-grpc-middleware's
//     retry interceptor and WithMax(n > 0) retries its calls (best effort:
//     the connection and the clients made from it are tracked through
//     variables and fields);
//   - go-resty/resty v2 retries when the client (or the request chain) has
//     SetRetryCount(n > 0); resty v3 retries only idempotent methods unless
//     SetAllowNonIdempotentRetry(true) is set as well.
//
// Configuration and use are often in different functions (a constructor
// sets a field, methods use it), so the walk records them and resolve
// matches them at the end.

const (
	retryablehttpPkg = "github.com/hashicorp/go-retryablehttp"
	restyV2Pkg       = "github.com/go-resty/resty/v2"
	restyV3Pkg       = "resty.dev/v3"
)

// restyFlags is what a resty client or request chain configures.
type restyFlags uint8

const (
	restyRetries restyFlags = 1 << iota // SetRetryCount(n > 0)
	restyAllowNonIdempotent
)

type clientState struct {
	std       map[types.Object]bool       // holds an *http.Client from StandardClient()
	defs      map[types.Object][]ast.Expr // resty/retryablehttp values: the expressions assigned
	restyOwn  map[types.Object]restyFlags // flags set by calls on the object itself
	noRetry   map[types.Object]bool       // a retryablehttp.Client with RetryMax = 0
	grpcConns map[types.Object]bool       // *grpc.ClientConn dialed with a retrying interceptor
	// grpcMade: values built by a call with arguments (NewOrdersClient(conn)),
	// resolved against grpcConns at the end.
	grpcMade   map[types.Object][]*ast.CallExpr
	candidates []clientCandidate
	// senderCalls: calls of this package's functions that take a request
	// (see senders.go).
	senderCalls []clientCandidate
}

type clientCandidate struct {
	call *ast.CallExpr
	fn   *types.Func
	decl *ast.FuncDecl // where the call is written
}

func newClientState() clientState {
	return clientState{
		std:       map[types.Object]bool{},
		defs:      map[types.Object][]ast.Expr{},
		restyOwn:  map[types.Object]restyFlags{},
		noRetry:   map[types.Object]bool{},
		grpcConns: map[types.Object]bool{},
		grpcMade:  map[types.Object][]*ast.CallExpr{},
	}
}

// noteAssign records assignments of tracked client values.
func (cs *clientState) noteAssign(w *walk, as *ast.AssignStmt) {
	if len(as.Lhs) == 1 && len(as.Rhs) == 1 {
		// rc.RetryMax = 0 turns retries off; so does a CheckRetry policy
		// that retries only refusals (429, a refused connection): nothing
		// executed is sent again. A policy whose code cannot be read is
		// unknown, and unknown is never reported.
		if sel, ok := ast.Unparen(as.Lhs[0]).(*ast.SelectorExpr); ok && isNamed(w.info.TypeOf(sel.X), retryablehttpPkg, "Client") &&
			(sel.Sel.Name == "RetryMax" && isZero(w.info, as.Rhs[0]) || sel.Sel.Name == "CheckRetry" && (w.predicateRefuses(as.Rhs[0]) || !w.policyKnown(as.Rhs[0]))) {
			if obj := objOf(w.info, sel.X); obj != nil {
				cs.noRetry[obj] = true
			}
		}
	}
	switch {
	case len(as.Lhs) == len(as.Rhs):
		for i, lhs := range as.Lhs {
			cs.noteValue(w, objOf(w.info, lhs), as.Rhs[i])
		}
	case len(as.Rhs) == 1:
		// req, err := retryablehttp.NewRequest(…)
		cs.noteValue(w, objOf(w.info, as.Lhs[0]), as.Rhs[0])
	}
}

// noteComposite records `&Client{http: rc.StandardClient()}`.
func (cs *clientState) noteComposite(w *walk, cl *ast.CompositeLit) {
	for _, elt := range cl.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok {
				cs.noteValue(w, w.info.Uses[key], kv.Value)
			}
		}
	}
}

func (cs *clientState) noteValue(w *walk, obj types.Object, value ast.Expr) {
	v, ok := obj.(*types.Var)
	if !ok || value == nil {
		return
	}
	if call, ok := ast.Unparen(value).(*ast.CallExpr); ok && isMethod(w.info, call, retryablehttpPkg, "Client", "StandardClient") {
		// The client is usually configured (RetryMax, CheckRetry) before
		// its StandardClient is taken.
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); !ok || !cs.retriesOff(w.info, objOf(w.info, sel.X), 0) {
			cs.std[v] = true
		}
		return
	}
	if restyVersion(v.Type()) != "" || isNamed(v.Type(), retryablehttpPkg, "Request") || isNamed(v.Type(), retryablehttpPkg, "Client") {
		cs.defs[v] = append(cs.defs[v], value)
	}
	if call, ok := ast.Unparen(value).(*ast.CallExpr); ok && w.f.importsGRPC {
		if isRetryingDial(w.info, call) {
			cs.grpcConns[v] = true
		} else if takesConn(w.info, call) {
			cs.grpcMade[v] = append(cs.grpcMade[v], call)
		}
	}
}

// noteCall records client configuration calls and client uses.
func (cs *clientState) noteCall(w *walk, call *ast.CallExpr, fn *types.Func) {
	cs.noteSenderCall(w, call, fn)
	recv := fn.Signature().Recv()
	switch {
	case recv != nil && restyVersion(recv.Type()) != "":
		if flags := restyOwnFlags(w.info, call, fn); flags != 0 {
			if root := restyRoot(w.info, call, recv.Type()); root != nil {
				cs.restyOwn[root] |= flags
			}
		}
		cs.candidates = append(cs.candidates, clientCandidate{call, fn, w.decl})
	case pkgOf(fn) == retryablehttpPkg,
		recv != nil && isNamed(recv.Type(), "net/http", "Client") && (fn.Name() == "Do" || fn.Name() == "Post" || fn.Name() == "PostForm"):
		cs.candidates = append(cs.candidates, clientCandidate{call, fn, w.decl})
	case recv != nil && w.f.importsGRPC:
		// Possibly a call through a gRPC client built on a retrying conn.
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if _, ok := objOf(w.info, sel.X).(*types.Var); ok {
				cs.candidates = append(cs.candidates, clientCandidate{call, fn, w.decl})
			}
		}
	}
}

// resolve turns the recorded client uses into scopes.
func (cs *clientState) resolve(w *walk) []*Scope {
	var out []*Scope
	for _, c := range cs.candidates {
		if s := cs.scopeOf(w, c); s != nil {
			out = append(out, s)
		}
	}
	return append(out, cs.senderScopes(w, out)...)
}

func (cs *clientState) scopeOf(w *walk, c clientCandidate) *Scope {
	call, fn := c.call, c.fn
	s := &Scope{Kind: KindClient, Pos: call.Pos(), Call: call, Param: -1, Encl: c.decl}
	recv := fn.Signature().Recv()
	switch {
	case pkgOf(fn) == retryablehttpPkg:
		method, url := retryablehttpRequest(w.info, cs, call, fn)
		if method == "" && !cs.sendsConvertedParam(w, c) {
			return nil
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && cs.retriesOff(w.info, objOf(w.info, sel.X), 0) {
			return nil
		}
		s.Mechanism = "go-retryablehttp's Client (retries failed requests)"
		if method != "" {
			s.ClientOp = describeRequest(w.info, method, url)
		}
	case pkgOf(fn) == "net/http":
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		if inner, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok && isMethod(w.info, inner, retryablehttpPkg, "Client", "StandardClient") {
			// retryablehttp.NewClient().StandardClient().Do(req)
		} else if !cs.std[objOf(w.info, sel.X)] {
			return nil
		}
		s.Mechanism = "an *http.Client from go-retryablehttp's StandardClient (retries every request)"
	case restyVersion(recv.Type()) == "":
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !cs.isGRPCClient(w.info, objOf(w.info, sel.X)) || callDisablesRetry(w.info, call) {
			return nil
		}
		s.Mechanism = "the gRPC retry interceptor of its connection (go-grpc-middleware retry with WithMax)"
	default: // resty
		method, url := restyRequest(w.info, call, fn)
		if method == "" {
			return nil
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		flags := cs.chainFlags(w.info, sel.X, map[types.Object]bool{})
		if flags&restyRetries == 0 {
			return nil
		}
		if restyVersion(recv.Type()) == restyV3Pkg {
			if flags&restyAllowNonIdempotent == 0 {
				return nil
			}
			s.Mechanism = "resty's SetRetryCount with SetAllowNonIdempotentRetry(true)"
		} else {
			s.Mechanism = "resty's SetRetryCount (retries failed requests)"
		}
		s.ClientOp = describeRequest(w.info, method, url)
	}
	return s
}

// retriesOff reports whether the retryablehttp client held by obj (or
// the variable it was assigned from) has RetryMax = 0.
func (cs *clientState) retriesOff(info *types.Info, obj types.Object, depth int) bool {
	if obj == nil || depth > 4 {
		return false
	}
	if cs.noRetry[obj] {
		return true
	}
	for _, def := range cs.defs[obj] {
		if cs.retriesOff(info, objOf(info, def), depth+1) {
			return true
		}
	}
	return false
}

// isZero reports whether e is the constant 0.
func isZero(info *types.Info, e ast.Expr) bool {
	tv := info.Types[e]
	return tv.Value != nil && tv.Value.Kind() == constant.Int && constant.Sign(tv.Value) == 0
}

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
	if fn == nil || pkgOf(fn) != "google.golang.org/grpc" || fn.Signature().Recv() != nil {
		return false
	}
	switch fn.Name() {
	case "Dial", "DialContext", "NewClient":
	default:
		return false
	}
	found := false
	for _, arg := range call.Args {
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

// retryablehttpRequest returns the constant method and the URL of a
// retryablehttp call: Post/PostForm, or Do(req) with req from
// NewRequest/NewRequestWithContext. Idempotent methods give "".
func retryablehttpRequest(info *types.Info, cs *clientState, call *ast.CallExpr, fn *types.Func) (string, ast.Expr) {
	switch fn.Name() {
	case "Post", "PostForm":
		if len(call.Args) > 0 {
			return "POST", call.Args[0]
		}
	case "Do":
		if len(call.Args) != 1 {
			return "", nil
		}
		for _, def := range cs.defs[objOf(info, call.Args[0])] {
			nr, ok := ast.Unparen(def).(*ast.CallExpr)
			if !ok {
				continue
			}
			f, _ := typeutil.Callee(info, nr).(*types.Func)
			if f == nil || f.Pkg() == nil || f.Pkg().Path() != retryablehttpPkg {
				continue
			}
			i := 0
			if f.Name() == "NewRequestWithContext" {
				i = 1
			} else if f.Name() != "NewRequest" {
				continue
			}
			if i+1 < len(nr.Args) {
				if m := nonIdempotentMethod(info, nr.Args[i]); m != "" {
					return m, nr.Args[i+1]
				}
			}
		}
	}
	return "", nil
}

// restyRequest returns the non-idempotent method and URL of a resty
// request call (Post, Patch, Execute("POST", url)), or "".
func restyRequest(info *types.Info, call *ast.CallExpr, fn *types.Func) (string, ast.Expr) {
	if !isNamed(fn.Signature().Recv().Type(), pkgOf(fn), "Request") || len(call.Args) == 0 {
		return "", nil
	}
	if _, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); !ok {
		return "", nil
	}
	switch fn.Name() {
	case "Post":
		return "POST", call.Args[0]
	case "Patch":
		return "PATCH", call.Args[0]
	case "Execute":
		if len(call.Args) == 2 {
			return nonIdempotentMethod(info, call.Args[0]), call.Args[1]
		}
	}
	return "", nil
}

// chainFlags collects the retry configuration along a resty method chain
// and the variables it starts from.
func (cs *clientState) chainFlags(info *types.Info, e ast.Expr, seen map[types.Object]bool) restyFlags {
	var flags restyFlags
	for depth := 0; depth < 32; depth++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(info, x).(*types.Func)
			if fn == nil || fn.Signature().Recv() == nil {
				return flags // resty.New() or another constructor
			}
			flags |= restyOwnFlags(info, x, fn)
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok {
				return flags
			}
			e = sel.X
		default:
			obj := objOf(info, x)
			if obj == nil || seen[obj] {
				return flags
			}
			seen[obj] = true
			flags |= cs.restyOwn[obj]
			for _, def := range cs.defs[obj] {
				flags |= cs.chainFlags(info, def, seen)
			}
			return flags
		}
	}
	return flags
}

// restyOwnFlags is the configuration one call sets.
func restyOwnFlags(info *types.Info, call *ast.CallExpr, fn *types.Func) restyFlags {
	if len(call.Args) != 1 {
		return 0
	}
	tv := info.Types[call.Args[0]]
	switch fn.Name() {
	case "SetRetryCount":
		if tv.Value != nil && tv.Value.Kind() == constant.Int {
			if n, ok := constant.Int64Val(tv.Value); ok && n > 0 {
				return restyRetries
			}
		}
	case "SetAllowNonIdempotentRetry":
		if tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) {
			return restyAllowNonIdempotent
		}
	}
	return 0
}

// restyRoot returns the variable a chain of calls on recvType starts from:
// c.client in c.client.SetRetryCount(3).SetRetryWaitTime(…).
func restyRoot(info *types.Info, call *ast.CallExpr, recvType types.Type) types.Object {
	e := ast.Expr(call)
	for depth := 0; depth < 32; depth++ {
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			if v, ok := objOf(info, e).(*types.Var); ok {
				return v
			}
			return nil
		}
		sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
		if !ok || !types.Identical(info.TypeOf(sel.X), recvType) {
			return nil
		}
		e = sel.X
	}
	return nil
}

// restyVersion returns the resty package of a *Client or *Request type.
func restyVersion(t types.Type) string {
	for _, p := range []string{restyV2Pkg, restyV3Pkg} {
		if isNamed(t, p, "Client") || isNamed(t, p, "Request") {
			return p
		}
	}
	return ""
}

func pkgOf(fn *types.Func) string {
	if fn.Pkg() == nil {
		return ""
	}
	return fn.Pkg().Path()
}

// isNamed reports whether t (or *t) is the named type pkg.name.
func isNamed(t types.Type, pkg, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	path := n.Obj().Pkg().Path()
	if i := strings.LastIndex(path, "/vendor/"); i >= 0 {
		path = path[i+len("/vendor/"):]
	}
	return path == pkg && n.Obj().Name() == name
}

// isMethod reports whether call calls method name of pkg.typ.
func isMethod(info *types.Info, call *ast.CallExpr, pkg, typ, name string) bool {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Name() != name || fn.Signature().Recv() == nil {
		return false
	}
	return isNamed(fn.Signature().Recv().Type(), pkg, typ)
}

// nonIdempotentMethod returns POST or PATCH when e is that constant method.
func nonIdempotentMethod(info *types.Info, e ast.Expr) string {
	tv := info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return ""
	}
	switch m := strings.ToUpper(constant.StringVal(tv.Value)); m {
	case "POST", "PATCH":
		return m
	}
	return ""
}

// describeRequest renders "POST /v1/orders" from a constant (or
// constant-prefixed) URL, else "POST request".
func describeRequest(info *types.Info, method string, url ast.Expr) string {
	if p := urlText(info, url, 0); p != "" {
		return method + " " + p
	}
	return method + " request"
}

// urlText is the constant part of a URL expression, without scheme and
// host; "" when nothing constant is known.
func urlText(info *types.Info, e ast.Expr, depth int) string {
	if e == nil || depth > 8 {
		return ""
	}
	if tv := info.Types[e]; tv.Value != nil && tv.Value.Kind() == constant.String {
		return stripHost(constant.StringVal(tv.Value))
	}
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok {
		left := urlText(info, b.X, depth+1)
		right := urlText(info, b.Y, depth+1)
		if right == "" {
			right = "{…}"
		}
		if left == "" {
			// baseURL + "/v1/orders": the path is what matters.
			if strings.HasPrefix(right, "/") {
				return right
			}
			return ""
		}
		return left + right
	}
	return ""
}

func stripHost(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		rest := u[i+3:]
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			return rest[j:]
		}
		return "/"
	}
	return u
}
