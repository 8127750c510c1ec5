package retryscope

import (
	"go/ast"
	"go/token"
	"strings"
)

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
		o = l.flow(branch, l.inSelect)
	}
	if o&fall != 0 {
		o = o&^fall | l.list(rest, l.inSelect)
	}
	if o&fall != 0 {
		o = o&^fall | l.end()
	}
	return o
}

// end is the outcome of running off the end of the loop body: a for
// loop goes round, a goto loop goes on past its last statement.
func (l loop) end() outcome {
	if l.viaGoto {
		return exit
	}
	return next
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
			if !l.viaGoto && (s.Label == nil || s.Label.Name == l.label) {
				return next
			}
			return exit // continue of an outer loop leaves this one
		case token.GOTO:
			if l.viaGoto && s.Label.Name == l.label {
				return next
			}
			return exit
		}
		return fall
	case *ast.ExprStmt:
		if isNoReturnCall(s.X) {
			return abort
		}
		return fall
	case *ast.AssignStmt:
		if l.setsStop(s) {
			return exit // the condition ends the loop before another round
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
				if n.Tok == token.CONTINUE || n.Tok == token.GOTO {
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
