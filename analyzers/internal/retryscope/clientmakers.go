package retryscope

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// Retrying *http.Clients made elsewhere. An SDK's constructor often builds
// its HTTP client once, with a transport that re-sends failed requests,
// and every method of the SDK sends through it:
//
//	func NewHTTPClient(rt http.RoundTripper) (*http.Client, error) {
//		t := rehttp.NewTransport(rt, rehttp.RetryAll(rehttp.RetryMaxRetries(3),
//			rehttp.RetryAny(rehttp.RetryTemporaryErr(), rehttp.RetryStatuses(502, 503))), …)
//		return &http.Client{Transport: &LoggingTransport{Inner: t}}, nil
//	}
//
// A client whose transport is such a transport (directly, or wrapped by
// another transport's literal or constructor) retries every request. A
// function whose every return gives one is a client maker: this package's
// are found when the walk is done (a variable assigned its result is
// resolved then), other packages' come from a fact (Config.ClientMaker).

const rehttpPkg = "github.com/PuerkitoBio/rehttp"

// isHTTPClient reports whether t is *http.Client or http.Client.
func isHTTPClient(t types.Type) bool { return isNamed(t, "net/http", "Client") }

// calleeFunc is the function or method a call calls, or nil.
func calleeFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// clientMechanism returns how the *http.Client value e retries every
// request, or "": a literal whose Transport retries, a variable already
// known to hold a retrying client, or a call of a client maker of another
// package.
func (cs *clientState) clientMechanism(w *walk, e ast.Expr) string {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		if !isHTTPClient(w.info.TypeOf(x)) {
			return ""
		}
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Transport" {
					if m := cs.transportMechanism(w, kv.Value, 0); m != "" {
						return "an *http.Client whose transport is " + m
					}
				}
			}
		}
	case *ast.Ident:
		return cs.heldStd(objOf(w.info, x))
	case *ast.CallExpr:
		if fn := calleeFunc(w.info, x); fn != nil && fn.Pkg() != w.f.pass.Pkg && w.f.cfg.ClientMaker != nil {
			return w.f.cfg.ClientMaker(fn)
		}
	}
	return ""
}

// maxTransportDepth bounds how many wrapping transports are looked through.
const maxTransportDepth = 4

// transportMechanism returns how the transport e re-sends writes, or "":
// a rehttp transport whose retry function can retry a POST after an
// outcome that may follow its execution, or a go-retryablehttp
// RoundTripper; looking through variables assigned in the same function
// and through wrapping transports (a literal with the transport in a
// field, a constructor given it as an argument).
func (cs *clientState) transportMechanism(w *walk, e ast.Expr, depth int) string {
	if e == nil || depth > maxTransportDepth {
		return ""
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	if m := cs.transportTypeMechanism(w, e); m != "" {
		return m // the module's own retrying transport (transporttypes.go)
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		fn := calleeFunc(w.info, x)
		if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == rehttpPkg && fn.Name() == "NewTransport" {
			if len(x.Args) == 3 && w.rehttpRetriesWrites(x.Args[1], 0) {
				return "a rehttp transport (re-sends every method after temporary errors or 5xx)"
			}
			return ""
		}
		for _, arg := range x.Args { // otelhttp.NewTransport(retrying)
			if m := cs.transportMechanism(w, arg, depth+1); m != "" {
				return m
			}
		}
	case *ast.CompositeLit:
		if isNamed(w.info.TypeOf(x), retryablehttpPkg, "RoundTripper") {
			return "go-retryablehttp's RoundTripper (retries every request)"
		}
		for _, elt := range x.Elts {
			v := elt
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				v = kv.Value
			}
			if m := cs.transportMechanism(w, v, depth+1); m != "" {
				return m
			}
		}
	case *ast.Ident:
		v, ok := w.info.Uses[x].(*types.Var)
		if !ok || w.decl == nil {
			return ""
		}
		defs, _ := astpath.Definitions(w.info, w.decl.Body, v)
		for _, def := range defs {
			if def.Rhs == nil || def.Tuple || def.Spec {
				continue // `t := rehttp.NewTransport(…)` only, as assigned
			}
			if m := cs.transportMechanism(w, def.Rhs, depth+1); m != "" {
				return m
			}
		}
	}
	return ""
}

// rehttpRetriesWrites evaluates a rehttp retry function as "can it retry
// a POST after an outcome that may follow its execution": RetryAll is an
// and, RetryAny an or; temporary and timeout errors and 5xx statuses (503
// only when it is not taken as a refusal) are such outcomes;
// RetryHTTPMethods holds when it lists a write method; a retry count holds
// when positive. Anything else (a predicate of its own) is unknown and
// counts as false: unknown is never reported.
func (w *walk) rehttpRetriesWrites(e ast.Expr, depth int) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || depth > maxTransportDepth {
		return false
	}
	fn := calleeFunc(w.info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != rehttpPkg {
		return false
	}
	switch fn.Name() {
	case "RetryAll", "RetryAny":
		all := fn.Name() == "RetryAll"
		for _, a := range call.Args {
			if w.rehttpRetriesWrites(a, depth+1) != all {
				return !all
			}
		}
		return all && len(call.Args) > 0
	case "RetryTemporaryErr", "RetryTimeoutErr":
		return true
	case "RetryMaxRetries":
		return len(call.Args) == 1 && !isZero(w.info, call.Args[0])
	case "RetryStatuses":
		for _, a := range call.Args {
			if code, ok := w.intConst(a); ok && w.ambiguousStatus(code, code) {
				return true
			}
		}
	case "RetryStatusInterval":
		if len(call.Args) == 2 {
			from, ok1 := w.intConst(call.Args[0])
			to, ok2 := w.intConst(call.Args[1])
			return ok1 && ok2 && w.ambiguousStatus(from, to-1)
		}
	case "RetryHTTPMethods":
		for _, a := range call.Args {
			if tv := w.info.Types[a]; tv.Value != nil && tv.Value.Kind() == constant.String {
				if m := strings.ToUpper(constant.StringVal(tv.Value)); m == "POST" || m == "PATCH" {
					return true
				}
			}
		}
	}
	return false
}

// ambiguousStatus reports whether a status in [from, to] says nothing of
// whether the request ran: a 5xx other than 501, and 503 only when 503
// is not taken as a refusal (Config.UnavailableRefuses).
func (w *walk) ambiguousStatus(from, to int) bool {
	for c := max(from, 500); c <= min(to, 599); c++ {
		if c != 501 && (c != 503 || !w.f.cfg.UnavailableRefuses) {
			return true
		}
	}
	return false
}

// clientMakers returns the package's functions that return a retrying
// *http.Client from every return statement, dial options installing a
// retry interceptor, or go-redis options or clients, or AWS SDK
// configurations or messaging clients, of a package that sets their
// retries.
func (cs *clientState) clientMakers(w *walk) map[*types.Func]string {
	out := map[*types.Func]string{}
	w.f.funcDecls(func(fn *types.Func, fd *ast.FuncDecl) {
		if m := cs.makerMechanism(w, fd); m != "" {
			out[fn] = m
		}
		if m := cs.restyMakerMechanism(w, fd); m != "" {
			out[fn] = m
		}
		if returnsDialOptions(fn) && buildsRetryInterceptor(w.info, fd) {
			out[fn] = grpcDialMechanism // grpcdialopts.go
		}
		for _, r := range []*packageRetry{&cs.redis.packageRetry, &cs.aws.packageRetry} {
			if r.makes(fn) {
				out[fn] = r.mechanism // packageretry.go
			}
		}
	})
	return out
}

// makerMechanism returns the mechanism of the retrying client every
// return of fd gives at its *http.Client result, or "".
func (cs *clientState) makerMechanism(w *walk, fd *ast.FuncDecl) string {
	return returnedMechanism(w, fd, isHTTPClient, func(e ast.Expr) string { return cs.clientMechanism(w, e) })
}

// restyMakerMechanism returns how the resty client every return of fd
// gives retries writes, or "": a shared constructor
//
//	func Build(url string) (*resty.Client, error) {
//		return resty.New().SetBaseURL(url).SetRetryCount(20), nil
//	}
//
// hands out a client that re-sends failed POSTs; a caller's
// c.R().SetBody(b).Post(…) is judged as if it had configured the client
// itself (chainFlags reads the mechanism back through restyMakerFlags).
func (cs *clientState) restyMakerMechanism(w *walk, fd *ast.FuncDecl) string {
	return returnedMechanism(w, fd, isRestyClient, func(e ast.Expr) string {
		return restyMechanism(restyVersion(w.info.TypeOf(e)), cs.chainFlags(w, e, map[types.Object]bool{}))
	})
}

// returnedMechanism returns the mechanism mechOf gives every value fd
// returns at its result of a type want accepts, read in fd's body, or ""
// when one return has none.
func returnedMechanism(w *walk, fd *ast.FuncDecl, want func(types.Type) bool, mechOf func(ast.Expr) string) string {
	saved := w.decl
	w.decl = fd
	defer func() { w.decl = saved }()
	mech := ""
	ok := everyReturned(w.info, fd, want, func(e ast.Expr) bool {
		mech = mechOf(e)
		return mech != ""
	})
	if !ok {
		return ""
	}
	return mech
}

// isRestyClient reports whether t is resty's *Client (v2 or v3).
func isRestyClient(t types.Type) bool {
	return isNamed(t, restyV2Pkg, "Client") || isNamed(t, restyV3Pkg, "Client")
}

// restyMakerFlags is the configuration a maker's mechanism stands for, so
// that a client a maker returns is judged like one configured in place.
func restyMakerFlags(mech string) restyFlags {
	switch mech {
	case "":
		return 0
	case restyMechanism(restyV2Pkg, restyRetries):
		return restyRetries
	case restyMechanism(restyV3Pkg, restyRetries|restyAllowNonIdempotent):
		return restyRetries | restyAllowNonIdempotent
	}
	return 0
}

// makerOf returns how the client fn returns retries: this package's
// makers as found so far, or another package's from a fact.
func (cs *clientState) makerOf(w *walk, fn *types.Func) string {
	if fn.Pkg() == w.f.pass.Pkg {
		return cs.makers[fn]
	}
	if w.f.cfg.ClientMaker != nil {
		return w.f.cfg.ClientMaker(fn)
	}
	return ""
}

// everyReturned reports whether holds is true of the value every return
// statement of fd (function literals aside) gives at its first result of
// a type that want accepts, and fd has such a result; nil values (error
// returns) are skipped. A bare return of named results fails.
func everyReturned(info *types.Info, fd *ast.FuncDecl, want func(types.Type) bool, holds func(ast.Expr) bool) bool {
	fn, _ := info.Defs[fd.Name].(*types.Func)
	if fn == nil || fd.Body == nil {
		return false
	}
	res := fn.Signature().Results()
	idx := -1
	for i := 0; i < res.Len(); i++ {
		if want(res.At(i).Type()) {
			idx = i
			break
		}
	}
	if idx < 0 {
		return false
	}
	all, found := true, false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok || !all {
			return false
		}
		ret, ok := n.(*ast.ReturnStmt)
		if !ok {
			return true
		}
		if len(ret.Results) != res.Len() {
			all = false
			return false
		}
		e := ret.Results[idx]
		if id, ok := ast.Unparen(e).(*ast.Ident); ok && id.Name == "nil" {
			return false // an error return
		}
		found = true
		all = holds(e)
		return false
	})
	return all && found
}
