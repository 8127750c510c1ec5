package resend

// Judging a pair of sends: the second re-sends the first when it follows an
// inspection of the first's response on a path that does not limit the
// re-send to refusals, and no idempotency key protects both.

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/httpstatus"
)

// finding is one re-send to report.
type finding struct {
	first, second send
	looked        inspection
	statuses      httpstatus.Set
}

// judge decides whether second re-sends first after first's response was
// inspected, on a path that does not restrict the re-send to refusals.
func (c *checker) judge(body *ast.BlockStmt, fl *flow, first, second send) (finding, bool) {
	if loopedApart(first, second) || leftBefore(first, second) || exclusive(c.pass.TypesInfo, body, first, second) || redirected(c.pass.TypesInfo, fl, body, first, second) {
		return finding{}, false
	}
	ev := &evaluator{info: c.pass.TypesInfo, flow: fl, funcs: c.funcs}
	reach := httpstatus.All()
	var looks []inspection
	for _, con := range pathConstraints(second.path) {
		if con.pos < first.call.End() || con.assertion {
			continue // decided before the first response existed, or an assertion
		}
		set, inspects := ev.evaluate(con)
		if len(inspects) == 0 {
			continue // a condition about something else
		}
		reach = reach.And(set)
		// Getting past a check whose other side returns an error means
		// the check found the answer good.
		passed := con.left != nil && leavesWithError(c.pass.TypesInfo, con.left)
		for _, in := range inspects {
			in.pos = con.pos
			in.success = in.success || passed
			looks = append(looks, in)
		}
	}
	if len(looks) == 0 || reach.Empty() || reach.SubsetOf(httpstatus.Refusals()) {
		return finding{}, false
	}
	looked, ok := trigger(looks, reach)
	if !ok || c.protected(body, first, second) {
		return finding{}, false
	}
	return finding{first: first, second: second, looked: looked, statuses: reach}, true
}

// trigger picks the inspection that the re-send depends on: a header, body
// or decode check, or else a status that lets a 5xx through. A re-send
// reached only on 2xx (or other 4xx) statuses is a follow-up write, not a
// duplicate.
func trigger(looks []inspection, reach httpstatus.Set) (inspection, bool) {
	// The innermost inspection is the one that decides; outer ones that
	// control passes on their success side (if err != nil { return })
	// decide nothing, nor do the headers of a refusal (Retry-After,
	// WWW-Authenticate).
	for i := len(looks) - 1; i >= 0; i-- {
		in := looks[i]
		if in.kind == inspectStatus || in.success {
			continue
		}
		if in.kind == inspectHeader && isRefusalHeader(in.name) {
			continue
		}
		return in, true
	}
	if reach.Intersects(httpstatus.ServerErrors()) {
		for _, in := range looks {
			if in.kind == inspectStatus {
				return in, true
			}
		}
	}
	return inspection{}, false
}

// isRefusalHeader recognises headers with which a server refuses a request
// or asks for it to be sent again: they come with 401, 407, 429 and 503.
func isRefusalHeader(name string) bool {
	for _, h := range []string{"Retry-After", "WWW-Authenticate", "Proxy-Authenticate"} {
		if strings.EqualFold(name, h) {
			return true
		}
	}
	return false
}

// protected reports whether both sends carry the same idempotency key
// created before the first one (or derived from stable data), or the
// second is guarded by compare-and-swap or create-if-missing.
func (c *checker) protected(body *ast.BlockStmt, first, second send) bool {
	e2 := c.cls.Evidence(second.call, body)
	if e2.Guarded() {
		return true
	}
	if len(e2.Keys) == 0 {
		return false
	}
	if second.recursive {
		return true // the key travels with the arguments of the recursive call
	}
	e1 := c.cls.Evidence(first.call, body)
	for _, k1 := range e1.Keys {
		for _, k2 := range e2.Keys {
			if k1.Origin == k2.Origin && k1.Origin.IsValid() && k1.Origin < first.call.Pos() {
				return true // one key, created once before the first send
			}
			if !k1.Fresh && !k2.Fresh && k1.Name == k2.Name && sameText(k1.Value, k2.Value) {
				return true // the same key derived from stable data
			}
		}
	}
	return false
}

func sameText(a, b ast.Expr) bool {
	return a != nil && b != nil && types.ExprString(a) == types.ExprString(b)
}
