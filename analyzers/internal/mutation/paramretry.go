package mutation

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"
)

// Helpers that own the retry of a request their callers describe.
//
//	func (c *Client) do(ctx context.Context, method, path string) error {
//		for attempt := 0; ; attempt++ { … http.NewRequest(method, c.base+path, nil) … }
//	}
//	c.do(ctx, http.MethodPost, "/v1/orders") // the POST is retried by do
//
// The retry scope is in the helper, the write is decided by the caller.
// The model records, for a function whose own retry scope sends a request
// (or runs SQL) whose method, URL, request or text is one of its parameters
// (or a field of one), a ParamRetry in its FuncFact; a wrapper that passes
// its own parameter on inherits it. A call that passes a write (POST,
// PATCH, an INSERT) is then reported at the call, naming the helper.

// ParamRetry: the function retries, inside a retry scope of its own, a
// request or statement whose kind its caller decides through the roles
// below (parameter indexes as in FuncFact, -1 for none).
type ParamRetry struct {
	// Method is the constant method of a request whose URL alone is the
	// caller's (URLParam): an RPC helper posting to the path it is given
	// (post(ctx, "/sign", body)) is judged at each call by that path.
	Method       string
	MethodParam  int
	MethodField  string
	URLParam     int
	URLField     string
	RequestParam int
	SQLParam     int
	// MessageParam is the message a link RPC sends (messagerpc.go).
	MessageParam int
	// NotMethods are the methods (upper case) for which the way to the
	// retry is closed: a wrapper that sends POST and PUT once and retries
	// the others (methodpaths.go).
	NotMethods []string
	// Helper names the function whose scope retries ("Client.do"), Mechanism
	// how ("a retry loop"), Posn where (file:line:col of the retry).
	Helper    string
	Mechanism string
	Posn      string
}

// roles returns a FuncFact with only r's parameter roles, for viaFact.
func (r *ParamRetry) roles() *FuncFact {
	f := emptyFact()
	f.HTTPMethodParam, f.HTTPMethodField = r.MethodParam, r.MethodField
	f.HTTPURLParam, f.HTTPURLField = r.URLParam, r.URLField
	f.RequestParam, f.SQLParam = r.RequestParam, r.SQLParam
	f.MessageParam = r.MessageParam
	f.ReqMethod = r.Method
	return f
}

// paramRetryOf returns the roles a fact records, as a ParamRetry (nil when
// it records none).
func paramRetryOf(f *FuncFact) *ParamRetry {
	urlOnly := f.HTTPMethodParam < 0 && f.HTTPURLParam >= 0 && f.ReqMethod != ""
	if f.HTTPMethodParam < 0 && f.RequestParam < 0 && f.SQLParam < 0 && f.MessageParam < 0 && !urlOnly {
		return nil
	}
	r := &ParamRetry{MethodParam: f.HTTPMethodParam, MethodField: f.HTTPMethodField, URLParam: f.HTTPURLParam,
		URLField: f.HTTPURLField, RequestParam: f.RequestParam, SQLParam: f.SQLParam, MessageParam: f.MessageParam}
	if urlOnly {
		r.Method = f.ReqMethod
	}
	return r
}

// URLOnly reports whether the caller decides only the URL of a request
// whose method the helper fixes.
func (r *ParamRetry) URLOnly() bool {
	return r != nil && r.Method != "" && r.MethodParam < 0 && r.RequestParam < 0 && r.SQLParam < 0 && r.MessageParam < 0
}

// RetriedRoles reports whether calls, inside a retry scope of decl, send a
// request or run SQL whose kind is one of decl's parameters: the roles,
// or nil.
func (c *Classifier) RetriedRoles(decl *ast.FuncDecl, calls []*ast.CallExpr) *ParamRetry {
	if decl.Body == nil {
		return nil
	}
	f := emptyFact()
	c.sum = &sumState{params: paramIndexes(c.info, decl), recv: receiverVar(c.info, decl), fact: f, name: decl.Name.Name}
	defer func() { c.sum = nil }()
	for _, call := range calls {
		c.Call(call)
		if r := c.forwardedRetry(call); r != nil {
			return r
		}
		if r := paramRetryOf(f); r != nil {
			return r
		}
	}
	return nil
}

// forwardedRetry: while summarising, a call of a function that retries a
// parameter-decided write, passing on the summarised function's own
// parameters, makes the summarised function such a function too (a
// wrapper of the helper). Returns the wrapper's roles, or nil.
func (c *Classifier) forwardedRetry(call *ast.CallExpr) *ParamRetry {
	fn := c.calleeFunc(call)
	if fn == nil || c.sum == nil {
		return nil
	}
	callee := c.facts(fn)
	if callee == nil || callee.Retries == nil || c.keyedArg(call, callee.Retries) {
		return nil
	}
	if r := c.forwardedMessage(call, callee.Retries); r != nil {
		return r
	}
	scratch := emptyFact()
	saved := c.sum.fact
	c.sum.fact = scratch
	c.viaFact(call, fn, callee.Retries.roles())
	c.sum.fact = saved
	r := paramRetryOf(scratch)
	if r == nil {
		return nil
	}
	r.Helper, r.Mechanism, r.Posn = callee.Retries.Helper, callee.Retries.Mechanism, callee.Retries.Posn
	r.NotMethods = callee.Retries.NotMethods
	if d := c.enclosingDecl(call.Pos()); d != nil && r.MethodParam >= 0 {
		for _, m := range c.excludedMethods(d, call, r.MethodParam) {
			if !r.notMethod(m) {
				r.NotMethods = append(slices.Clip(r.NotMethods), m)
			}
		}
	}
	return r
}

// RetriedWrite reports whether call passes a write to a function that
// retries it (FuncFact.Retries): the write, and the callee's ParamRetry.
func (c *Classifier) RetriedWrite(call *ast.CallExpr) (Op, *ParamRetry, bool) {
	fn := c.calleeFunc(call)
	if fn == nil {
		return Op{}, nil, false
	}
	f := c.facts(fn)
	if f == nil || f.Retries == nil || f.Idempotent || c.keyedArg(call, f.Retries) {
		return Op{}, nil, false
	}
	if f.Retries.URLOnly() && !c.KnownURLArg(call, f.Retries) {
		return Op{}, nil, false // a URL the caller does not spell out says nothing more
	}
	if f.Retries.MessageParam >= 0 {
		op, ok := c.messageRPCWrite(call, fn, f.Retries)
		return op, f.Retries, ok
	}
	op, ok := c.viaFact(call, fn, f.Retries.roles())
	if !ok || c.postReads(call, op) {
		return Op{}, nil, false
	}
	if method, _, _ := strings.Cut(op.WriteDesc(), " "); op.Primitive() == KindHTTP && f.Retries.notMethod(method) {
		return Op{}, nil, false // the helper sends this method once (methodpaths.go)
	}
	if m := c.optionMethod(call); m != "" && op.Primitive() == KindHTTP && !isWriteMethod(m) {
		return Op{}, nil, false // an option makes the request a PUT (methodoption.go)
	}
	if d := c.enclosingDecl(call.Pos()); d != nil && c.GenericSendQuietCall(call, op, d) {
		return Op{}, nil, false // the SDK method's name says it reads or sets a state
	}
	return op, f.Retries, true
}

// HelperName is the short name messages use for a function (Client.do,
// retryutil.Post).
func HelperName(fn *types.Func) string { return displayName(fn) }

// WithRetries returns f (a new fact when f is nil) recording r.
func (f *FuncFact) WithRetries(r *ParamRetry) *FuncFact {
	if f == nil {
		f = emptyFact()
	}
	f.Retries = r
	return f
}

// KnownURLArg reports whether call passes, at r's URL parameter, a URL
// whose path can be read ("/v1/orders", "/sign").
func (c *Classifier) KnownURLArg(call *ast.CallExpr, r *ParamRetry) bool {
	arg := c.callArg(call, r.URLParam)
	if arg == nil {
		return false
	}
	e := c.argExpr(arg, r.URLField)
	return e != nil && urlPath(c.pieces(e, 0)) != ""
}
