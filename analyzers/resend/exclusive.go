package resend

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/condkey"
)

// Pairs of sends that are not a re-send whatever the conditions between
// them say.

// loopedApart reports whether second sits in a loop that does not also
// hold first: the loop repeats it (a consuming loop receiving successive
// messages, a retry loop), and loops are unsaferetry's to judge.
func loopedApart(first, second send) bool {
	for _, n := range second.path {
		var body *ast.BlockStmt
		switch l := n.(type) {
		case *ast.ForStmt:
			body = l.Body
		case *ast.RangeStmt:
			body = l.Body
		default:
			continue
		}
		if first.call.Pos() < body.Pos() || first.call.End() > body.End() {
			return true
		}
	}
	return false
}

// leftBefore reports whether nothing after first can reach second: the
// innermost block around first does not hold second and ends in a return
// (or a call that does not return), with no break, continue or goto
// inside it to jump past that end. Two sends on two error paths that each
// return (a power-on after a failed step, then another after the next
// step failed) are alternatives, not a send and its re-send.
func leftBefore(first, second send) bool {
	var block *ast.BlockStmt
	for i := len(first.path) - 1; i >= 0 && block == nil; i-- {
		block, _ = first.path[i].(*ast.BlockStmt)
	}
	if block == nil || len(block.List) == 0 || block.Pos() <= second.call.Pos() && second.call.End() <= block.End() {
		return false
	}
	return !branchesIn(block) && terminates(block.List[len(block.List)-1], 0)
}

// branchesIn reports whether n holds a break, continue or goto outside
// function literals.
func branchesIn(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BranchStmt:
			found = true
		}
		return !found
	})
	return found
}

// dropsParameter reports whether a recursive call passes "" or nil for one
// of the function's parameters: a fallback that sends a different request
// (initiateUpload(ctx, "", "", "") without the cross-repository mount),
// not the same one again.
func dropsParameter(info *types.Info, call *ast.CallExpr) bool {
	for _, arg := range call.Args {
		tv, ok := info.Types[arg]
		if !ok {
			continue
		}
		if tv.IsNil() {
			return true
		}
		if tv.Value != nil && tv.Value.ExactString() == `""` {
			return true
		}
	}
	return false
}

// exclusive reports whether first and second sit under opposite outcomes of
// the same condition (`if !cfg.versioned { mark() } … if cfg.versioned {
// mark() }`) whose variables nothing assigns between them: at most one of
// them runs.
func exclusive(info *types.Info, body *ast.BlockStmt, first, second send) bool {
	firstConds := map[string]bool{}
	for _, c := range pathConstraints(first.path) {
		if c.cond != nil {
			k, v := condkey.Key(c.cond, c.outcome)
			firstConds[k] = v
		}
	}
	for _, c := range pathConstraints(second.path) {
		if c.cond == nil {
			continue
		}
		k, v := condkey.Key(c.cond, c.outcome)
		if fv, ok := firstConds[k]; ok && fv != v && !assignedBetween(info, body, c.cond, first.call.End(), second.call.Pos()) {
			return true
		}
	}
	return false
}

// redirected reports whether the second send's arguments were changed,
// between the sends, with data from the first response (opts.Region =
// resp.Region after an AuthorizationHeaderMalformed answer): the server
// said where to send, and the second request goes elsewhere.
func redirected(info *types.Info, fl *flow, body *ast.BlockStmt, first, second send) bool {
	// Only the arguments: a receiver refreshed from the response (a new
	// token stored on the client) sends the same request again.
	args := &ast.CompositeLit{Elts: second.call.Args}
	return writtenBetween(info, body, args, first.call.End(), second.call.Pos(),
		func(rhs ast.Expr) bool { return fl.mentionsDerived(rhs) })
}

// assignedBetween reports whether a variable that cond reads is assigned
// (or incremented) in body between from and to.
func assignedBetween(info *types.Info, body *ast.BlockStmt, cond ast.Expr, from, to token.Pos) bool {
	return writtenBetween(info, body, cond, from, to, nil)
}

// writtenBetween reports whether a variable that e reads is written in body
// between from and to; with value set, only by an assignment whose value
// it accepts.
func writtenBetween(info *types.Info, body *ast.BlockStmt, e ast.Expr, from, to token.Pos, value func(ast.Expr) bool) bool {
	vars := map[types.Object]bool{}
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				vars[v] = true
			}
		}
		return true
	})
	written := func(e ast.Expr) bool {
		for _, x := range targetChain(e) {
			switch x := x.(type) {
			case *ast.Ident:
				return vars[info.ObjectOf(x)]
			case *ast.SelectorExpr:
				if v, ok := info.Uses[x.Sel].(*types.Var); ok && vars[v] {
					return true
				}
			}
		}
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found || n == nil || n.End() <= from || n.Pos() >= to {
			return false // outside the window between the sends
		}
		switch s := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range s.Lhs {
				if value != nil && (len(s.Rhs) != len(s.Lhs) || !value(s.Rhs[i])) {
					continue
				}
				found = found || written(lhs)
			}
		case *ast.IncDecStmt:
			found = found || value == nil && written(s.X)
		case *ast.UnaryExpr:
			// &cfg passed to a call may change it.
			found = found || value == nil && s.Op == token.AND && written(s.X)
		}
		return !found
	})
	return found
}
