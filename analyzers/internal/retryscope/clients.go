package retryscope

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
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
	// AddRetryCondition replaces resty's default (retry on an error) with
	// its conditions: one true only on refusals (a 429), or one that may
	// be true after the request ran (no response, a dropped connection).
	restyRefusalCondition
	restyOtherCondition
)

type clientState struct {
	// std: holds an *http.Client that retries every request (from
	// StandardClient(), or one whose transport retries; clientmakers.go),
	// with the mechanism that says how.
	std map[types.Object]string
	// optionInstalled: fields of std set through the package's own option
	// by a constructor (optionclients.go).
	optionInstalled map[types.Object]bool
	// madeBy: the calls of this package's functions assigned to a
	// variable or field; a call of one that returns a retrying client
	// (a constructor written after its use) is resolved at the end.
	madeBy map[types.Object][]*ast.CallExpr
	// copies: the variables and fields an *http.Client variable was
	// copied from (client := c.httpClient, before a nil fallback to
	// http.DefaultClient), followed when the copy sends.
	copies map[types.Object][]types.Object
	// ownTransport: *http.Client variables and fields whose Transport is
	// set to one that does not retry (c.Transport = transport after
	// c := rc.StandardClient()): the retry of a StandardClient lives in
	// its transport, so the client no longer retries.
	ownTransport map[types.Object]bool
	// makers: this package's functions returning a retrying client, found
	// when the walk is done (clientMakers).
	makers map[*types.Func]string
	// finder gives the package's declarations (madeWithRetriesOff).
	finder    *Finder
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
	kafka       kafkaConfig // kafkaretry.go
	redis       redisConfig // redisretry.go
	aws         awsConfig   // awsretry.go
	// clientParams: this package's functions that send a write through a
	// client parameter; paramClientCalls: calls of functions taking a
	// client (clientparams.go).
	clientParams     map[*types.Func]*ClientParam
	paramClientCalls []clientCandidate
	// grpcRetryInterceptor: the package builds a go-grpc-middleware retry
	// interceptor with WithMax(n > 0) somewhere (in a dial-options helper,
	// not only inline in a Dial).
	grpcRetryInterceptor bool
	// grpcPlainDial: the package also dials a connection whose options,
	// all written in the call, install no retry: its clients cannot be
	// told from the retrying ones by package alone.
	grpcPlainDial bool
	// litParams: resty parameters of function literals passed to the
	// package's functions (restycallbacks.go).
	litParams map[types.Object]litParam
}

type clientCandidate struct {
	call *ast.CallExpr
	fn   *types.Func
	decl *ast.FuncDecl // where the call is written
}

func newClientState() clientState {
	return clientState{
		std:          map[types.Object]string{},
		madeBy:       map[types.Object][]*ast.CallExpr{},
		copies:       map[types.Object][]types.Object{},
		ownTransport: map[types.Object]bool{},
		defs:         map[types.Object][]ast.Expr{},
		restyOwn:     map[types.Object]restyFlags{},
		noRetry:      map[types.Object]bool{},
		grpcConns:    map[types.Object]bool{},
		grpcMade:     map[types.Object][]*ast.CallExpr{},

		clientParams: map[*types.Func]*ClientParam{},
		redis:        newRedisConfig(),
		aws:          newAWSConfig(),
	}
}

// noteAssign records assignments of tracked client values.
func (cs *clientState) noteAssign(w *walk, as *ast.AssignStmt) {
	if len(as.Lhs) == 1 && len(as.Rhs) == 1 {
		cs.kafka.noteAssign(w.info, as.Lhs[0], as.Rhs[0])
		cs.redis.noteAssign(w.info, as.Lhs[0], as.Rhs[0])
		cs.aws.noteAssign(w.info, as.Lhs[0], as.Rhs[0])
		// rc.RetryMax = 0 turns retries off; so does a CheckRetry policy
		// that retries only refusals (429, a refused connection): nothing
		// executed is sent again. A policy whose code cannot be read is
		// unknown, and unknown is never reported; a functional option
		// setting a caller's policy leaves the default one (optionpolicy.go).
		if sel, ok := ast.Unparen(as.Lhs[0]).(*ast.SelectorExpr); ok && isNamed(w.info.TypeOf(sel.X), retryablehttpPkg, "Client") &&
			(sel.Sel.Name == "RetryMax" && isZero(w.info, as.Rhs[0]) || sel.Sel.Name == "CheckRetry" && !w.optionPolicy(sel, as.Rhs[0]) && (w.predicateRefuses(as.Rhs[0]) || !w.policyKnown(as.Rhs[0]))) {
			if obj := objOf(w.info, sel.X); obj != nil {
				cs.noRetry[obj] = true
			}
		}
	}
	if len(as.Lhs) == 1 && len(as.Rhs) == 1 {
		cs.noteTransport(w, as.Lhs[0], as.Rhs[0])
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

// noteTransport records `c.Transport = t` on an *http.Client variable or
// field: a retrying t makes c retry, any other replaces the transport a
// StandardClient retries in.
func (cs *clientState) noteTransport(w *walk, lhs, rhs ast.Expr) {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Transport" || !isHTTPClient(w.info.TypeOf(sel.X)) {
		return
	}
	v, ok := objOf(w.info, sel.X).(*types.Var)
	if !ok {
		return
	}
	if m := cs.transportMechanism(w, rhs, 0); m != "" {
		cs.std[v] = "an *http.Client whose transport is " + m
		return
	}
	cs.ownTransport[v] = true
}

// noteComposite records `&Client{http: rc.StandardClient()}`.
func (cs *clientState) noteComposite(w *walk, cl *ast.CompositeLit) {
	cs.kafka.noteComposite(w.info, cl)
	cs.redis.noteComposite(w.info, cl)
	cs.aws.noteComposite(w.info, cl)
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
			cs.std[v] = stdClientMechanism
		}
		return
	}
	if isHTTPClient(v.Type()) {
		if m := cs.clientMechanism(w, value); m != "" {
			cs.std[v] = m
			return
		}
		if call, ok := ast.Unparen(value).(*ast.CallExpr); ok {
			if fn := calleeFunc(w.info, call); fn != nil && fn.Pkg() == w.f.pass.Pkg {
				cs.madeBy[v] = append(cs.madeBy[v], call)
			}
		}
		if src, ok := objOf(w.info, value).(*types.Var); ok && src != v {
			cs.copies[v] = append(cs.copies[v], src)
		}
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
	cs.noteOptionValue(w, call, fn) // optionclients.go
	cs.noteParamClientCall(w, call, fn)
	cs.noteCallbackArgs(w, call, fn)
	cs.kafka.noteCall(w.info, call, fn)
	cs.aws.noteCall(w.info, call, fn)
	if isRetryInterceptor(w.info, w.decl, call) {
		cs.grpcRetryInterceptor = true
	}
	if fn.Pkg() != w.f.pass.Pkg && w.f.cfg.ClientMaker != nil && returnsDialOptions(fn) && w.f.cfg.ClientMaker(fn) == grpcDialMechanism {
		cs.grpcRetryInterceptor = true // grpcdialopts.go: dial options made in another package
	}
	if fn.Pkg() != w.f.pass.Pkg {
		cs.redis.noteMaker(fn, w.f.cfg.ClientMaker) // redisretry.go: options or clients made in another package
		cs.aws.noteMaker(fn, w.f.cfg.ClientMaker)   // awsretry.go: a configuration or clients made in another package
	}
	if isDial(fn) && call.Ellipsis == token.NoPos && !isRetryingDial(w.info, call) {
		cs.grpcPlainDial = true
	}
	recv := fn.Signature().Recv()
	switch {
	case isProducerSend(fn), isRedisCommand(fn), isAWSOperation(fn):
		cs.candidates = append(cs.candidates, clientCandidate{call, fn, w.decl})
	case recv != nil && restyVersion(recv.Type()) != "":
		if flags := w.restyOwnFlags(call, fn); flags != 0 {
			if root := restyRoot(w.info, call, recv.Type()); root != nil {
				cs.restyOwn[root] |= flags
			}
		}
		cs.candidates = append(cs.candidates, clientCandidate{call, fn, w.decl})
	case pkgOf(fn) == retryablehttpPkg,
		recv != nil && isNamed(recv.Type(), "net/http", "Client") && (fn.Name() == "Do" || fn.Name() == "Post" || fn.Name() == "PostForm"),
		isDoerCall(fn):
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
	cs.makers = cs.clientMakers(w)
	var out []*Scope
	for _, c := range cs.candidates {
		if s := cs.scopeOf(w, c); s != nil {
			out = append(out, s)
		}
	}
	out = append(out, cs.clientParamScopes(w)...)
	return append(out, cs.senderScopes(w, out)...)
}

func (cs *clientState) scopeOf(w *walk, c clientCandidate) *Scope {
	call, fn := c.call, c.fn
	s := &Scope{Kind: KindClient, Pos: call.Pos(), Call: call, Param: -1, Encl: c.decl}
	recv := fn.Signature().Recv()
	switch {
	case isProducerSend(fn):
		if s.Mechanism = cs.kafka.mechanism(fn); s.Mechanism == "" {
			return nil
		}
	case isRedisCommand(fn):
		if s.Mechanism = cs.redis.mech(); s.Mechanism == "" || !w.f.retriedCommand(c.decl, call) {
			return nil
		}
	case isAWSOperation(fn):
		if s.Mechanism = cs.aws.mech(); s.Mechanism == "" {
			return nil
		}
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
	case pkgOf(fn) == "net/http", isDoerCall(fn):
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		s.ConstructorDefault = cs.optionInstalled[objOf(w.info, sel.X)]
		if s.Mechanism = cs.stdClient(w.info, sel.X); s.Mechanism == "" {
			cs.noteClientParam(w, c, "net/http", 0)
			return nil
		}
	case restyVersion(recv.Type()) == "":
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || callDisablesRetry(w.info, call) {
			return nil
		}
		if !cs.isGRPCClient(w.info, objOf(w.info, sel.X)) && !(cs.grpcRetryInterceptor && !cs.grpcPlainDial && takesCallOptions(fn)) {
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
		lib := restyVersion(recv.Type())
		flags := cs.chainFlags(w, sel.X, map[types.Object]bool{})
		if s.Mechanism = restyMechanism(lib, flags); s.Mechanism == "" {
			cs.noteClientParam(w, c, lib, flags)
			return nil
		}
		s.ClientOp = describeRequest(w.info, method, url)
	}
	return s
}

// stdClientMechanism names the retry of an *http.Client made by
// go-retryablehttp's StandardClient.
const stdClientMechanism = "an *http.Client from go-retryablehttp's StandardClient (retries every request)"

// stdClient returns how the *http.Client e retries every request, or "":
// a variable or field holding one from retryablehttp's StandardClient or
// from a function returning a retrying client, or the call itself
// (retryablehttp.NewClient().StandardClient().Do(req)).
func (cs *clientState) stdClient(info *types.Info, e ast.Expr) string {
	if inner, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if isMethod(info, inner, retryablehttpPkg, "Client", "StandardClient") {
			return stdClientMechanism
		}
		return ""
	}
	return cs.stdClientObj(info, objOf(info, e), 0)
}

// heldStd returns the mechanism of the retrying client assigned to obj
// itself, or "" when none is or when obj's Transport was then replaced.
func (cs *clientState) heldStd(obj types.Object) string {
	if cs.ownTransport[obj] {
		return ""
	}
	return cs.std[obj]
}

// stdClientObj is stdClient for the variable or field obj, following the
// variables it was copied from.
func (cs *clientState) stdClientObj(info *types.Info, obj types.Object, depth int) string {
	if obj == nil || depth > 4 || cs.ownTransport[obj] {
		return ""
	}
	if m := cs.heldStd(obj); m != "" {
		return m
	}
	for _, call := range cs.madeBy[obj] {
		if m := cs.makers[calleeFunc(info, call)]; m != "" {
			return m
		}
	}
	for _, src := range cs.copies[obj] {
		if m := cs.stdClientObj(info, src, depth+1); m != "" {
			return m
		}
	}
	return ""
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
		if call, ok := ast.Unparen(def).(*ast.CallExpr); ok && cs.madeWithRetriesOff(info, call, depth+1) {
			return true
		}
	}
	return false
}

// madeWithRetriesOff reports whether call is a call of a function of the
// package whose every return gives a retryablehttp client with retries
// off (configureRetryClient setting a CheckRetry that retries no write
// and returning the client).
func (cs *clientState) madeWithRetriesOff(info *types.Info, call *ast.CallExpr, depth int) bool {
	if cs.finder == nil || depth > 4 {
		return false
	}
	decl := cs.finder.declOf(calleeFunc(info, call))
	if decl == nil {
		return false
	}
	isClient := func(t types.Type) bool { return isNamed(t, retryablehttpPkg, "Client") }
	return everyReturned(info, decl, isClient, func(e ast.Expr) bool {
		return cs.retriesOff(info, objOf(info, e), depth+1)
	})
}

// isZero reports whether e is the constant 0.
func isZero(info *types.Info, e ast.Expr) bool {
	tv := info.Types[e]
	return tv.Value != nil && tv.Value.Kind() == constant.Int && constant.Sign(tv.Value) == 0
}
