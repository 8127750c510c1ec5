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
