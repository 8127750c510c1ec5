package retryscope

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
)

// A hand-written retry loop repeats an operation until it succeeds: the
// operation's own error (or response) decides whether the loop goes round
// again. The recognised shapes, for an attempt call C whose results are
// assigned in the loop body:
//
//	success exits:      if err == nil { return/break }   and the failure path can go round again
//	failure continues:  if err != nil { …; continue }    and the success path exits
//	                    (or if err != nil { … } else { return })
//	switch:             switch { case err == nil: return; case retryable(err): continue }
//	loop condition:     for err != nil && i < n { err = C() }
//
// Loops that are not retries stay silent: a failure that exits (pagination,
// `if err != nil { return err }` in a loop over items), a success that does
// not exit (worker and consumer loops, periodic jobs), `range` over a
// channel, and attempt calls whose arguments use the loop variable (each
// iteration sends a different item or page).

// loop is the part of a for/range statement the recogniser needs.
type loop struct {
	stmt     ast.Stmt
	body     *ast.BlockStmt
	label    string         // the loop's label, "" if none
	cond     ast.Expr       // for-loop condition, nil if none
	loopVars []types.Object // variables that change from one iteration to the next
}

func (w *walk) forLoop(fs *ast.ForStmt) {
	l := loop{stmt: fs, body: fs.Body, cond: fs.Cond}
	if as, ok := fs.Init.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
		for _, lhs := range as.Lhs {
			if id, ok := lhs.(*ast.Ident); ok && w.info.Defs[id] != nil {
				l.loopVars = append(l.loopVars, w.info.Defs[id])
			}
		}
	}
	w.loop(l)
}

func (w *walk) rangeLoop(rs *ast.RangeStmt) {
	t := w.info.TypeOf(rs.X)
	if t == nil {
		return
	}
	if _, ok := t.Underlying().(*types.Chan); ok {
		return // a consumer loop: each message is different
	}
	if _, ok := t.Underlying().(*types.Signature); ok {
		return // a range-over-func iterator
	}
	l := loop{stmt: rs, body: rs.Body}
	for _, e := range []ast.Expr{rs.Key, rs.Value} {
		if obj := objOf(w.info, e); obj != nil {
			l.loopVars = append(l.loopVars, obj)
		}
	}
	w.loop(l)
}

// attempt is a call in a loop body whose results are assigned to
// variables: a candidate for the operation that drives the loop.
type attempt struct {
	call    *ast.CallExpr
	results []types.Object
	index   int // index of the statement in the loop body
	ifStmt  *ast.IfStmt
}

func (w *walk) loop(l loop) {
	if l.body == nil {
		return
	}
	l.label = w.labels[l.stmt]
	var until token.Pos
	var drivers []*ast.CallExpr
	assigns := w.carriedAssigns(l.body)
	for _, a := range w.attemptCalls(l.body) {
		if w.usesAny(a.call, l.loopVars) || w.usesAny(a.call, w.advanced(a, assigns)) || !w.drives(l, a) {
			continue
		}
		drivers = append(drivers, a.call)
		if a.call.End() > until {
			until = a.call.End()
		}
	}
	if len(drivers) == 0 {
		return
	}
	s := &Scope{
		Kind:           KindLoop,
		Mechanism:      "a retry loop",
		Pos:            l.stmt.Pos(),
		Body:           l.body,
		Until:          until,
		Param:          -1,
		Encl:           w.decl,
		TxBeforeCommit: w.retriesBeforeCommit(l.body, drivers),
	}
	for _, d := range drivers {
		if w.isTxCommit(d) {
			s.RetriesCommit = true
			s.Mechanism = "a retry loop that also re-runs the transaction when COMMIT failed"
		}
	}
	w.scopes = append(w.scopes, s)
}

// attemptCalls lists the calls whose results the loop body assigns at its top
// level: `x, err := C(…)`, `err = C(…)`, `if err := C(…); …`.
func (w *walk) attemptCalls(body *ast.BlockStmt) []attempt {
	var out []attempt
	for i, st := range body.List {
		var as *ast.AssignStmt
		var ifs *ast.IfStmt
		switch s := st.(type) {
		case *ast.AssignStmt:
			as = s
		case *ast.IfStmt:
			as, _ = s.Init.(*ast.AssignStmt)
			ifs = s
		}
		if as == nil || len(as.Rhs) != 1 {
			continue
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			continue
		}
		a := attempt{call: call, index: i, ifStmt: ifs}
		for _, lhs := range as.Lhs {
			if obj := objOf(w.info, lhs); obj != nil {
				a.results = append(a.results, obj)
			}
		}
		if len(a.results) > 0 {
			out = append(out, a)
		}
	}
	return out
}

// carriedAssign is `v = expr` in a loop body for a variable declared
// before the loop: state carried from one iteration to the next.
type carriedAssign struct {
	obj   types.Object
	value ast.Expr // nil for v++ / v--
}

// carriedAssigns lists the loop body's assignments to variables declared
// outside it (not inside nested func literals).
func (w *walk) carriedAssigns(body *ast.BlockStmt) []carriedAssign {
	var out []carriedAssign
	outside := func(e ast.Expr) types.Object {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if obj := w.info.Uses[id]; obj != nil && (obj.Pos() < body.Pos() || obj.Pos() >= body.End()) {
				return obj
			}
		}
		return nil
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				return true
			}
			for i, lhs := range n.Lhs {
				if obj := outside(lhs); obj != nil {
					var value ast.Expr
					if len(n.Lhs) == len(n.Rhs) {
						value = n.Rhs[i]
					} else if len(n.Rhs) == 1 {
						value = n.Rhs[0]
					}
					out = append(out, carriedAssign{obj, value})
				}
			}
		case *ast.IncDecStmt:
			if obj := outside(n.X); obj != nil {
				out = append(out, carriedAssign{obj: obj})
			}
		}
		return true
	})
	return out
}

// advanced returns the variables that the attempt's own results advance
// from one iteration to the next — a cursor (token = resp.NextToken), a
// rest-of-input (pattern in `chunk, pattern = scan(pattern)`). An attempt
// whose arguments use one does something different on each iteration:
// pagination or parsing, not a retry.
func (w *walk) advanced(a attempt, assigns []carriedAssign) []types.Object {
	var out []types.Object
	for _, as := range assigns {
		for _, r := range a.results {
			if as.obj == r || as.value != nil && refersTo(w.info, as.value, r) {
				out = append(out, as.obj)
				break
			}
		}
	}
	return out
}

// usesAny reports whether the call's arguments (or receiver) mention one of
// the loop variables: each iteration then does something different.
func (w *walk) usesAny(call *ast.CallExpr, vars []types.Object) bool {
	if len(vars) == 0 {
		return false
	}
	found := false
	check := func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				for _, v := range vars {
					if w.info.Uses[id] == v {
						found = true
					}
				}
			}
			return !found
		})
	}
	for _, arg := range call.Args {
		check(arg)
	}
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
		check(sel.X)
	}
	return found
}

// maxTestDistance bounds how many statements after an attempt call are
// searched for the test of its result.
const maxTestDistance = 12

// drives reports whether the attempt's results decide whether the loop
// goes round again, in one of the shapes listed above.
func (w *walk) drives(l loop, a attempt) bool {
	if l.cond != nil && w.repeatsOnFailure(l.cond, a.results) {
		return true
	}
	stmts := l.body.List
	// The test of an attempt's result follows it closely; looking at a
	// bounded number of statements keeps huge loop bodies linear.
	for j := a.index; j < len(stmts) && j < a.index+maxTestDistance; j++ {
		rest := stmts[j+1:]
		switch s := stmts[j].(type) {
		case *ast.IfStmt:
			if j == a.index && s != a.ifStmt {
				continue
			}
			if w.mentions(s.Cond, a.results) && w.ifDrives(l, s, rest, a.results) {
				return true
			}
		case *ast.SwitchStmt:
			if w.switchDrives(l, s, rest, a.results) {
				return true
			}
		}
	}
	return false
}

// ifDrives judges one `if` that tests the attempt's results: the success
// path must leave the loop and the failure path must be able to go round
// again.
func (w *walk) ifDrives(l loop, s *ast.IfStmt, rest []ast.Stmt, results []types.Object) bool {
	var success, failure ast.Stmt
	switch {
	case w.isSuccessTest(s.Cond, results):
		success, failure = s.Body, s.Else
	case w.isFailureTest(s.Cond, results):
		success, failure = s.Else, s.Body
	default:
		return false
	}
	so := l.path(success, rest)
	if so != exit && !(so&exit != 0 && w.exitsOnNestedSuccess(l, success, results)) {
		return false
	}
	return l.path(failure, rest)&(next|fall) != 0
}

// exitsOnNestedSuccess accepts a success branch that leaves the loop only
// after a second test of the same results, as in
//
//	if err == nil {
//		resp.Body.Close()
//		if resp.StatusCode < 500 {
//			return nil
//		}
//	}
//
// where a 5xx falls through and goes round again.
func (w *walk) exitsOnNestedSuccess(l loop, success ast.Stmt, results []types.Object) bool {
	block, ok := success.(*ast.BlockStmt)
	if !ok {
		return false
	}
	for _, st := range block.List {
		if inner, ok := st.(*ast.IfStmt); ok && inner.Else == nil && w.isSuccessTest(inner.Cond, results) && l.path(inner.Body, nil) == exit {
			return true
		}
	}
	return false
}

// switchDrives judges `switch { case err == nil: return …; case …: }`: a
// success case that exits and some way to go round again.
func (w *walk) switchDrives(l loop, s *ast.SwitchStmt, rest []ast.Stmt, results []types.Object) bool {
	if s.Tag != nil && w.isStatus(s.Tag, results) {
		return w.statusSwitchDrives(l, s, rest)
	}
	successExits, again, hasDefault := false, false, false
	tagIsErr := s.Tag != nil && w.mentions(s.Tag, results) && isErrorType(w.info.TypeOf(s.Tag))
	if s.Tag != nil && !tagIsErr {
		return false
	}
	for _, c := range s.Body.List {
		cc := c.(*ast.CaseClause)
		success := false
		if cc.List == nil {
			hasDefault = true
		}
		for _, e := range cc.List {
			if tagIsErr && isNil(w.info, e) || s.Tag == nil && w.isSuccessTest(e, results) {
				success = true
			}
		}
		o := l.list(cc.Body, true)
		if o&fall != 0 {
			o = o&^fall | l.list(rest, false)
		}
		if success {
			successExits = o == exit
		} else if o&(next|fall) != 0 {
			again = true
		}
	}
	if !hasDefault {
		again = again || l.list(rest, false)&(next|fall) != 0
	}
	return successExits && again
}

// statusSwitchDrives judges `switch resp.StatusCode { case 200, 201:
// return nil; case 502, 503: continue }`: a case of 2xx statuses that
// exits, and a way to go round again on a 5xx (a case listing one, or the
// default or the rest of the body when no case does). Cases of other
// statuses (401, 429) going round are not retries of an executed request.
func (w *walk) statusSwitchDrives(l loop, s *ast.SwitchStmt, rest []ast.Stmt) bool {
	successExits, again := false, false
	listed5xx := false
	var defaultOutcome outcome
	hasDefault := false
	for _, c := range s.Body.List {
		cc := c.(*ast.CaseClause)
		o := l.list(cc.Body, true)
		if o&fall != 0 {
			o = o&^fall | l.list(rest, false)
		}
		if cc.List == nil {
			hasDefault, defaultOutcome = true, o
			continue
		}
		success, server := w.caseStatuses(cc.List)
		switch {
		case success && !server:
			if o != exit {
				return false // a success that goes round: not a retry loop
			}
			successExits = true
		case server:
			listed5xx = true
			again = again || o&(next|fall) != 0
		}
	}
	if !listed5xx {
		// 5xx statuses take the default, or fall out of the switch.
		if hasDefault {
			again = again || defaultOutcome&(next|fall) != 0
		} else {
			again = again || l.list(rest, false)&(next|fall) != 0
		}
	}
	return successExits && again
}

// caseStatuses says whether a case's constant values are all 2xx
// (success), and whether one of them is a 5xx (server). A non-constant
// value makes the case neither.
func (w *walk) caseStatuses(values []ast.Expr) (success, server bool) {
	success = true
	for _, e := range values {
		tv := w.info.Types[e]
		if tv.Value == nil || tv.Value.Kind() != constant.Int {
			return false, false
		}
		v, _ := constant.Int64Val(tv.Value)
		if v < 200 || v >= 300 {
			success = false
		}
		if v >= 500 && v < 600 {
			server = true
		}
	}
	return success, server
}

// mentions reports whether n mentions one of objs.
func (w *walk) mentions(n ast.Node, objs []types.Object) bool {
	for _, o := range objs {
		if refersTo(w.info, n, o) {
			return true
		}
	}
	return false
}

// repeatsOnFailure recognises loop conditions that keep going while the
// attempt failed: `err != nil` (also in a conjunction), `!done`, `!ok`, and
// the same behind a first-attempt guard (`tries == 0 || err != nil && tries
// < 3`, the usual way to run the first attempt without a sentinel error). A
// condition that keeps going while it succeeds (`for err == nil`) is a
// stream, not a retry.
func (w *walk) repeatsOnFailure(cond ast.Expr, results []types.Object) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND:
			return w.repeatsOnFailure(c.X, results) || w.repeatsOnFailure(c.Y, results)
		case token.LOR:
			// A disjunction keeps going after a success only through its
			// other operand: accept it when that operand is a guard that
			// holds before the first attempt and says nothing about it.
			return w.repeatsOnFailure(c.X, results) && w.isFirstAttemptGuard(c.Y, results) ||
				w.repeatsOnFailure(c.Y, results) && w.isFirstAttemptGuard(c.X, results)
		case token.NEQ:
			return w.isErrOperand(c.X, results) && isNil(w.info, c.Y) || w.isErrOperand(c.Y, results) && isNil(w.info, c.X)
		}
	case *ast.UnaryExpr:
		return c.Op == token.NOT && w.isBoolResult(c.X, results)
	}
	return false
}

// isFirstAttemptGuard recognises the guard that lets a loop condition run
// the first attempt: a counter compared with zero (`tries == 0`, `i < 1`)
// or a boolean flag (`first`), neither mentioning the attempt's results.
func (w *walk) isFirstAttemptGuard(e ast.Expr, results []types.Object) bool {
	if w.mentions(e, results) {
		return false
	}
	switch g := ast.Unparen(e).(type) {
	case *ast.Ident:
		return isBool(w.info.TypeOf(g))
	case *ast.BinaryExpr:
		_, isVar := objOf(w.info, g.X).(*types.Var)
		if !isVar {
			return false
		}
		tv := w.info.Types[g.Y]
		if tv.Value == nil || tv.Value.Kind() != constant.Int {
			return false
		}
		v, ok := constant.Int64Val(tv.Value)
		return ok && (g.Op == token.EQL && v == 0 || g.Op == token.LSS && v == 1 || g.Op == token.LEQ && v == 0)
	}
	return false
}

func isBool(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// isBoolResult reports whether e is a boolean result of the attempt
// (done, ok, acquired).
func (w *walk) isBoolResult(e ast.Expr, results []types.Object) bool {
	obj := objOf(w.info, e)
	for _, r := range results {
		if obj == r {
			b, ok := r.Type().Underlying().(*types.Basic)
			return ok && b.Kind() == types.Bool
		}
	}
	return false
}

// isSuccessTest recognises `err == nil` (also as a conjunct, or as an
// operand of `||`: `err == nil || i == max` exits on success too), a
// boolean result (`if done`, `if ok`), a status test that holds for 2xx and
// not for 5xx (`resp.StatusCode == 200`, `< 300`, `< 500`),
// `resp.IsSuccess()`.
func (w *walk) isSuccessTest(cond ast.Expr, results []types.Object) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND, token.LOR:
			return w.isSuccessTest(c.X, results) || w.isSuccessTest(c.Y, results)
		case token.EQL:
			if w.isErrOperand(c.X, results) && isNil(w.info, c.Y) || w.isErrOperand(c.Y, results) && isNil(w.info, c.X) {
				return true
			}
		}
		return w.statusTest(c, results) == statusDone
	case *ast.CallExpr:
		if sel, ok := c.Fun.(*ast.SelectorExpr); ok && w.mentions(sel.X, results) {
			return sel.Sel.Name == "IsSuccess"
		}
	case *ast.Ident:
		return w.isBoolResult(c, results)
	}
	return false
}

// isFailureTest recognises a test of the attempt's error that is not a
// success test: `err != nil`, `isRetryable(err)`, `errors.Is(err, x)`.
func (w *walk) isFailureTest(cond ast.Expr, results []types.Object) bool {
	for _, r := range results {
		if isErrorType(r.Type()) && refersTo(w.info, cond, r) {
			return true
		}
	}
	// A status test: `resp.StatusCode >= 500`, `resp.StatusCode == 503`.
	if b, ok := ast.Unparen(cond).(*ast.BinaryExpr); ok {
		return w.statusTest(b, results) == statusRetry
	}
	return false
}

// statusKind classifies a comparison of a response status with a constant
// by the statuses it selects.
type statusKind uint8

const (
	statusOther statusKind = iota // not a status test, or one that says neither
	statusDone                    // holds for 2xx, never for 5xx: the request went through
	statusRetry                   // holds for 5xx, not for every 2xx: a server failure
)

// Representative statuses: what a server says when it executed the request,
// and when it failed. Statuses that only refuse (401, 403, 429) are in
// neither set: a loop that goes round only on them re-sends a request the
// server did not execute, which is not a repeated write.
var (
	successStatuses = []int64{200, 201, 202, 204}
	failureStatuses = []int64{500, 502, 503, 504}
)

// statusTest classifies `resp.StatusCode op C` (either way round).
func (w *walk) statusTest(b *ast.BinaryExpr, results []types.Object) statusKind {
	status, other, op := b.X, b.Y, b.Op
	if !w.isStatus(status, results) {
		status, other, op = b.Y, b.X, mirror(b.Op)
	}
	if !w.isStatus(status, results) {
		return statusOther
	}
	tv, ok := w.info.Types[other]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return statusOther
	}
	c, exact := constant.Int64Val(tv.Value)
	if !exact {
		return statusOther
	}
	count := func(statuses []int64) int {
		n := 0
		for _, s := range statuses {
			if compare(s, op, c) {
				n++
			}
		}
		return n
	}
	ok2xx, ok5xx := count(successStatuses), count(failureStatuses)
	switch {
	case ok2xx > 0 && ok5xx == 0:
		return statusDone
	case ok5xx > 0 && ok2xx < len(successStatuses):
		return statusRetry
	}
	return statusOther
}

// mirror turns "c op x" into "x op' c".
func mirror(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.LEQ:
		return token.GEQ
	case token.GTR:
		return token.LSS
	case token.GEQ:
		return token.LEQ
	}
	return op
}

// compare evaluates "a op b" for integers.
func compare(a int64, op token.Token, b int64) bool {
	switch op {
	case token.EQL:
		return a == b
	case token.NEQ:
		return a != b
	case token.LSS:
		return a < b
	case token.LEQ:
		return a <= b
	case token.GTR:
		return a > b
	case token.GEQ:
		return a >= b
	}
	return false
}

func (w *walk) isErrOperand(e ast.Expr, results []types.Object) bool {
	obj := objOf(w.info, e)
	for _, r := range results {
		if obj == r && isErrorType(r.Type()) {
			return true
		}
	}
	return false
}

// isStatus recognises resp.StatusCode and resp.StatusCode() of a result.
func (w *walk) isStatus(e ast.Expr, results []types.Object) bool {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		e = call.Fun
	}
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	return ok && (sel.Sel.Name == "StatusCode" || sel.Sel.Name == "Status") && w.mentions(sel.X, results)
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

func isErrorType(t types.Type) bool {
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

// outcome is a set of ways a statement list can end, seen from the loop:
// fall off its end, go round again (continue), or leave the loop.
type outcome uint8

const (
	fall outcome = 1 << iota
	next
	exit
	// abort leaves the loop by crashing (panic, log.Fatal, t.Fatal): not
	// the way a retry loop leaves on success.
	abort
)

// path is the outcome of a branch followed by the rest of the loop body
// (when the branch falls through); the end of the body goes round again.
func (l loop) path(branch ast.Stmt, rest []ast.Stmt) outcome {
	o := fall
	if branch != nil {
		o = l.flow(branch, false)
	}
	if o&fall != 0 {
		o = o&^fall | l.list(rest, false)
	}
	if o&fall != 0 {
		o = o&^fall | next
	}
	return o
}

// list returns the outcomes of a statement list. inSwitch says an
// unlabeled break leaves an enclosing switch or select, not the loop.
func (l loop) list(list []ast.Stmt, inSwitch bool) outcome {
	var out outcome
	for _, s := range list {
		o := l.flow(s, inSwitch)
		out |= o &^ fall
		if o&fall == 0 {
			return out
		}
	}
	return out | fall
}

func (l loop) flow(s ast.Stmt, inSwitch bool) outcome {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return exit
	case *ast.BranchStmt:
		switch s.Tok {
		case token.BREAK:
			if s.Label == nil && inSwitch {
				return fall
			}
			return exit
		case token.CONTINUE:
			if s.Label == nil || s.Label.Name == l.label {
				return next
			}
			return exit // continue of an outer loop leaves this one
		case token.GOTO:
			return exit
		}
		return fall
	case *ast.ExprStmt:
		if isNoReturnCall(s.X) {
			return abort
		}
		return fall
	case *ast.BlockStmt:
		return l.list(s.List, inSwitch)
	case *ast.LabeledStmt:
		return l.flow(s.Stmt, inSwitch)
	case *ast.IfStmt:
		o := l.list(s.Body.List, inSwitch)
		if s.Else != nil {
			return o | l.flow(s.Else, inSwitch)
		}
		return o | fall
	case *ast.SwitchStmt:
		return l.clauses(s.Body, true)
	case *ast.TypeSwitchStmt:
		return l.clauses(s.Body, true)
	case *ast.SelectStmt:
		return l.clauses(s.Body, false)
	case *ast.ForStmt:
		return l.nested(s.Body)
	case *ast.RangeStmt:
		return l.nested(s.Body)
	}
	return fall
}

// clauses is the union of the clauses' outcomes; a switch without default
// may also fall through.
func (l loop) clauses(body *ast.BlockStmt, needDefault bool) outcome {
	out := outcome(0)
	hasDefault := !needDefault
	for _, c := range body.List {
		switch c := c.(type) {
		case *ast.CaseClause:
			out |= l.list(c.Body, true)
			if c.List == nil {
				hasDefault = true
			}
		case *ast.CommClause:
			out |= l.list(c.Body, true)
		}
	}
	if !hasDefault || len(body.List) == 0 {
		out |= fall
	}
	return out
}

// nested approximates a nested loop: it may fall through, and a return or
// labeled branch inside it may leave (or, for `continue L`, go round).
func (l loop) nested(body *ast.BlockStmt) outcome {
	out := fall
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			out |= exit
		case *ast.BranchStmt:
			if n.Label != nil && n.Label.Name == l.label {
				if n.Tok == token.CONTINUE {
					out |= next
				} else {
					out |= exit
				}
			}
		}
		return true
	})
	return out
}

// isNoReturnCall recognises panic, os.Exit, log.Fatal*, t.Fatal*.
func isNoReturnCall(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return f.Name == "panic"
	case *ast.SelectorExpr:
		n := f.Sel.Name
		return n == "Exit" || strings.HasPrefix(n, "Fatal") || strings.HasPrefix(n, "Panic")
	}
	return false
}

// retriesBeforeCommit reports whether a loop retries a SQL transaction only
// while it has not committed: the body commits a transaction, and the
// commit's own failure does not drive the loop.
func (w *walk) retriesBeforeCommit(body *ast.BlockStmt, drivers []*ast.CallExpr) bool {
	for _, d := range drivers {
		if w.isTxCommit(d) {
			return false
		}
	}
	commits := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && w.isTxCommit(call) {
			commits = true
		}
		_, lit := n.(*ast.FuncLit)
		return !commits && !lit
	})
	return commits
}

// isTxCommit recognises tx.Commit() / tx.Commit(ctx) on a transaction type
// (a type named Tx, e.g. *sql.Tx, pgx.Tx, *sqlx.Tx).
func (w *walk) isTxCommit(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Commit" {
		return false
	}
	t := w.info.TypeOf(sel.X)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && strings.HasSuffix(named.Obj().Name(), "Tx")
}
