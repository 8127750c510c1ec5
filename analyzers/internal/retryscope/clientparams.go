package retryscope

import (
	"go/ast"
	"go/types"
)

// An SDK often configures its client once, in the constructor of its root
// package, and hands it to request functions of another package:
//
//	func CallCreateLease(httpClient *resty.Client, req CreateLeaseRequest) (…) {
//		res, err := httpClient.R().SetBody(req).Post("/v1/dynamic-secrets/leases")
//
// Whether that POST is sent again is decided by the client the caller
// passes: a resty client configured to retry, or an *http.Client from
// go-retryablehttp's StandardClient. Such a function is a client-parameter
// sender (ClientParam, carried to other packages by a fact); each call
// that passes a retrying client is a client scope, described by the
// callee's write.

// ClientParam describes a function that sends a write through a client
// it takes as a parameter.
type ClientParam struct {
	// Param is the index of the client parameter; Lib the client's
	// package path (resty v2 or v3, or net/http).
	Param int
	Lib   string
	// Flags is the resty configuration the function itself adds to the
	// client before sending (resty v3's SetAllowNonIdempotentRetry).
	Flags uint8
	// Op describes the write ("POST /v1/dynamic-secrets/leases").
	Op string
}

// noteParamClientCall records calls of functions that take a client, of
// this package or of another.
func (cs *clientState) noteParamClientCall(w *walk, call *ast.CallExpr, fn *types.Func) {
	if TakesClient(fn) {
		cs.paramClientCalls = append(cs.paramClientCalls, clientCandidate{call, fn, w.decl})
	}
}

// noteClientParam records that the sending call c, whose own client is
// not known to retry, sends a write through a client parameter of the
// function it is written in.
func (cs *clientState) noteClientParam(w *walk, c clientCandidate, lib string, flags restyFlags) {
	if c.decl == nil || w.f.cfg.Write == nil {
		return
	}
	fn, _ := w.info.Defs[c.decl.Name].(*types.Func)
	sel, ok := ast.Unparen(c.call.Fun).(*ast.SelectorExpr)
	if fn == nil || !ok || cs.clientParams[fn] != nil {
		return
	}
	i := cs.chainParam(w, fn, sel.X, map[types.Object]bool{})
	if i < 0 {
		return
	}
	// The classifier judges the call: a read sent as POST, or a request
	// carrying an idempotency key, is not recorded.
	if op, ok := w.f.cfg.Write(c.call, c.decl); ok {
		cs.clientParams[fn] = &ClientParam{Param: i, Lib: lib, Flags: uint8(flags), Op: op}
	}
}

// chainParam returns the index of the parameter of fn that a client chain
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

// clientParamScopes turns the calls that pass a retrying client to a
// client-parameter sender into client scopes. A call that passes its own
// caller's client parameter makes the enclosing function a sender in turn
// (a wrapper), up to maxSenderRounds levels.
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
			mech, flags := cs.argRetries(w, cp, arg)
			if mech != "" {
				done[c.call] = true
				out = append(out, &Scope{Kind: KindClient, Pos: c.call.Pos(), Call: c.call, Param: -1, Encl: c.decl,
					ClientOp: cp.Op, ViaParam: true, Mechanism: ShortName(c.fn) + ", which sends it through the client passed to it (" + mech + ")"})
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

// argRetries names how the client passed as arg retries the sender's
// write, "" when it does not; flags is the resty configuration gathered.
func (cs *clientState) argRetries(w *walk, cp *ClientParam, arg ast.Expr) (string, restyFlags) {
	if cp.Lib == "net/http" {
		if m := cs.stdClient(w.info, arg); m != "" {
			return m, 0
		}
		return "", 0
	}
	flags := cs.chainFlags(w, arg, map[types.Object]bool{}) | restyFlags(cp.Flags)
	return restyMechanism(cp.Lib, flags), flags
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
	case flags&restyRefusalCondition != 0 && flags&restyOtherCondition == 0:
		return "" // every retry condition is a refusal: nothing ran
	case lib == restyV3Pkg && flags&restyAllowNonIdempotent == 0:
		return ""
	case lib == restyV3Pkg:
		return "resty's SetRetryCount with SetAllowNonIdempotentRetry(true)"
	}
	return "resty's SetRetryCount (retries failed requests)"
}

// TakesClient reports whether fn, outside the standard library, has a
// client parameter a caller may pass a retrying client in: a resty client
// (or request), or an *http.Client.
func TakesClient(fn *types.Func) bool {
	if fn.Pkg() == nil || isStdPath(fn.Pkg().Path()) {
		return false
	}
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		t := params.At(i).Type()
		if restyVersion(t) != "" || isNamed(t, "net/http", "Client") {
			return true
		}
	}
	return false
}
