package unsaferetry

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/twice-lint/twice/analyzers/internal/mutation"
	"github.com/twice-lint/twice/analyzers/internal/retryscope"
)

// A fire-and-forget publish whose error means the message was not sent
// (AMQP 0-9-1 without confirms, core NATS: mutation.Op.FailsUnsent) is
// repeated with effect only when something after it can fail and send the
// retry round once the message is out:
//
//	for i := 0; i < 3; i++ {
//		if err = ch.PublishWithContext(ctx, ex, key, false, false, msg); err == nil {
//			break
//		}
//		time.Sleep(backoff)
//	}
//
// Here only the publish's own error retries, so a message is published at
// most once. A confirm awaited after it, or any other fallible call that
// follows, keeps the finding.

// lastFallible reports whether call is the last call of the retried code
// that can fail: every call after it (up to the scope's end) only logs,
// sleeps, formats or inspects errors, and nothing after it waits on a
// channel (a confirm, a timeout).
func (r *reporter) lastFallible(call *ast.CallExpr, s *retryscope.Scope) bool {
	end := s.Body.End()
	if s.Until.IsValid() && s.Until < end {
		end = s.Until
	}
	ok := true
	ast.Inspect(s.Body, func(n ast.Node) bool {
		if !ok || n == nil || n.Pos() <= call.End() || n.Pos() >= end {
			return ok
		}
		switch x := n.(type) {
		case *ast.CallExpr:
			ok = r.inertCall(x)
		case *ast.SelectStmt:
			ok = false // waiting for a confirm or a timeout after the publish
		case *ast.UnaryExpr:
			ok = x.Op != token.ARROW
		}
		return ok
	})
	return ok
}

// inertPkgs are packages whose calls cannot fail a retry: time, logging,
// formatting, errors.
var inertPkgs = []string{
	"time", "log", "log/slog", "fmt", "errors", "strings", "strconv", "math", "sync", "sync/atomic", "context",
	"go.uber.org/zap", "github.com/sirupsen/logrus", "github.com/rs/zerolog", "github.com/go-logr/logr",
}

// inertCall reports whether c is a builtin, a conversion, a method of an
// error value, or a function of inertPkgs.
func (r *reporter) inertCall(c *ast.CallExpr) bool {
	info := r.pass.TypesInfo
	if tv, ok := info.Types[c.Fun]; ok && tv.IsType() {
		return true // a conversion
	}
	switch fn := typeutil.Callee(info, c).(type) {
	case *types.Builtin:
		return true
	case *types.Func:
		if fn.Pkg() == nil {
			return true // error.Error
		}
		path := fn.Pkg().Path()
		for _, p := range inertPkgs {
			if path == p || strings.HasPrefix(path, p+"/") {
				return true
			}
		}
	}
	return false
}

// publishedAtMostOnce reports whether op, a publish that fails only when
// unsent, is the last thing that can fail in s.
func (r *reporter) publishedAtMostOnce(call *ast.CallExpr, op mutation.Op, s *retryscope.Scope) bool {
	return op.FailsUnsent && r.lastFallible(call, s)
}
