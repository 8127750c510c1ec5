package retryscope

import (
	"go/ast"
	"go/types"
)

// A retrying client set up in a constructor is usually reached through a
// generic method of the package's own client (godo's Client.Do(ctx, req,
// v)): the request is a parameter there, and the method that sends a POST
// is the caller that built the request. A function that sends one of its
// parameters through a retrying client is a retrying sender; each call of
// it in the package is a client scope, judged by the request it passes.

// maxSenderRounds bounds chains of senders wrapping senders.
const maxSenderRounds = 3

// noteSenderCall records a call of a function of this package that takes
// a request: it may be a retrying sender.
func (cs *clientState) noteSenderCall(w *walk, call *ast.CallExpr, fn *types.Func) {
	if fn.Pkg() != w.f.pass.Pkg || requestParam(fn) < 0 {
		return
	}
	cs.senderCalls = append(cs.senderCalls, clientCandidate{call, fn, w.decl})
}

// requestParam is the index of fn's *http.Request (or retryablehttp
// Request) parameter, or -1.
func requestParam(fn *types.Func) int {
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		t := params.At(i).Type()
		if isNamed(t, "net/http", "Request") || isNamed(t, retryablehttpPkg, "Request") {
			return i
		}
	}
	return -1
}

// senderScopes turns the calls of retrying senders into client scopes:
// a sender is a function whose client scope sends its request parameter.
func (cs *clientState) senderScopes(w *walk, scopes []*Scope) []*Scope {
	senders := map[*types.Func]string{} // sender → how it retries
	out := cs.forwardScopes(w)
	for round := 0; round < maxSenderRounds; round++ {
		added := false
		for _, s := range append(scopes, out...) {
			if fn, ok := w.sendsParam(s); ok && senders[fn] == "" {
				senders[fn] = s.Mechanism
				added = true
			}
		}
		if !added {
			break
		}
		for _, c := range cs.senderCalls {
			mech := senders[c.fn.Origin()]
			if mech == "" || hasScope(out, c.call) {
				continue
			}
			out = append(out, &Scope{Kind: KindClient, Pos: c.call.Pos(), Call: c.call, Param: -1, Encl: c.decl,
				Mechanism: ShortName(c.fn) + ", which sends the request through " + mech})
		}
	}
	return out
}

// sendsParam reports whether a client scope sends a request that is a
// parameter of the function it is written in, and returns that function.
func (w *walk) sendsParam(s *Scope) (*types.Func, bool) {
	if s.Kind != KindClient || s.Call == nil || s.Encl == nil || len(s.Call.Args) == 0 {
		return nil, false
	}
	fn, _ := w.info.Defs[s.Encl.Name].(*types.Func)
	if fn == nil {
		return nil, false
	}
	i := requestParam(fn)
	if i < 0 {
		return nil, false
	}
	param := fn.Signature().Params().At(i)
	for _, arg := range s.Call.Args {
		if refersTo(w.info, arg, param) || w.clients.derivedFrom(w.info, arg, param, 0) {
			return fn, true
		}
	}
	return nil, false
}

func hasScope(scopes []*Scope, call *ast.CallExpr) bool {
	for _, s := range scopes {
		if s.Call == call {
			return true
		}
	}
	return false
}

// forwardScopes finds calls that hand a retrying client to a function of
// the package that sends its request parameter with it
// (DoRequestWithClient(ctx, c.HTTPClient, req), whose body is
// client.Do(req)): the call sends through the retrying client.
func (cs *clientState) forwardScopes(w *walk) []*Scope {
	var out []*Scope
	for _, c := range cs.senderCalls {
		ci, ok := w.forwardsClient(c.fn)
		if !ok || ci >= len(c.call.Args) {
			continue
		}
		mech := cs.stdClient(w.info, c.call.Args[ci])
		if mech == "" {
			continue
		}
		out = append(out, &Scope{Kind: KindClient, Pos: c.call.Pos(), Call: c.call, Param: -1, Encl: c.decl,
			Mechanism: mech})
	}
	return out
}

// forwardsClient reports whether fn (of this package) calls Do on its
// *http.Client parameter with its request parameter, and returns the
// client parameter's index.
func (w *walk) forwardsClient(fn *types.Func) (int, bool) {
	d := w.f.declOf(fn)
	ri := requestParam(fn)
	if d == nil || ri < 0 {
		return 0, false
	}
	params := fn.Signature().Params()
	req := params.At(ri)
	for ci := 0; ci < params.Len(); ci++ {
		client := params.At(ci)
		if !isNamed(client.Type(), "net/http", "Client") {
			continue
		}
		found := false
		ast.Inspect(d.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || found || len(call.Args) != 1 {
				return !found
			}
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Do" &&
				objOf(w.info, sel.X) == client && refersTo(w.info, call.Args[0], req) {
				found = true
			}
			return !found
		})
		if found {
			return ci, true
		}
	}
	return 0, false
}
