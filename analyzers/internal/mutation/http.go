package mutation

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

const retryablehttpPath = "github.com/hashicorp/go-retryablehttp"

// httpCall classifies calls into net/http and go-retryablehttp.
func (c *Classifier) httpCall(call *ast.CallExpr, fn *types.Func) (Op, bool) {
	recv := recvName(fn)
	switch {
	case (recv == "" || recv == "Client") && (fn.Name() == "Post" || fn.Name() == "PostForm") && len(call.Args) > 0:
		op, _ := c.httpOp(call, sval{known: true, s: "POST", param: -1}, call.Args[0])
		return op, true
	case recv == "Client" && fn.Name() == "Do" && len(call.Args) == 1:
		op, _ := c.sendRequest(call, call.Args[0])
		return op, true
	case (recv == "RoundTripper" || recv == "Transport") && fn.Name() == "RoundTrip" && len(call.Args) == 1:
		op, _ := c.sendRequest(call, call.Args[0])
		return op, true
	}
	// Everything else in these packages (Get, NewRequest, Header.Set, …)
	// writes nothing remote by itself.
	return Op{}, true
}

// recvName is the name of a method's receiver type ("" for functions).
func recvName(fn *types.Func) string {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return ""
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// request is what is known of an *http.Request: its method and URL.
type request struct {
	method sval
	url    ast.Expr // nil if unknown
	param  int      // ≥ 0: the request is the summarised function's parameter
	// urlParam: while summarising, the URL is this field of a parameter
	// (a request struct passed on to its builder: req.build()), when url
	// is nil.
	urlParam piece
	// path: the path a builder spells out (FuncFact.ReqPath), when url is
	// nil.
	path string
}

// sendRequest classifies sending the request expression req.
func (c *Classifier) sendRequest(call *ast.CallExpr, req ast.Expr) (Op, bool) {
	r, ok := c.request(req, 0)
	if !ok {
		c.noteRemote() // a request twice cannot resolve
		return Op{}, false
	}
	if r.param >= 0 {
		c.noteParam(func(f *FuncFact) {
			if f.RequestParam < 0 {
				f.RequestParam = r.param
			}
		})
		return Op{}, false
	}
	if r.url == nil && r.urlParam.field != "" {
		return c.httpOpPieces(call, r.method, nil, []piece{r.urlParam})
	}
	if r.url == nil && r.path != "" {
		return c.httpOpPieces(call, r.method, nil, []piece{{s: r.path, known: true, param: -1}})
	}
	return c.httpOp(call, r.method, r.url)
}

// httpOp turns a resolved method and URL into an Op (POST and PATCH), or
// records the method/URL parameters while summarising.
func (c *Classifier) httpOp(call *ast.CallExpr, m sval, url ast.Expr) (Op, bool) {
	var ps []piece
	if url != nil {
		ps = c.pieces(url, 0)
	}
	return c.httpOpPieces(call, m, url, ps)
}

// httpOpPieces is httpOp with the URL's pieces already known (a wrapper
// passing on the parameter whose field holds the URL).
func (c *Classifier) httpOpPieces(call *ast.CallExpr, m sval, url ast.Expr, ps []piece) (Op, bool) {
	if m.param >= 0 {
		c.noteParam(func(f *FuncFact) {
			if f.HTTPMethodParam < 0 {
				f.HTTPMethodParam, f.HTTPMethodField = m.param, m.field
				f.HTTPURLParam, f.HTTPURLField = pathParamField(ps)
			}
		})
		return Op{}, false
	}
	if !m.known {
		c.noteRemote() // unknown method: stay silent, let callers judge by name
		return Op{}, false
	}
	method := strings.ToUpper(m.s)
	if method == "" {
		method = "GET"
	}
	if !isWriteMethod(method) {
		return Op{}, false
	}
	path := urlPath(ps)
	if method == "POST" && ReadOnlyPOST(path) {
		return Op{}, false // a search or query sent as POST: a read
	}
	if method == "POST" && SelfAddressedPOST(path) {
		return Op{}, false // selfaddressed.go: filed under its own hash (IPFS add, a signed transaction)
	}
	if method == "POST" && MemberActionPOST(path) {
		return Op{}, false // a state transition of one resource: repeats find it done
	}
	if method == "POST" && c.namedPathCreate(ps, path) {
		return Op{}, false // a create at a name the caller chose: refused on a repeat
	}
	op := Op{Kind: KindHTTP, Pos: call.Pos(), Effect: "the request can be applied twice"}
	if method == "PATCH" {
		op.Effect = "the change can be applied twice"
	}
	if path != "" {
		op.Desc = method + " " + path
		op.Identity = "http " + method + " " + path
	} else {
		op.Desc = method + " request"
		if alt := c.pathAlternatives(url); alt != "" {
			op.Desc = method + " " + alt
		}
		if url != nil {
			op.Identity = "http " + method + " " + types.ExprString(url)
		} else {
			op.Identity = "http " + method + " " + c.posn(call.Pos())
		}
	}
	if c.sum != nil && firstParam(ps) >= 0 {
		// The URL is the caller's: callers describe the path they pass.
		c.noteParam(func(f *FuncFact) {
			if f.Op == nil && f.HTTPURLParam < 0 {
				f.HTTPURLParam, f.HTTPURLField = pathParamField(ps)
				f.ReqMethod = method
			}
		})
	}
	return op, true
}

// noteParam records a parameter role in the fact being summarised.
func (c *Classifier) noteParam(set func(*FuncFact)) {
	if c.sum != nil {
		set(c.sum.fact)
	}
}

// request resolves a request expression to its method and URL: through
// the variable it is held in (each assignment must agree, req.Method = …
// overrides), http.NewRequest*/retryablehttp.NewRequest*, &http.Request{},
// WithContext/Clone, and helpers whose FuncFact says BuildsRequest.
func (c *Classifier) request(e ast.Expr, depth int) (request, bool) {
	if e == nil || depth > maxDepth {
		return request{}, false
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.SelectorExpr:
		// retryablehttp.Request embeds *http.Request: req.Request.
		if x.Sel.Name == "Request" {
			return c.request(x.X, depth+1)
		}
	case *ast.UnaryExpr:
		if lit, ok := ast.Unparen(x.X).(*ast.CompositeLit); ok {
			return c.requestLit(lit)
		}
		if id, ok := ast.Unparen(x.X).(*ast.Ident); ok && x.Op == token.AND {
			// &req of a request held by value: a signer taking
			// `req http.Request` and returning &req after setting headers.
			return c.requestVar(id, depth)
		}
	case *ast.StarExpr:
		return c.request(x.X, depth+1) // signer.SignV4(*req, …): a copy of the same request
	case *ast.CompositeLit:
		return c.requestLit(x)
	case *ast.CallExpr:
		if arg := c.requestConversion(x); arg != nil {
			return c.request(arg, depth+1) // (*http.Request)(req): reqcopy.go
		}
		return c.requestCall(x, depth)
	case *ast.Ident:
		return c.requestVar(x, depth)
	}
	return request{}, false
}

func (c *Classifier) requestVar(id *ast.Ident, depth int) (request, bool) {
	v := c.varOf(id)
	if v == nil {
		return request{}, false
	}
	if p, ok := c.paramIndex(v); ok {
		return request{method: unknown, param: p}, true
	}
	if p, ok := c.selfDerivedParam(v); ok {
		return request{method: unknown, param: p}, true
	}
	if c.isReceiver(v) && holdsRequest(v.Type()) {
		// cfg.Request of a request config's method: the request its
		// callers built (requestholder.go)
		return request{method: unknown, param: ReceiverParam}, true
	}
	if v.Pkg() != c.pass.Pkg || (c.idx().addrTaken[v] && !holdsRequest(v.Type())) {
		// A request config passed by address to its options
		// (opt(&cfg)) keeps the request it was built with.
		return request{}, false
	}
	var r request
	found := false
	for _, a := range c.idx().assigns[v] {
		var ar request
		var ok bool
		switch {
		case a.rhs != nil:
			if c.derivesFrom(a.rhs, v) {
				continue // req = req.WithContext(ctx)
			}
			ar, ok = c.request(a.rhs, depth+1)
		case a.call != nil && a.idx == 0:
			ar, ok = c.requestCall(a.call, depth)
		}
		if !ok {
			return request{}, false
		}
		if found && (ar.method != r.method || ar.param != r.param) {
			return request{}, false
		}
		if !found || r.url == nil {
			r = ar
		}
		found = true
	}
	if !found {
		return request{}, false
	}
	if ms := c.idx().fields[fieldKey{v, "Method"}]; len(ms) > 0 {
		m := c.str(ms[0], depth+1)
		for _, e := range ms[1:] {
			if c.str(e, depth+1) != m {
				return request{}, false
			}
		}
		r.method = m
	}
	return r, true
}

// derivesFrom reports whether e is v.WithContext(…) or v.Clone(…), or a
// helper's copy of v (`req = signer.SignV4(*req, …)`, FuncFact.CopiesRequestParam).
func (c *Classifier) derivesFrom(e ast.Expr, v *types.Var) bool {
	if c.middlewareResult(e, v) {
		return true // r, err := m(req); req = r
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && (sel.Sel.Name == "WithContext" || sel.Sel.Name == "Clone") && c.varOf(sel.X) == v {
		return true
	}
	arg := c.copiedRequestArg(call)
	if arg == nil {
		return false
	}
	arg = ast.Unparen(arg)
	if star, ok := arg.(*ast.StarExpr); ok {
		arg = ast.Unparen(star.X)
	}
	return c.varOf(arg) == v
}

// middlewareResult reports whether e is a variable holding what a request
// middleware made of v: assigned once, by calling a func value (not a
// named function: a hook the package's users install) given v,
//
//	for _, m := range *c.RequestMiddlewares {
//		r, err := m(req)
//		…
//		req = r
//	}
//
// A middleware adds headers or logs; the request keeps its method and URL.
func (c *Classifier) middlewareResult(e ast.Expr, v *types.Var) bool {
	r := c.varOf(e)
	if r == nil || r == v || !isNamed(r.Type(), "net/http", "Request") {
		return false
	}
	a, ok := c.single(r)
	if !ok || a.call == nil || a.idx != 0 || c.calleeFunc(a.call) != nil {
		return false
	}
	for _, arg := range a.call.Args {
		if c.varOf(arg) == v {
			return true
		}
	}
	return false
}

// copiedRequestArg returns the argument of call whose request the callee
// returns a copy of (FuncFact.CopiesRequestParam), or nil.
func (c *Classifier) copiedRequestArg(call *ast.CallExpr) ast.Expr {
	fn := c.calleeFunc(call)
	if fn == nil {
		return nil
	}
	f := c.facts(fn)
	if f == nil {
		return nil
	}
	return c.callArg(call, f.CopiesRequestParam)
}

func (c *Classifier) requestCall(call *ast.CallExpr, depth int) (request, bool) {
	fn := c.calleeFunc(call)
	if fn == nil || fn.Pkg() == nil {
		return request{}, false
	}
	path := fn.Pkg().Path()
	if path == "net/http" || path == retryablehttpPath {
		switch fn.Name() {
		case "NewRequest":
			if len(call.Args) == 3 {
				return request{method: c.str(call.Args[0], depth+1), url: call.Args[1], param: -1}, true
			}
		case "NewRequestWithContext":
			if len(call.Args) == 4 {
				return request{method: c.str(call.Args[1], depth+1), url: call.Args[2], param: -1}, true
			}
		case "WithContext", "Clone":
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				return c.request(sel.X, depth+1)
			}
		case "FromRequest":
			if len(call.Args) == 1 {
				return c.request(call.Args[0], depth+1)
			}
		}
		return request{}, false
	}
	if arg := c.copiedRequestArg(call); arg != nil {
		return c.request(arg, depth+1)
	}
	f := c.facts(fn)
	if f == nil || !f.BuildsRequest {
		return request{}, false
	}
	r := request{method: sval{known: f.ReqMethod != "", s: f.ReqMethod, param: -1}, param: -1, path: f.ReqPath}
	if arg := c.callArg(call, f.HTTPMethodParam); arg != nil {
		r.method = c.argValue(arg, f.HTTPMethodField)
	}
	if arg := c.callArg(call, f.HTTPURLParam); arg != nil {
		r.url = c.argExpr(arg, f.HTTPURLField)
		if p, ok := c.forwardedParam(arg, f.HTTPURLField); r.url == nil && ok {
			r.urlParam = piece{param: p, field: f.HTTPURLField}
		}
	}
	return r, true
}

// requestLit reads &http.Request{Method: …}; a missing Method is GET.
func (c *Classifier) requestLit(lit *ast.CompositeLit) (request, bool) {
	if !isNamed(c.info.TypeOf(lit), "net/http", "Request") {
		if v := requestFieldValue(c.info, lit); v != nil {
			return c.request(v, 1) // RequestConfig{Request: req, …} (requestholder.go)
		}
		return request{}, false
	}
	r := request{method: sval{known: true, s: "GET", param: -1}, param: -1}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		switch k, _ := kv.Key.(*ast.Ident); {
		case k == nil:
		case k.Name == "Method":
			r.method = c.str(kv.Value, 1)
		case k.Name == "URL":
			r.url = astpath.LitField(kv.Value, "Path") // &url.URL{Scheme: "http", Host: h, Path: p}: the scheme and host are the base URL
		}
	}
	return r, true
}

// isNamed reports whether t (or *t) is the named type path.name.
func isNamed(t types.Type, path, name string) bool {
	if t == nil {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == path && n.Obj().Name() == name
}

// readOnlySegments are the last path segments of endpoints that take POST
// only to carry a query in the body: Elasticsearch/OpenSearch searches,
// counts and multi-gets, and generic search or query endpoints.
var readOnlySegments = map[string]bool{
	"_search": true, "_msearch": true, "_count": true, "_mget": true, "_field_caps": true,
	"_explain": true, "scroll": true, "search": true, "query": true, "lookup": true,
	// An authorization or health check answers a question (/stores/{id}/check,
	// /v1/permissions/check); check-in and checkout are other segments.
	"check": true,
}

// readOnlyMethods are Google-style custom methods (/v1/things:search) that
// read.
var readOnlyMethods = map[string]bool{
	"search": true, "query": true, "get": true, "batchGet": true, "list": true, "lookup": true, "runQuery": true,
	// IAM's permission check answers which of the listed permissions the
	// caller holds.
	"testIamPermissions": true,
}

// splitLastSegment returns the last segment of a path as urlPath renders
// it and what comes before it, without a trailing slash, a query or a
// fragment; parent is "" when the path has no slash.
func splitLastSegment(path string) (parent, last string) {
	path = strings.TrimRight(path, "/")
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	i := strings.LastIndexByte(path, '/')
	if i < 0 {
		return "", path
	}
	return path[:i], path[i+1:]
}

// ReadOnlyPOST reports whether a POST to path (as urlPath renders it, "" or
// with {…} for unknown parts) is a read by convention: the last segment is
// a search, query, token or log-in endpoint (/orders/_search, /v1/search,
// /oauth/token, /auth/login), an action on the caller's token
// (/auth/token/renew), an operation named like a read (/rpc/ListOrders,
// /v1/find-users), or a read-only custom method (/v1/documents:batchGet).
// An unknown last segment is not.
func ReadOnlyPOST(path string) bool {
	parent, last := splitLastSegment(path)
	if i := strings.LastIndexByte(last, ':'); i >= 0 && !strings.Contains(last[i+1:], "{") {
		// A custom method names the operation, also on a resource whose
		// name is a value (/{+resource}:testIamPermissions).
		method := last[i+1:]
		return readOnlyMethods[method] || ReadName(method)
	}
	last = gluedQuery(last)
	if last == "" || strings.Contains(last, "{") {
		return false
	}
	return readSegment(last) || tokenAction(parent, last) || searchKind(parent) || collectionStatus(parent, last)
}

// searchKind reports whether a POST's parent segment is a search
// endpoint whose last segment names the kind of search (Artifactory's
// /api/search/aql, /api/search/artifact).
func searchKind(parent string) bool {
	_, p := splitLastSegment(parent)
	p = strings.ToLower(p)
	return p == "search" || p == "_search"
}

// collectionStatus reports whether a POST asks for the status of things in
// a collection (/api/v1/uploads/status, the ids in the body) or of an
// operation (/plugins/execute/configImportStatus). The status of one
// member (/orders/{id}/status) is set, and judged as a write, as is a
// segment that says so (updateStatus).
func collectionStatus(parent, last string) bool {
	_, p := splitLastSegment(parent)
	words := nameWords(last)
	return len(words) > 0 && words[len(words)-1] == "status" && !anyWord(words, writeWords) &&
		p != "" && !strings.Contains(p, "{")
}

// gluedQuery returns a last segment without the unknown part glued to
// its end ("configImportStatus{…}": a query string its caller built,
// "?workingDir=…"): the word before it names the operation. A segment
// that is only unknown ("{…}", an id) or that has a word after the
// unknown part ("v{…}-status") is returned as it is.
func gluedQuery(last string) string {
	i := strings.Index(last, "{")
	if i <= 0 || !strings.HasSuffix(last, "}") || strings.Count(last, "{") != 1 {
		return last
	}
	return last[:i]
}
