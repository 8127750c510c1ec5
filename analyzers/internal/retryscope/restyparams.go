package retryscope

import (
	"go/ast"
	"go/types"
)

// An SDK often configures its resty client once, in the constructor of
// its root package, and hands it to request functions of another package:
//
//	func CallCreateLease(httpClient *resty.Client, req CreateLeaseRequest) (…) {
//		res, err := httpClient.R().SetBody(req).Post("/v1/dynamic-secrets/leases")
//
// Whether that POST is sent again is decided by the client the caller
// passes. Such a function is a client-parameter sender (ClientParam,
// carried to other packages by a fact); each call that passes a client
// configured to retry is a client scope, described by the callee's
// request.

// ClientParam describes a function that sends a write through a resty
// client it takes as a parameter.
type ClientParam struct {
	// Param is the index of the *resty.Client (or *resty.Request)
	// parameter; Lib the resty package path.
	Param int
	Lib   string
	// Flags is the configuration the function itself adds to the client
	// before sending (resty v3's SetAllowNonIdempotentRetry).
	Flags uint8
	// Op describes the request ("POST /v1/dynamic-secrets/leases").
	Op string
}

// noteParamClientCall records calls of functions that take a resty
// client, of this package or of another.
func (cs *clientState) noteParamClientCall(w *walk, call *ast.CallExpr, fn *types.Func) {
	if TakesRestyClient(fn) {
		cs.paramClientCalls = append(cs.paramClientCalls, clientCandidate{call, fn, w.decl})
	}
}

// noteClientParam records that the resty call c, which its own chain does
// not configure to retry, sends through a client parameter of the
// function it is written in.
func (cs *clientState) noteClientParam(w *walk, c clientCandidate, lib string, flags restyFlags, op string) {
	if c.decl == nil || w.f.cfg.Keyed != nil && w.f.cfg.Keyed(c.call, c.decl) {
		return // a key set in the function is sent again with every retry
	}
	fn, _ := w.info.Defs[c.decl.Name].(*types.Func)
	sel, ok := ast.Unparen(c.call.Fun).(*ast.SelectorExpr)
	if fn == nil || !ok || cs.clientParams[fn] != nil {
		return
	}
	if i := cs.chainParam(w, fn, sel.X, map[types.Object]bool{}); i >= 0 {
		cs.clientParams[fn] = &ClientParam{Param: i, Lib: lib, Flags: uint8(flags), Op: op}
	}
}

// chainParam returns the index of the parameter of fn that a resty chain
// starts from (through Clone, R and variables assigned from them), or -1.
func (cs *clientState) chainParam(w *walk, fn *types.Func, e ast.Expr, seen map[types.Object]bool) int {
	for depth := 0; depth < 32; depth++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok || restyVersion(w.info.TypeOf(sel.X)) == "" {
				return -1
			}
			e = sel.X
		default:
			obj := objOf(w.info, x)
			if obj == nil || seen[obj] {
				return -1
			}
			seen[obj] = true
			if i := paramIndex(fn, obj); i >= 0 {
				return i
			}
			defs := cs.defs[obj]
			if len(defs) != 1 {
				return -1 // a client chosen among several is not the parameter alone
			}
			e = defs[0]
		}
	}
	return -1
}

func paramIndex(fn *types.Func, obj types.Object) int {
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if params.At(i) == obj {
			return i
		}
	}
	return -1
}

// clientParamScopes turns the calls that pass a retrying resty client to
// a client-parameter sender into client scopes. A call that passes its
// own caller's client parameter makes the enclosing function a sender in
// turn (a wrapper), up to maxSenderRounds levels.
func (cs *clientState) clientParamScopes(w *walk) []*Scope {
	var out []*Scope
	done := map[*ast.CallExpr]bool{}
	for round := 0; round < maxSenderRounds; round++ {
		added := false
		for _, c := range cs.paramClientCalls {
			if done[c.call] {
				continue
			}
			cp := cs.clientParamOf(w, c.fn)
			if cp == nil || cp.Param >= len(c.call.Args) {
				continue
			}
			arg := c.call.Args[cp.Param]
			flags := cs.chainFlags(w, arg, map[types.Object]bool{}) | restyFlags(cp.Flags)
			if mech := restyMechanism(cp.Lib, flags); mech != "" {
				done[c.call] = true
				out = append(out, &Scope{Kind: KindClient, Pos: c.call.Pos(), Call: c.call, Param: -1, Encl: c.decl,
					ClientOp: cp.Op, ViaParam: true, Mechanism: shortName(c.fn) + ", which sends it through the client passed to it (" + mech + ")"})
				continue
			}
			if c.decl == nil {
				continue
			}
			encl, _ := w.info.Defs[c.decl.Name].(*types.Func)
			if encl == nil || cs.clientParams[encl] != nil {
				continue
			}
			if i := cs.chainParam(w, encl, arg, map[types.Object]bool{}); i >= 0 {
				cs.clientParams[encl] = &ClientParam{Param: i, Lib: cp.Lib, Flags: uint8(flags), Op: cp.Op}
				added = true
			}
		}
		if !added {
			break
		}
	}
	return out
}

// clientParamOf is the ClientParam of a function of this package (found
// by the walk) or of another (a fact).
func (cs *clientState) clientParamOf(w *walk, fn *types.Func) *ClientParam {
	fn = fn.Origin()
	if cp := cs.clientParams[fn]; cp != nil {
		return cp
	}
	if fn.Pkg() != w.f.pass.Pkg && w.f.cfg.ClientParam != nil {
		return w.f.cfg.ClientParam(fn)
	}
	return nil
}

// restyMechanism names how a resty client with these flags retries a
// non-idempotent request, or "" when it does not.
func restyMechanism(lib string, flags restyFlags) string {
	switch {
	case flags&restyRetries == 0:
		return ""
	case lib == restyV3Pkg && flags&restyAllowNonIdempotent == 0:
		return ""
	case lib == restyV3Pkg:
		return "resty's SetRetryCount with SetAllowNonIdempotentRetry(true)"
	}
	return "resty's SetRetryCount (retries failed requests)"
}

// TakesRestyClient reports whether fn has a resty client (or request)
// parameter.
func TakesRestyClient(fn *types.Func) bool {
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if restyVersion(params.At(i).Type()) != "" {
			return true
		}
	}
	return false
}
