package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// A retry by requeue: a loop receiving messages from a channel handles
// each one and, when handling failed, advances the message's attempt
// counter and puts it back on a channel, so the handler runs again on the
// same message:
//
//	for msg := range p.input {
//		if err := p.deliver(msg); err != nil {
//			msg.retries++
//			p.input <- msg
//		}
//	}
//
// The calls before the requeue run again for that message.

// requeue adds the scope of a requeue in a range loop over a channel.
func (w *walk) requeue(rs *ast.RangeStmt) {
	msg := objOf(w.info, rs.Key)
	if msg == nil {
		return
	}
	var send *ast.SendStmt
	astpath.Walk(rs.Body, func(n ast.Node, path []ast.Node) bool {
		if send != nil {
			return false
		}
		if s, ok := n.(*ast.SendStmt); ok && refersTo(w.info, s.Value, msg) && sameChan(w.info, s.Chan, rs.X) &&
			w.afterFailure(path) && w.counts(rs.Body, msg, s.Pos()) {
			send = s
		}
		return true
	})
	if send == nil {
		return
	}
	w.scopes = append(w.scopes, &Scope{
		Kind:      KindLoop,
		Mechanism: "a requeue that puts the failed message back on " + types.ExprString(send.Chan) + " with its attempt counter advanced",
		Pos:       send.Pos(),
		Body:      rs.Body,
		Until:     send.Pos(),
		Param:     -1,
		Encl:      w.decl,
	})
}

// afterFailure reports whether the last node of stack is inside the body
// of an if that tests for a failure (if err != nil { … }).
func (w *walk) afterFailure(stack []ast.Node) bool {
	for i := 0; i+1 < len(stack); i++ {
		if ifs, ok := stack[i].(*ast.IfStmt); ok && stack[i+1] == ifs.Body && w.failed(ifs.Cond) {
			return true
		}
	}
	return false
}

// failed recognises a test that holds when an error occurred: `err !=
// nil` (also in a conjunction or disjunction) or a predicate over an error
// (isRetryable(err), errors.Is(err, ErrBusy)).
func (w *walk) failed(cond ast.Expr) bool {
	isErrVar := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && isErrorType(w.info.TypeOf(id)) && !isNil(w.info, id)
	}
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND, token.LOR:
			return w.failed(c.X) || w.failed(c.Y)
		case token.NEQ:
			return isErrVar(c.X) && isNil(w.info, c.Y) || isErrVar(c.Y) && isNil(w.info, c.X)
		}
	case *ast.CallExpr:
		for _, a := range c.Args {
			if isErrVar(a) {
				return true
			}
		}
	}
	return false
}

// counts reports whether body advances a counter field of msg before pos:
// attempts made counting up (msg.retries++, msg.Attempts += 1,
// msg.Attempt = msg.Attempt + 1) or retries left counting down
// (msg.retriesLeft--, msg.retriesLeft -= 1).
func (w *walk) counts(body *ast.BlockStmt, msg types.Object, pos token.Pos) bool {
	isField := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		return ok && refersTo(w.info, sel.X, msg) && attemptName.MatchString(sel.Sel.Name)
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found || n == nil || n.Pos() >= pos {
			return false
		}
		switch s := n.(type) {
		case *ast.IncDecStmt:
			found = isField(s.X)
		case *ast.AssignStmt:
			if len(s.Lhs) == 1 && isField(s.Lhs[0]) && (s.Tok == token.ADD_ASSIGN || s.Tok == token.SUB_ASSIGN || s.Tok == token.ASSIGN) {
				found = true
			}
		}
		return !found
	})
	return found
}

// sameChan reports whether a send goes back to the channel the loop
// receives from (the same variable or field). A failed message handed to
// another channel (a dead-letter queue, an error reporter) is not put
// back; where that channel leads is unknown, so it stays silent.
func sameChan(info *types.Info, send, ranged ast.Expr) bool {
	a, b := objOf(info, send), objOf(info, ranged)
	return a != nil && a == b
}
