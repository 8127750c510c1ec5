package unsaferetry

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/model"
	"github.com/twice-lint/twice/analyzers/internal/retryscope"
)

// reportRetriedImpls reports the writes of this package's methods that
// implement an interface method a retry of another package calls again
// (model.RetriedImpls: a notifier's loop re-sending through the Sender
// interface that this package's webhook sender implements). The retry is
// out of sight here and the write in sight, so the finding is at the
// method, naming the retry by position.
func (r *reporter) reportRetriedImpls() {
	for _, impl := range r.m.RetriedImpls {
		s := &retryscope.Scope{Kind: retryscope.KindHelper, Func: impl.Method, Encl: impl.Decl,
			Pos: r.files.pos(impl.Fact.Posn), Mechanism: implMechanism(impl)}
		c, ok := r.funcCandidate(s)
		if !ok || c.inner == nil {
			continue // no write in the method's own body
		}
		c.node = impl.Decl.Name
		r.report(c)
	}
}

// implMechanism names the retry of another package that calls an
// implementation: "a retry loop in notification.Manager.Send, which calls
// it through notification.Sender (notification.go:160)".
func implMechanism(impl model.RetriedImpl) string {
	where := impl.Fact.Mechanism
	if impl.Fact.Encl != "" {
		where += " in " + impl.Fact.Encl
	}
	return fmt.Sprintf("%s, which calls it through %s (%s)", where, impl.Iface, shortPosn(impl.Fact.Posn))
}

// shortPosn keeps the file's base name and line of a "file:line:col"
// position.
func shortPosn(posn string) string {
	parts := strings.Split(posn, ":")
	if len(parts) < 3 {
		return posn
	}
	file := strings.Join(parts[:len(parts)-2], ":")
	return filepath.Base(file) + ":" + parts[len(parts)-2]
}
