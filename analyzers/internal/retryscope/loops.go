package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"
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
// channel whose values are received into a variable, and attempt calls
// whose arguments use the loop variable (each iteration sends a different
// item or page).

// loop is the part of a for/range statement the recogniser needs.
type loop struct {
	stmt     ast.Stmt
	body     *ast.BlockStmt
	label    string         // the loop's label, "" if none
	cond     ast.Expr       // for-loop condition, nil if none
	loopVars []types.Object // variables that change from one iteration to the next
	// inSelect: the attempt being judged sits in a select clause, where an
	// unlabeled break leaves the select.
	inSelect bool
	// viaGoto: the loop is a label and the statements after it, gone
	// round by `goto label` (see gotoloops.go); running off the end of
	// the body leaves it.
	viaGoto bool
	// stops holds the variables the loop condition compares to constants
	// (`!sent`, `retries > 0`): an assignment of a constant that makes
	// the condition false leaves the loop (stopflags.go).
	stops map[types.Object]condTest
	info  *types.Info // to read the flags' assignments
}

func (w *walk) forLoop(fs *ast.ForStmt) {
	l := loop{stmt: fs, body: fs.Body, cond: fs.Cond}
	if cond, body := guardedBody(fs); cond != nil {
		l.body, l.cond = body, cond // for { if retries > 0 { … } else { break } }
	}
	l.stops, l.info = w.condStops(l.cond), w.info
	if as, ok := fs.Init.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
		for _, lhs := range as.Lhs {
			if id, ok := lhs.(*ast.Ident); ok && w.info.Defs[id] != nil {
				l.loopVars = append(l.loopVars, w.info.Defs[id])
			}
		}
	}
	l.loopVars = append(l.loopVars, w.pickedElements(fs.Body, l.loopVars)...)
	l.loopVars = append(l.loopVars, w.received(fs.Body)...)
	w.loop(l)
}

// guardedBody reads a loop without a condition whose body is one if
// statement that leaves the loop in its else branch (`for { if retries >
// 0 { … } else { break } }`) as the loop `for retries > 0 { … }`: it
// returns that condition and body, or nil.
func guardedBody(fs *ast.ForStmt) (ast.Expr, *ast.BlockStmt) {
	if fs.Cond != nil || len(fs.Body.List) != 1 {
		return nil, nil
	}
	ifs, ok := fs.Body.List[0].(*ast.IfStmt)
	if !ok || ifs.Init != nil {
		return nil, nil
	}
	els, ok := ifs.Else.(*ast.BlockStmt)
	if !ok || len(els.List) != 1 {
		return nil, nil
	}
	if br, ok := els.List[0].(*ast.BranchStmt); !ok || br.Tok != token.BREAK || br.Label != nil {
		return nil, nil
	}
	return ifs.Cond, ifs.Body
}

// pickedElements lists the variables a counter loop's body defines as an
// element picked by the counter (`target := voters[(me+1+attempt)%n]`,
// also through an index variable computed from it), and those defined
// from such elements: each iteration acts on another item, as a range
// loop does, just as when the indexing is written in the call itself.
func (w *walk) pickedElements(body *ast.BlockStmt, counters []types.Object) []types.Object {
	if len(counters) == 0 {
		return nil
	}
	indexes := append([]types.Object(nil), counters...)
	var elems []types.Object
	for _, st := range body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			continue
		}
		id, ok := as.Lhs[0].(*ast.Ident)
		obj := w.info.Defs[id]
		if !ok || obj == nil {
			continue
		}
		rhs := ast.Unparen(as.Rhs[0])
		if ix, ok := rhs.(*ast.IndexExpr); ok && w.mentions(ix.Index, indexes) && !w.mentions(ix.X, indexes) {
			elems = append(elems, obj)
			continue
		}
		if b, ok := obj.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 && w.mentions(rhs, indexes) {
			indexes = append(indexes, obj) // targetIdx := (myIdx + 1 + attempt) % len(voters)
		}
	}
	if len(elems) == 0 {
		return nil
	}
	return w.derivedVars(body, elems)
}

// received lists the variables a loop body defines from a channel receive
// (`case msg := <-msgs:`, `job, ok := <-jobs`): each iteration handles a
// new item, as a range loop does, so a call on it is not a retry of the
// previous one (a consumer loop parsing and acking deliveries).
func (w *walk) received(body *ast.BlockStmt) []types.Object {
	var out []types.Object
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt:
			return false // a nested loop's receives are its own
		}
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Rhs) != 1 {
			return true
		}
		if u, ok := ast.Unparen(as.Rhs[0]).(*ast.UnaryExpr); !ok || u.Op != token.ARROW {
			return true
		}
		for _, lhs := range as.Lhs {
			if id, ok := lhs.(*ast.Ident); ok && w.info.Defs[id] != nil {
				out = append(out, w.info.Defs[id])
			}
		}
		return true
	})
	return out
}

func (w *walk) rangeLoop(rs *ast.RangeStmt) {
	t := w.info.TypeOf(rs.X)
	if t == nil {
		return
	}
	if _, ok := t.Underlying().(*types.Chan); ok {
		if objOf(w.info, rs.Key) != nil {
			// A consumer loop: each message is different, unless a failed
			// one is put back.
			w.requeue(rs)
			return
		}
		// `for range c.newRetryTimer(…)`, `for range ticker.C`: the values
		// received are ticks, nothing of them reaches the body, so every
		// iteration repeats the same work; whether that is a retry is
		// decided as for a plain `for` loop (success must leave it).
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
	l.loopVars = w.derivedVars(rs.Body, l.loopVars)
	w.loop(l)
}

// maxDerivedRounds bounds how many steps of `a := f(item); b := g(a)` are
// followed from a range loop's variables.
const maxDerivedRounds = 3

// derivedVars adds to vars the variables that a range loop's body defines
// from them (`tmp, err := fromChallenge(…, item, …)`): a client or target
// built from the current item is different on each iteration, so a call
// through it is a walk over alternatives, not a retry.
func (w *walk) derivedVars(body *ast.BlockStmt, vars []types.Object) []types.Object {
	for round := 0; round < maxDerivedRounds; round++ {
		added := false
		for _, st := range body.List {
			as, ok := st.(*ast.AssignStmt)
			if !ok || as.Tok != token.DEFINE || !w.mentions(as, vars) || w.endpointOnly(as, vars) {
				continue
			}
			for _, lhs := range as.Lhs {
				id, ok := lhs.(*ast.Ident)
				if !ok {
					continue
				}
				obj := w.info.Defs[id]
				if obj == nil || isErrorType(obj.Type()) || isContextType(obj.Type()) || containsObj(vars, obj) {
					continue
				}
				vars = append(vars, obj)
				added = true
			}
		}
		if !added {
			break
		}
	}
	return vars
}

func containsObj(objs []types.Object, obj types.Object) bool {
	for _, o := range objs {
		if o == obj {
			return true
		}
	}
	return false
}

// attempt is a call in a loop body whose results are assigned to
// variables: a candidate for the operation that drives the loop.
type attempt struct {
	call    *ast.CallExpr
	results []types.Object
	index   int // index of the statement in list
	ifStmt  *ast.IfStmt
	// list holds the attempt's statement: the loop body, or the body of a
	// select clause followed by after (the rest of the loop body).
	list, after []ast.Stmt
	// inSelect: an unlabeled break in list leaves the select, not the loop.
	inSelect bool
}

func (w *walk) loop(l loop) {
	if l.body == nil || w.optInLoop(l) {
		return
	}
	if !l.viaGoto {
		l.label = w.labels[l.stmt]
	}
	var until token.Pos
	var drivers []*ast.CallExpr
	assigns := w.carriedAssigns(l.body)
	attempts := w.attemptCalls(l.body)
	for _, a := range attempts {
		if w.usesElement(a.call, l.loopVars) && !w.countsAttempts(l, a.call) && !w.passesAttemptNumber(l, a.call) || w.usesAny(a.call, w.advanced(a, assigns)) || !w.drives(l, a) || w.pollCheck(l, a, attempts) {
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
		Once:           w.onceBlocks(l),
	}
	for _, d := range drivers {
		if w.isTxCommit(d) {
			s.RetriesCommit = true
			s.Mechanism = "a retry loop that also re-runs the transaction when COMMIT failed"
		}
	}
	w.guardLoop(s, l)
	w.scopes = append(w.scopes, s)
	w.closureScopes(s)
}

// closureScopes adds, for each call in a loop scope's body of a local
// func variable given a literal before the loop (`call := func() error
// {…}` … `for … { err = call() }`), a scope over the literal's body: the
// loop runs it again on every retry as it would a body written inline.
func (w *walk) closureScopes(s *Scope) {
	run := make(map[*ast.FuncLit]bool) // literals the body calls where it writes them (go func(){…}())
	ast.Inspect(s.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return run[n]
		case *ast.CallExpr:
			if lit, ok := ast.Unparen(n.Fun).(*ast.FuncLit); ok {
				run[lit] = true
			}
			id, ok := ast.Unparen(n.Fun).(*ast.Ident)
			if !ok || !s.Contains(n) {
				return true
			}
			var lits []*ast.FuncLit
			for _, lit := range w.funcLits[w.info.Uses[id]] {
				if lit.End() <= s.Body.Pos() {
					lits = append(lits, lit)
				}
			}
			if len(lits) > 0 {
				c := *s
				c.Until, c.Once = token.NoPos, nil
				w.addLitScopes(&c, lits)
			}
		}
		return true
	})
}

// attemptCalls lists the calls whose results the loop body assigns at its top
// level: `x, err := C(…)`, `err = C(…)`, `if err := C(…); …` — also at the
// top level of a select's clauses (a backoff-timer loop: `select { case
// <-timer.C: err = C(…); … }`), and of a select nested in one of them (a
// cancellation check first: `select { case <-ctx.Done(): return; default:
// select { case <-ticker.C: retry, err = op() … } }`).
func (w *walk) attemptCalls(body *ast.BlockStmt) []attempt {
	sends := w.goroutineSends(body.List) // goattempts.go
	out := w.attemptsIn(body.List, nil, false, sends)
	return append(out, w.selectAttempts(body.List, nil, maxSelectNesting, sends)...)
}

// maxSelectNesting bounds how deep selects in selects are searched.
const maxSelectNesting = 2

// selectAttempts lists the attempt calls in the clauses of the selects of
// list; after is what runs once list falls through.
func (w *walk) selectAttempts(list, after []ast.Stmt, depth int, sends map[types.Object]*ast.CallExpr) []attempt {
	if depth == 0 {
		return nil
	}
	var out []attempt
	for i, st := range list {
		sel, ok := st.(*ast.SelectStmt)
		if !ok {
			continue
		}
		rest := append(append([]ast.Stmt(nil), list[i+1:]...), after...)
		for _, c := range sel.Body.List {
			if cc, ok := c.(*ast.CommClause); ok {
				if a, ok := w.commAttempt(cc, rest, sends); ok {
					out = append(out, a)
				}
				out = append(out, w.attemptsIn(cc.Body, rest, true, sends)...)
				out = append(out, w.selectAttempts(cc.Body, rest, depth-1, sends)...)
			}
		}
	}
	return out
}

// attemptsIn lists the attempt calls of one statement list; after is what
// runs once the list falls through (the rest of the loop body after the
// select holding it).
func (w *walk) attemptsIn(list, after []ast.Stmt, inSelect bool, sends map[types.Object]*ast.CallExpr) []attempt {
	var out []attempt
	for i, st := range list {
		var as *ast.AssignStmt
		var ifs *ast.IfStmt
		switch s := st.(type) {
		case *ast.AssignStmt:
			as = s
		case *ast.IfStmt:
			as, _ = s.Init.(*ast.AssignStmt)
			ifs = s
		}
		if as == nil {
			continue
		}
		call, results := w.assignedCall(as)
		if call == nil {
			call, results = w.receivedAttempt(as, sends)
		}
		if call != nil && len(results) > 0 {
			out = append(out, attempt{call: call, results: results, index: i, ifStmt: ifs, list: list, after: after, inSelect: inSelect})
		}
	}
	return out
}

// assignedCall returns the call of `x, err := C(…)` (or `err = C(…)`) and
// the variables its results go to; no results when as is not such an
// assignment.
func (w *walk) assignedCall(as *ast.AssignStmt) (*ast.CallExpr, []types.Object) {
	if len(as.Rhs) != 1 {
		return nil, nil
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return nil, nil
	}
	var results []types.Object
	for _, lhs := range as.Lhs {
		if obj := objOf(w.info, lhs); obj != nil {
			results = append(results, obj)
		}
	}
	return call, results
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
