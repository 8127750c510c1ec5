package resend

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
	"github.com/twice-lint/twice/analyzers/internal/httpstatus"
)

// An inspection is one look at the first send's response that a condition
// makes: what it looked at, for the message.
type inspection struct {
	kind inspectionKind
	name string    // header name, body field, or helper function ("" if unknown)
	pos  token.Pos // where the condition looks
	// side says which outcome of the condition is the failure this
	// inspection detects (err != nil, out.Code != 0, !out.Success), when
	// that can be told. A send on the success side is a follow-up write.
	side failureSide
	// success is set by evaluate: control passes only on the success side.
	success bool
}

// failureSide is the outcome of a condition under which an inspected
// value reports a failure.
type failureSide uint8

const (
	sideUnknown failureSide = iota
	failsWhenTrue
	failsWhenFalse
)

func (s failureSide) flip() failureSide {
	switch s {
	case failsWhenTrue:
		return failsWhenFalse
	case failsWhenFalse:
		return failsWhenTrue
	}
	return s
}

type inspectionKind uint8

const (
	inspectStatus inspectionKind = iota + 1 // resp.StatusCode (judged by the status set)
	inspectHeader                           // resp.Header.Get("X-…")
	inspectBody                             // a field of the decoded body: out.Code, out.Success
	inspectDecode                           // the error of decoding the body (or of a helper over it)
	inspectHelper                           // a same-package helper that looks at the response
)

// verdict is what a condition says about the first response: the status
// codes with which it can be true and false, and what it inspects.
type verdict struct {
	whenTrue, whenFalse httpstatus.Set
	inspects            []inspection
}

func unknownVerdict() verdict {
	return verdict{whenTrue: httpstatus.All(), whenFalse: httpstatus.All()}
}

// given returns the status set of the branch taken when the condition is
// outcome.
func (v verdict) given(outcome bool) httpstatus.Set {
	if outcome {
		return v.whenTrue
	}
	return v.whenFalse
}

// termKind says what a (non-boolean) expression holds, in terms of the
// first send's response.
type termKind uint8

const (
	termNone      termKind = iota // unrelated to the response
	termTransport                 // the send's own error
	termResponse                  // the response value itself
	termStatus                    // an HTTP status code
	termHeaders                   // the header map
	termHeader                    // one header's value; name in term.name
	termBody                      // data from the body; the field (or source) in term.name
	termCheckErr                  // the error of a decode or check over the response
	termHelper                    // the result of a same-package helper over the response
)

type term struct {
	kind termKind
	name string
	fn   *ast.FuncDecl // termHelper
	// divisor is set when the term is a status divided by a constant
	// (resp.StatusCode/100 == 2).
	divisor int
}

// maxDepth bounds how many variables and helpers the evaluator follows in
// a chain (ok := authPassed(resp) -> r.Header.Get(…)): deep enough for real
// code, and no recursive helper can run away. maxNest bounds the syntactic
// nesting it descends into.
const (
	maxDepth = 8
	maxNest  = 500
)

// evaluator judges the conditions of one function against the flow of one
// send's response.
type evaluator struct {
	info  *types.Info
	flow  *flow
	funcs map[*types.Func]*ast.FuncDecl // this package's declared functions, for helpers
}

// scope is where an expression is evaluated: the position whose bindings
// apply, the parameters of inlined helpers, how many variables and helpers
// were followed to get here, and how deep in the syntax the evaluation is.
type scope struct {
	at    token.Pos
	env   map[types.Object]ast.Expr
	depth int
	nest  int
}

// deeper is the scope of a subexpression.
func (s scope) deeper() scope { s.nest++; return s }

// tooDeep reports whether evaluation must stop here.
func (s scope) tooDeep() bool { return s.depth > maxDepth || s.nest > maxNest }

// cond evaluates a boolean expression.
func (ev *evaluator) cond(e ast.Expr, sc scope) verdict {
	if sc.tooDeep() {
		return unknownVerdict()
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			v := ev.cond(e.X, sc.deeper())
			v.whenTrue, v.whenFalse = v.whenFalse, v.whenTrue
			for i := range v.inspects {
				v.inspects[i].side = v.inspects[i].side.flip()
			}
			return v
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND, token.LOR:
			return combine(e.Op, ev.cond(e.X, sc.deeper()), ev.cond(e.Y, sc.deeper()))
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			return ev.comparison(e, sc)
		}
	case *ast.Ident:
		if x, ok := ev.follow(e, sc); ok {
			return ev.cond(x.expr, x.sc)
		}
	case *ast.CallExpr:
		if v, ok := ev.sentinelCheck(e, sc); ok {
			return v
		}
		if x, ok := ev.inline(e, sc); ok {
			return ev.cond(x.expr, x.sc)
		}
	}
	return ev.fromTerm(ev.term(e, sc), e)
}

// combine joins the verdicts of a && b or a || b.
func combine(op token.Token, a, b verdict) verdict {
	v := verdict{inspects: append(append([]inspection(nil), a.inspects...), b.inspects...)}
	if op == token.LAND {
		v.whenTrue = a.whenTrue.And(b.whenTrue)
		v.whenFalse = a.whenFalse.Or(b.whenFalse)
	} else {
		v.whenTrue = a.whenTrue.Or(b.whenTrue)
		v.whenFalse = a.whenFalse.And(b.whenFalse)
	}
	return v
}

// comparison evaluates x op y: a status compared with a constant narrows
// the status set; anything else about the response is an inspection that
// says nothing about the status.
func (ev *evaluator) comparison(e *ast.BinaryExpr, sc scope) verdict {
	x, y := ev.term(e.X, sc.deeper()), ev.term(e.Y, sc.deeper())
	if v, ok := ev.statusComparison(x, e.Op, e.Y, e.Pos()); ok {
		return v
	}
	if v, ok := ev.statusComparison(y, httpstatus.Mirror(e.Op), e.X, e.Pos()); ok {
		return v
	}
	// resp == nil, out != nil: whether a response arrived at all, which is
	// the transport's outcome, not something the server said.
	if isWhole(x) && ev.isNil(e.Y) || isWhole(y) && ev.isNil(e.X) {
		return unknownVerdict()
	}
	v := ev.fromTerm(x, e.X)
	v.inspects = append(v.inspects, ev.fromTerm(y, e.Y).inspects...)
	if len(v.inspects) == 1 {
		switch {
		case x.kind != termNone && ev.isZero(e.Y):
			v.inspects[0].side = sideOfZeroTest(v.inspects[0], e.Op, ev.isError(e.X))
		case y.kind != termNone && ev.isZero(e.X):
			v.inspects[0].side = sideOfZeroTest(v.inspects[0], e.Op, ev.isError(e.Y))
		}
	}
	return v
}

// isWhole reports whether t is the send's result itself (the response or
// the transport error) rather than something read from it.
func isWhole(t term) bool { return t.kind == termResponse || t.kind == termTransport }

func (ev *evaluator) isNil(e ast.Expr) bool {
	tv, ok := ev.info.Types[e]
	return ok && tv.IsNil()
}

func (ev *evaluator) isError(e ast.Expr) bool {
	t := ev.info.TypeOf(e)
	return t != nil && isErrorType(t)
}

// isZero reports whether e is nil, 0, "" or false.
func (ev *evaluator) isZero(e ast.Expr) bool { return astpath.IsZeroConstant(ev.info, e) }

// sideOfZeroTest says which outcome of "x op zero" is a failure: a set
// error or error code (err != nil, out.Code != 0, out.Error != "") fails
// when true; a set success flag (out.Success != false) fails when false.
func sideOfZeroTest(in inspection, op token.Token, isErr bool) failureSide {
	var setFails bool
	switch {
	case in.kind == inspectDecode || isErr:
		setFails = true
	case in.kind == inspectBody && looksLikeSuccess(in.name):
		setFails = false
	case in.kind == inspectBody && looksLikeFailure(in.name):
		setFails = true
	default:
		return sideUnknown
	}
	if (op == token.NEQ) == setFails {
		return failsWhenTrue
	}
	if op == token.NEQ || op == token.EQL {
		return failsWhenFalse
	}
	return sideUnknown
}

// lastName is the last identifier of a dotted name (out.Data.Code -> Code).
func lastName(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// looksLikeSuccess recognises fields that are set when the call succeeded.
func looksLikeSuccess(name string) bool {
	n := strings.ToLower(strings.TrimPrefix(lastName(name), "Is"))
	switch n {
	case "ok", "success", "successful", "succeeded", "passed", "done", "accepted", "valid", "authorized", "authenticated":
		return true
	}
	return false
}

// looksLikeFailure recognises fields that are set when the call failed:
// error codes and messages.
func looksLikeFailure(name string) bool {
	n := strings.ToLower(lastName(name))
	return strings.Contains(n, "err") || strings.Contains(n, "code") || strings.Contains(n, "fail")
}

// statusComparison evaluates "t op c" when t is a status code (or an
// integer body field such as out.Code compared with an HTTP status) and c an
// integer constant.
func (ev *evaluator) statusComparison(t term, op token.Token, other ast.Expr, pos token.Pos) (verdict, bool) {
	c, ok := ev.intConstant(other)
	if !ok {
		return verdict{}, false
	}
	switch {
	case t.kind == termStatus:
	case t.kind == termBody && c >= httpstatus.Min && c <= httpstatus.Max:
		// A business code field holding HTTP statuses ({"code": 401}).
	default:
		return verdict{}, false
	}
	yes := httpstatus.WhereScaled(op, c, t.divisor)
	return verdict{
		whenTrue:  yes,
		whenFalse: yes.Not(),
		inspects:  []inspection{{kind: inspectStatus, name: t.name, pos: pos}},
	}, true
}

func (ev *evaluator) intConstant(e ast.Expr) (int, bool) {
	tv, ok := ev.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	v, exact := constant.Int64Val(tv.Value)
	if !exact || v < -1<<31 || v > 1<<31 {
		return 0, false
	}
	return int(v), true
}

func (ev *evaluator) stringConstant(e ast.Expr) (string, bool) {
	tv, ok := ev.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// fromTerm is the verdict of a condition that is (or compares) term t,
// the value of expression e.
func (ev *evaluator) fromTerm(t term, e ast.Expr) verdict {
	v := unknownVerdict()
	pos := e.Pos()
	switch t.kind {
	case termStatus:
		v.inspects = []inspection{{kind: inspectStatus, pos: pos}}
	case termHeaders, termHeader:
		v.inspects = []inspection{{kind: inspectHeader, name: t.name, pos: pos}}
	case termBody, termResponse:
		in := inspection{kind: inspectBody, name: fieldName(e, t), pos: pos}
		if ev.info.TypeOf(e) != nil && isBool(ev.info.TypeOf(e)) {
			in.side = sideOfZeroTest(in, token.NEQ, false) // if out.Success: "set"
		}
		v.inspects = []inspection{in}
	case termCheckErr:
		v.inspects = []inspection{{kind: inspectDecode, name: t.name, pos: pos}}
	case termHelper:
		return ev.helperVerdict(t, pos)
	}
	return v
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// fieldName names the body data a condition looks at: the expression as
// written when it is short (out.Code, !res.Success), else what produced it.
func fieldName(e ast.Expr, t term) string {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	switch e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		if s := types.ExprString(e); len(s) <= 40 {
			return s
		}
	}
	return t.name
}
