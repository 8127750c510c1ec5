package retryscope

import (
	"go/ast"
	"go/token"
)

// The end of a loop body is reached along several paths, each with its own
// conditions: in
//
//	case <-timer.C:
//		resp, err := c.send(req)
//		if err != nil {
//			if !dialFailed(err) { return nil, err }
//		} else if !throttled(resp.StatusCode) {
//			return resp, nil
//		}
//		timer.Reset(wait)
//
// control runs off the end after a refused dial, or after a throttled
// status, and along no other path. Each path is judged on its own: the
// loop repeats an executed request only when one of them is not a
// refusal. The conditions of earlier statements that leave (`if x {
// return }`) are on every path after them, as astpath.Preceding gives
// them; branches that both fall through (an else-if chain, the clauses of
// a select or switch) split the paths.

// maxFallPaths bounds the paths followed through one loop body; a body
// with more keeps the coarser judgement (preceding conditions only).
const maxFallPaths = 32

// fallPaths lists, for each way control can run off the end of list, the
// conditions that hold on it. ok is false when there are too many paths
// or a statement is not understood (a goto, a labeled break of a switch).
// inSwitch: an unlabeled break ends the enclosing switch or select clause.
func fallPaths(list []ast.Stmt, inSwitch bool) (paths [][]condition, ok bool) {
	paths = [][]condition{nil}
	for _, st := range list {
		var next [][]condition
		for _, p := range paths {
			ext, ok := fallThrough(st, p, inSwitch)
			if !ok || len(next)+len(ext) > maxFallPaths {
				return nil, false
			}
			next = append(next, ext...)
		}
		paths = next
		if len(paths) == 0 {
			return nil, true
		}
	}
	return paths, true
}

// fallThrough extends the path p through st: the paths along which
// control gets past st.
func fallThrough(st ast.Stmt, p []condition, inSwitch bool) ([][]condition, bool) {
	with := func(c condition) []condition {
		return append(append([]condition(nil), p...), c)
	}
	switch s := st.(type) {
	case *ast.ReturnStmt:
		return nil, true
	case *ast.BranchStmt:
		if s.Tok == token.BREAK && s.Label == nil && inSwitch {
			return nil, false // leaves the clause but not the list: not followed
		}
		return nil, s.Tok != token.FALLTHROUGH && s.Tok != token.GOTO
	case *ast.ExprStmt:
		if isNoReturnCall(s.X) {
			return nil, true
		}
	case *ast.BlockStmt:
		return prefixed(p, s.List, inSwitch)
	case *ast.LabeledStmt:
		if _, isLoop := s.Stmt.(*ast.ForStmt); !isLoop {
			return fallThrough(s.Stmt, p, inSwitch)
		}
	case *ast.IfStmt:
		body, ok := prefixed(with(condition{expr: s.Cond, truth: true}), s.Body.List, inSwitch)
		if !ok {
			return nil, false
		}
		if s.Else == nil {
			return append(body, with(condition{expr: s.Cond, truth: false})), true
		}
		other, ok := fallThrough(s.Else, with(condition{expr: s.Cond, truth: false}), inSwitch)
		return append(body, other...), ok
	case *ast.SwitchStmt:
		return clausePaths(s, s.Body, p)
	case *ast.SelectStmt:
		return clausePaths(s, s.Body, p)
	case *ast.TypeSwitchStmt:
		return clausePaths(s, s.Body, p)
	}
	return [][]condition{p}, true
}

// prefixed follows list from the path p.
func prefixed(p []condition, list []ast.Stmt, inSwitch bool) ([][]condition, bool) {
	tails, ok := fallPaths(list, inSwitch)
	if !ok {
		return nil, false
	}
	out := make([][]condition, 0, len(tails))
	for _, t := range tails {
		out = append(out, append(append([]condition(nil), p...), t...))
	}
	return out, true
}

// clausePaths follows each clause of a switch or select from p: a case
// clause adds the condition it stands for (caseConditions); a switch
// without a default may also be passed with no clause taken. A clause
// body ending in break falls out of the switch.
func clausePaths(sw ast.Stmt, body *ast.BlockStmt, p []condition) ([][]condition, bool) {
	var out [][]condition
	hasDefault := false
	for _, c := range body.List {
		var list []ast.Stmt
		start := append([]condition(nil), p...)
		switch c := c.(type) {
		case *ast.CaseClause:
			hasDefault = hasDefault || c.List == nil
			start = append(start, caseConditions(sw, c)...)
			list = c.Body
		case *ast.CommClause:
			list = c.Body
		}
		if n := len(list); n > 0 {
			if br, ok := list[n-1].(*ast.BranchStmt); ok && br.Tok == token.BREAK && br.Label == nil {
				list = list[:n-1]
			}
		}
		paths, ok := prefixed(start, list, true)
		if !ok {
			return nil, false
		}
		out = append(out, paths...)
	}
	if _, isSelect := sw.(*ast.SelectStmt); !isSelect && !hasDefault {
		out = append(out, p)
	}
	return out, true
}
