package retryscope

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/http"
	"regexp"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
	"github.com/twice-lint/twice/analyzers/internal/httpstatus"
)

// A retry that goes round only when the server refused the request before
// executing it (a rate limit, a bad nonce, an authentication failure, a
// conflict, "not ready yet", a refused connection) cannot repeat a write
// that took effect. This file decides whether a condition holds only on
// such a refusal; refusalpath.go uses it to judge retry predicates and the
// paths that go round again.
//
// Only positive evidence counts: a condition the evaluator does not
// understand (an unknown predicate, a timeout test) is not a refusal, so
// the retry keeps today's judgement.

// refusalStatuses are the statuses of a request the server did not
// execute: the refusals every analyzer accepts (401/403/407/429) plus 409
// Conflict and 425 Too Early, which retry predicates use for "the state
// changed under you, send again" and "not ready yet", 408 Request Timeout
// (the server gave up waiting for the request before it had all of it),
// and the validation answers 400, 404 and 422, which predicates retry
// while a dependency propagates ("not found yet", "no address left in
// this subnet"), and 413 Content Too Large (the server rejected the body
// before applying it; a retry sends a smaller one). 503 is one only with
// Config.UnavailableRefuses: proxies also answer 503 when the upstream
// connection broke after the request was sent.
func (r *refusals) statuses() httpstatus.Set {
	s := httpstatus.Refusals().Or(httpstatus.Of(400, 404, 408, 409, 413, 422, 425))
	if r.unavailable {
		s.Add(http.StatusServiceUnavailable)
	}
	return s
}

// refusalWords matches the names and messages of refusals: sentinel errors
// (ErrRateLimited, ErrBadNonce, syscall.ECONNREFUSED), error types
// (*ThrottlingException, *TooManyRequestsError, ACME's *NonceError), predicates
// (IsTooManyRequests, isRateLimited, apierrors.IsConflict,
// IsRequestEntityTooLargeError) and error texts
// ("connection refused", "urn:ietf:params:acme:error:badNonce", "is busy
// completing an operation": a server too busy to take the request), and
// an error made from a Retry-After header (a retryAfterError): a server
// names a time to come back when it refuses (429, a rate-limit 403).
// So do the codes of a rejected credential (Microsoft Graph's
// "InvalidAuthenticationToken", "expired_token", gRPC's Unauthenticated):
// the server refused the request before doing anything, and the client
// retries after refreshing its token.
var refusalWords = regexp.MustCompile(`(?i)(rate.?limit|retry.?after|throttl|too.?many.?requests|nonce|not.?ready|unauthori[sz]ed|unauthenticated|invalid.?auth|invalid.?(access.?)?token|(access.?)?token.?(expired|invalid)|expired.?(access.?)?token|forbidden|conflict|conn(ection)?.?refused|econnrefused|no.?such.?host|proxy.?auth|slow.?down|quota.?exceeded|too.?large|busy)`)

// abortCodeWords name a database's error numbers for a deadlock and a
// serialization failure (MySQL's ErrLockDeadlock, ER_LOCK_DEADLOCK): the
// database rolled the statement's transaction back, nothing of it
// applied. They are read in error-number constants only; a sentinel error
// is judged by its declaration (an errDeadlock whose text says the
// statement was interrupted is ambiguous).
var abortCodeWords = regexp.MustCompile(`(?i)(deadlock|serializ(e|ation|able))`)

// abortedText matches a database's messages for a transaction it aborted
// and rolled back (PostgreSQL's "could not serialize access", "deadlock
// detected", a unique violation's "duplicate key value"): the attempt
// that failed so wrote nothing.
var abortedText = regexp.MustCompile(`(?i)(could.?not.?serialize|serialization.?failure|deadlock.?detected|duplicate.?key)`)

// sentNothing reports whether fn is a driver's predicate that holds only
// for an error that happened before anything was sent: pgconn's
// SafeToRetry (pgx v4 and v5).
func sentNothing(fn *types.Func) bool {
	switch pkgOf(fn) {
	case "github.com/jackc/pgconn", "github.com/jackc/pgx/v5/pgconn":
		return fn.Name() == "SafeToRetry"
	}
	return false
}

// maxRefusalDepth bounds how far the evaluator follows helpers and local
// variables.
const maxRefusalDepth = 4

// refusals evaluates conditions for one package.
type refusals struct {
	info  *types.Info
	decls func(*types.Func) *ast.FuncDecl
	// known holds the outcomes of the conditions being evaluated together
	// (see refused), by condkey.Key.
	known map[string]bool
	// files and pkg are the package's, for the values its func-typed
	// fields can hold (refusalvalues.go); funcs indexes them on first use.
	files []*ast.File
	pkg   *types.Package
	funcs *funcValues
	// imported: Config.RefusalPredicate (nil: none known).
	imported func(*types.Func) bool
	// ambiguousImported: Config.AmbiguousSentinel (nil: none known).
	ambiguousImported func(*types.Var) bool
	// settledImported: Config.SettledPredicate (nil: none known).
	settledImported func(*types.Func) bool
	// inits indexes the initializers of the package-level variables and
	// constants (see initializer).
	inits map[types.Object]ast.Expr
	// unavailable: Config.UnavailableRefuses.
	unavailable bool
	// args binds the parameters of the predicate being evaluated to the
	// constants its caller passed (see bind).
	args map[*types.Var]constant.Value
	// methods are the parameters of the predicate being evaluated that
	// its caller passed the retried request's method to (methodgate.go).
	methods map[types.Object]bool
}

// when reports whether e, when it evaluates to truth, implies that the
// request was refused. scope is the function body e is written in (to
// follow `rateLimited := isRateLimit(err)`).
func (r *refusals) when(e ast.Expr, truth bool, scope ast.Node, depth int) bool {
	if e == nil || depth > maxRefusalDepth {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		return x.Op == token.NOT && r.when(x.X, !truth, scope, depth)
	case *ast.BinaryExpr:
		return r.binary(x, truth, scope, depth)
	case *ast.CallExpr:
		return truth && r.call(x, depth)
	case *ast.SelectorExpr:
		return truth && r.fieldOnlyOnRefusal(x, scope, depth) // result.Retry
	case *ast.Ident:
		if tv := r.info.Types[x]; tv.Value != nil {
			return false
		}
		if def := r.definition(x, scope); def != nil {
			return r.when(def, truth, scope, depth+1)
		}
		if t := r.assertedType(x, scope); t != nil {
			return truth && settledType(t) // rl, ok := err.(*RateLimitError)
		}
		if call := r.verdictOf(x, scope); call != nil {
			return truth && r.call(call, depth+1)
		}
		return truth && r.resultOnlyOnRefusal(x, scope, depth) // u, retry = c.check(u, resp, err)
	}
	return false
}

// binary handles &&, || and comparisons.
func (r *refusals) binary(x *ast.BinaryExpr, truth bool, scope ast.Node, depth int) bool {
	switch x.Op {
	case token.LAND:
		if truth {
			return r.when(x.X, true, scope, depth) || r.when(x.Y, true, scope, depth)
		}
		// !(a && b) is !a or !b: each must be a refusal, or impossible
		// because the other conditions say the operand holds.
		return r.eitherRefused(x, false, scope, depth)
	case token.LOR:
		if truth {
			return r.eitherRefused(x, true, scope, depth)
		}
		return r.when(x.X, false, scope, depth) || r.when(x.Y, false, scope, depth)
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
		if eq, ok := methodTest(r.info, x, r.methods); ok && eq == truth {
			return true // method == GET holds for no write: nothing reported goes this way
		}
		if r.nilErrorOnRefusal(x, truth, scope, depth) {
			return true // err := handleRateLimit(resp); err == nil
		}
		if equalsOne(x.Op, truth) && r.neverEqual(x, scope) {
			return true // err == io.EOF after http.Client.Do: never, nothing goes this way (wrappederr.go)
		}
		return r.comparison(x, truth)
	}
	return false
}

// nilErrorOnRefusal judges `err == nil` (or `err != nil` false) where err
// is the error a function of the package returned: a rate-limit handler
// that sleeps and returns nil only after a 429, and an error for any
// other response,
//
//	if err := m.handleRateLimit("CreatePost", resp); err != nil {
//		return err
//	}
//	// go round
//
// says the request was refused whenever the loop goes round.
func (r *refusals) nilErrorOnRefusal(x *ast.BinaryExpr, truth bool, scope ast.Node, depth int) bool {
	if !equalsOne(x.Op, truth) {
		return false // err != nil: an error, whatever it says
	}
	e := x.X
	if !isNil(r.info, x.Y) {
		if !isNil(r.info, x.X) {
			return false
		}
		e = x.Y
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || !isErrorType(r.info.TypeOf(id)) {
		return false
	}
	call, passesError := r.errorSource(id, scope), false
	if call == nil {
		call, passesError = r.ifInitSource(x, id, scope)
	}
	if call == nil {
		return false
	}
	fn, _ := typeutil.Callee(r.info, call).(*types.Func)
	if fn == nil {
		return false
	}
	res := fn.Signature().Results()
	d := r.decls(fn.Origin())
	if d == nil || res.Len() == 0 || !isErrorType(res.At(res.Len()-1).Type()) {
		return false
	}
	defer r.bind(d, call)()
	return r.nilOnlyOnRefusal(d, res.Len()-1, depth+1, passesError)
}

// ifInitSource returns the call assigned to the error variable id in the
// init of the if statement whose condition is x (`if err = filter(err);
// err != nil`), where id has other values in scope, or nil. passesError
// reports whether the statements before that if in its block leave when
// id is nil (`if err == nil { return res, nil }`): the call is then given
// the error the attempt failed with.
func (r *refusals) ifInitSource(x *ast.BinaryExpr, id *ast.Ident, scope ast.Node) (call *ast.CallExpr, passesError bool) {
	obj := r.info.Uses[id]
	if obj == nil || scope == nil {
		return nil, false
	}
	ast.Inspect(scope, func(n ast.Node) bool {
		block, ok := n.(*ast.BlockStmt)
		if !ok || call != nil {
			return call == nil
		}
		for _, st := range block.List {
			ifs, ok := st.(*ast.IfStmt)
			if !ok || ast.Unparen(ifs.Cond) != x {
				continue
			}
			as, ok := ifs.Init.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return false
			}
			for j, l := range as.Lhs {
				if refersTo(r.info, l, obj) {
					call, _ = ast.Unparen(as.Rhs[j]).(*ast.CallExpr)
				}
			}
			passesError = call != nil && r.leavesWhenNil(block.List, ifs, obj)
			return false
		}
		return true
	})
	return call, passesError
}

// leavesWhenNil reports whether the statements of list before child
// leave when v is nil (`if err == nil { return res, nil }`), as the
// guard walker reads them (precedingConditions).
func (r *refusals) leavesWhenNil(list []ast.Stmt, child ast.Node, v types.Object) bool {
	for _, c := range precedingConditions(list, child) {
		b, ok := ast.Unparen(c.expr).(*ast.BinaryExpr)
		if ok && !c.truth && b.Op == token.EQL && refersTo(r.info, b.X, v) && isNil(r.info, b.Y) {
			return true
		}
	}
	return false
}

// errorSource returns the call whose error result is the one value of the
// error variable id in scope (err := f(…), or v, err := f(…)), or nil.
func (r *refusals) errorSource(id *ast.Ident, scope ast.Node) *ast.CallExpr {
	obj, ok := r.info.Uses[id].(*types.Var)
	if !ok || scope == nil {
		return nil
	}
	defs, _ := astpath.Definitions(r.info, scope, obj)
	values := astpath.WithValues(defs)
	if len(values) != 1 {
		return nil
	}
	call, ok := ast.Unparen(values[0].Rhs).(*ast.CallExpr)
	if !ok {
		return nil
	}
	if values[0].Tuple {
		sig, ok := r.info.TypeOf(call.Fun).Underlying().(*types.Signature)
		if !ok || values[0].Index != sig.Results().Len()-1 {
			return nil
		}
	}
	return call
}

// nilOnlyOnRefusal reports whether every return of d's body whose error
// result k may be nil is reached only on a refusal. A return of an error
// value the body tested non-nil on the way (if err != nil { return err })
// is an error, and so, when the caller passes the error its attempt
// failed with (passesError: it left the loop before on a nil one), is the
// error parameter handed back unchanged (a filter's `if !ok { return err
// }`); any other value may be nil and must be guarded too.
func (r *refusals) nilOnlyOnRefusal(d *ast.FuncDecl, k, depth int, passesError bool) bool {
	return r.onlyOnRefusal(d.Body, k, depth, func(e ast.Expr, path []ast.Node) (bool, bool) {
		if !isNil(r.info, e) && (nonNilError(r.info, e, path) || passesError && errorParam(r.info, d, e)) {
			return false, false // an error: the caller does not go round
		}
		return true, false
	})
}

// errorParam reports whether e is one of d's parameters of type error.
func errorParam(info *types.Info, d *ast.FuncDecl, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || !isErrorType(info.TypeOf(id)) {
		return false
	}
	obj := info.Uses[id]
	for _, field := range d.Type.Params.List {
		for _, name := range field.Names {
			if obj != nil && info.Defs[name] == obj {
				return true
			}
		}
	}
	return false
}

// onlyOnRefusal reports whether every return of body whose result k
// gives the outcome asked about (judge's first answer) gives it only on a
// refusal: judge says the returned value itself implies one (its second
// answer), or the path to the return is guarded by one. A body with no
// such return says nothing.
func (r *refusals) onlyOnRefusal(body *ast.BlockStmt, k, depth int, judge func(e ast.Expr, path []ast.Node) (gives, refused bool)) bool {
	if body == nil || depth > maxRefusalDepth {
		return false
	}
	saw, ok := false, true
	forEachReturn(body, func(ret *ast.ReturnStmt, path []ast.Node) {
		if !ok || len(ret.Results) <= k {
			ok = ok && len(ret.Results) > k
			return
		}
		gives, refused := judge(ret.Results[k], path)
		if !gives {
			return
		}
		saw = true
		if !refused && !r.guarded(path, body, depth) {
			ok = false
		}
	})
	return ok && saw
}

// nonNilError reports whether e, returned at the end of path, is an error
// made there (fmt.Errorf, errors.New, a composite) or a variable an
// enclosing `if v != nil` tested.
func nonNilError(info *types.Info, e ast.Expr, path []ast.Node) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return isFunc(info, x, "fmt", "Errorf") || isFunc(info, x, "errors", "New")
	case *ast.UnaryExpr, *ast.CompositeLit:
		return true // &MyError{…}
	case *ast.Ident:
		obj := info.Uses[x]
		for _, n := range path {
			ifs, ok := n.(*ast.IfStmt)
			if !ok {
				continue
			}
			if b, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr); ok && b.Op == token.NEQ && refersTo(info, b.X, obj) && isNil(info, b.Y) {
				return true
			}
		}
	}
	return false
}

// eitherRefused judges a disjunction of the operands of x with outcome
// truth (a || b true, or a && b false): every operand that can have that
// outcome, given the known conditions, must imply a refusal.
func (r *refusals) eitherRefused(x *ast.BinaryExpr, truth bool, scope ast.Node, depth int) bool {
	possible := 0
	for _, op := range []ast.Expr{x.X, x.Y} {
		if r.knownAs(op, !truth) {
			continue
		}
		possible++
		if !r.when(op, truth, scope, depth) {
			return false
		}
	}
	return possible > 0
}

// comparison judges a status comparison (resp.StatusCode == 429,
// apiErr.Code != http.StatusConflict), a comparison with a refusal
// sentinel (err == ErrRateLimited) and a dial test (opErr.Op == "dial").
func (r *refusals) comparison(x *ast.BinaryExpr, truth bool) bool {
	val, other, op := x.Y, x.X, x.Op
	if r.constValue(val) == nil {
		val, other, op = x.X, x.Y, httpstatus.Mirror(x.Op)
	}
	if v := r.constValue(val); v != nil {
		switch v.Kind() {
		case constant.Int:
			c, exact := constant.Int64Val(v)
			if !exact {
				return false
			}
			if isStatusExpr(r.info, other) || isHTTPStatusConst(r.info, val) {
				yes := httpstatus.Where(op, int(c))
				if !truth {
					yes = yes.Not()
				}
				if !yes.Empty() && yes.SubsetOf(r.statuses()) {
					return true
				}
			}
			return equalsOne(op, truth) && (r.specificCode(other, val, c) || r.refusalCode(other, val))
		case constant.String:
			s := constant.StringVal(v)
			return equalsOne(op, truth) && (r.refusalText(other, s) || r.specificText(other, val, s))
		}
		return false
	}
	// err == ErrRateLimited (both sides non-constant).
	if (x.Op == token.EQL) != truth || x.Op != token.EQL && x.Op != token.NEQ {
		return false
	}
	return r.settledValue(x.X) || r.settledValue(x.Y)
}

// equalsOne reports whether a comparison with outcome truth says the
// operands are equal (== true, != false).
func equalsOne(op token.Token, truth bool) bool {
	return op == token.EQL && truth || op == token.NEQ && !truth
}

// abortedStates are the SQLSTATEs of a transaction the database aborted
// before it could commit (serialization failure, deadlock, CockroachDB's
// retriable error): re-running it repeats nothing that took effect.
var abortedStates = map[string]bool{"40001": true, "40P01": true, "CR000": true}

// refusalText judges `x == "…"`: opErr.Op == "dial" on a *net.OpError (the
// connection was never made), an SQLSTATE code of an aborted
// transaction (code == "40001", pgErr.Code == "40P01"), or an error code
// or reason that names a refusal (code == "InvalidAuthenticationToken").
func (r *refusals) refusalText(x ast.Expr, s string) bool {
	var name string
	switch e := ast.Unparen(x).(type) {
	case *ast.SelectorExpr:
		if e.Sel.Name == "Op" && s == "dial" && isNamed(r.info.TypeOf(e.X), "net", "OpError") {
			return true
		}
		name = e.Sel.Name
	case *ast.Ident:
		name = e.Name
	case *ast.CallExpr:
		name = astpath.CalleeName(e)
	}
	n := strings.ToLower(name)
	if abortedStates[s] && (strings.Contains(n, "code") || strings.Contains(n, "state")) {
		return true
	}
	// e.Error.Code == "InvalidAuthenticationToken", reason == "RateLimited":
	// a service's error code naming a refusal.
	return refusalWords.MatchString(s) && (strings.Contains(n, "code") || strings.Contains(n, "reason"))
}

// refusalValue reports whether e names a refusal sentinel
// (ErrRateLimited, syscall.ECONNREFUSED, acme.ErrBadNonce).
func (r *refusals) refusalValue(e ast.Expr) bool {
	if r.notSentValue(e) {
		return true
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		_, isVar := r.info.Uses[x].(*types.Var)
		_, isConst := r.info.Uses[x].(*types.Const)
		return (isVar || isConst) && refusalWords.MatchString(x.Name) && !isLocal(r.info.Uses[x])
	case *ast.SelectorExpr:
		return refusalWords.MatchString(x.Sel.Name)
	}
	return false
}

// isLocal reports whether obj is declared inside a function (a sentinel
// is a package-level variable or constant).
func isLocal(obj types.Object) bool {
	return obj.Parent() != nil && obj.Pkg() != nil && obj.Parent() != obj.Pkg().Scope()
}

// refusalType reports whether t (or *t) is an error type named for a
// refusal (*RateLimitError, ThrottlingException).
func refusalType(t types.Type) bool {
	if notSentType(t) {
		return true
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && refusalWords.MatchString(n.Obj().Name())
}
