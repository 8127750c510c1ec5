package unsaferetry

import (
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/twice-lint/twice/analyzers/internal/model"
	"github.com/twice-lint/twice/analyzers/internal/mutation"
	"github.com/twice-lint/twice/analyzers/internal/retryscope"
)

// Analyzer is the unsaferetry analyzer with its default settings, bound to
// the -unsaferetry.retryfuncs, -unsaferetry.mutating and
// -unsaferetry.idempotent flags.
var Analyzer = New(model.Analyzer)

// New returns the unsaferetry analyzer reading the given model analyzer's
// result. The model's settings flags become this analyzer's flags (the
// drivers expose only the flags of the analyzers they are given, and the
// model is a prerequisite), so -unsaferetry.retryfuncs fills the model's
// settings.
func New(m *analysis.Analyzer) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:     "unsaferetry",
		Doc:      doc,
		URL:      "https://github.com/twice-lint/twice#unsaferetry",
		Requires: []*analysis.Analyzer{m},
		Run:      func(pass *analysis.Pass) (any, error) { return run(pass, m) },
	}
	m.Flags.VisitAll(func(f *flag.Flag) { a.Flags.Var(f.Value, f.Name, f.Usage) })
	return a
}

func run(pass *analysis.Pass, ma *analysis.Analyzer) (any, error) {
	m, _ := pass.ResultOf[ma].(*model.Model)
	if m != nil && m.Failed != "" {
		// The model panicked on this package: an error says its findings
		// are missing (the driver names the package) where silence would
		// pass for a clean package. Dependencies are not affected: this
		// analyzer runs only on the packages asked for.
		return nil, fmt.Errorf("%s (a bug in twice: please report it)", m.Failed)
	}
	if m == nil || m.Classifier == nil {
		return nil, nil
	}
	r := &reporter{pass: pass, m: m, reported: map[ast.Node]bool{}, spelled: map[*types.Func]bool{}, nolint: newNolintIndex(pass), idempotent: newIdempotentFuncs(pass.Files, m.Classifier), files: &fileIndex{fset: pass.Fset}, quiet: newQuietFiles(pass, m.ReportTests)}
	for _, c := range r.candidates() {
		r.report(c)
	}
	r.reportParamWrites()
	r.reportRetriedImpls() // retriedimpls.go
	return nil, nil
}

// candidate is one mutating call (or retried named function) and the
// innermost scope that repeats it.
type candidate struct {
	node  ast.Node // the call, or the argument naming a retried function
	call  *ast.CallExpr
	op    mutation.Op
	scope *retryscope.Scope
	// inside: for a retried named function, the mutating call inside it
	// (same package only) for related information and evidence.
	inner *ast.CallExpr
	// advice replaces the kind's fix when the retry is fixed elsewhere
	// (a generated client's default call options, calloptions.go).
	advice string
}

type reporter struct {
	pass     *analysis.Pass
	m        *model.Model
	reported map[ast.Node]bool
	nolint   *nolintIndex
	// idempotent: declarations marked //twice:idempotent, whose own
	// retries are not reported.
	idempotent idempotentFuncs
	files      *fileIndex
	quiet      quietFiles // generated files, and tests unless -tests
	genWrites  genWrites  // writes of generated code passed to a retrying helper (genwrites.go)
	// spelled caches callersSpellPaths (paramwrite.go) by helper.
	spelled map[*types.Func]bool
}

// candidates returns, for each mutating call inside a retry scope, the
// innermost scope repeating it: one diagnostic per call, however deeply
// scopes nest.
func (r *reporter) candidates() []candidate {
	best := map[ast.Node]*candidate{}
	var order []ast.Node
	add := func(c candidate) {
		if prev := best[c.node]; prev != nil {
			if span(c.scope) >= span(prev.scope) {
				return
			}
		} else {
			order = append(order, c.node)
		}
		best[c.node] = &c
	}
	for _, s := range r.m.Scopes {
		switch {
		case s.Call != nil:
			if op, ok := r.m.ClientOp(s); ok && !quietSDKMethod(r.pass, r.m.Classifier, s, op) {
				add(candidate{node: s.Call, call: s.Call, op: op, scope: s})
			}
		case s.Func != nil:
			if c, ok := r.funcCandidate(s); ok {
				add(c)
			}
		case s.Body != nil:
			var created map[types.Object]ast.Node // built on the first write
			ast.Inspect(s.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || !s.Contains(call) {
					return true
				}
				if op, ok := r.m.Classifier.Call(call); ok {
					if created == nil {
						created = r.attemptResources(s)
					}
					if writesToFresh(r.pass.TypesInfo, call, created) {
						return true // a new resource each attempt
					}
					if r.sendsDrainedRequest(call, s) {
						return true // later attempts fail in the client
					}
					if r.publishedAtMostOnce(call, op, s) {
						return true // only its own error, which means unsent, retries
					}
					if r.doneStep(call, s) {
						return true // writes only when done, and the loop then leaves
					}
					if r.periodicResend(call, s) {
						return true // the same request the program sends every period (periodicsync.go)
					}
					if !(s.TxBeforeCommit && op.Kind == mutation.KindSQL) {
						add(candidate{node: call, call: call, op: op, scope: s})
					}
				}
				return true
			})
		}
	}
	out := make([]candidate, 0, len(order))
	for _, n := range order {
		out = append(out, *best[n])
	}
	return out
}

// span orders scopes innermost first: a single retried call, then the
// smallest body.
func span(s *retryscope.Scope) token.Pos {
	switch {
	case s.Call != nil:
		return 0
	case s.Func != nil:
		return 1
	}
	return s.Body.End() - s.Body.Pos()
}

// funcCandidate judges a named function or method value passed to a retry
// call: its FuncFact says whether it writes; in this package its body
// gives the write's position and evidence.
func (r *reporter) funcCandidate(s *retryscope.Scope) (candidate, bool) {
	c := candidate{node: s.Arg, scope: s}
	f := r.m.Fact(s.Func)
	if f != nil && f.Idempotent || s.Guarded && len(s.Again) == 0 {
		return c, false // idempotent, or retried only when refused
	}
	if d := r.m.Decls[s.Func]; d != nil {
		var found bool
		ast.Inspect(d.Body, func(n ast.Node) bool {
			if found {
				return false
			}
			if call, ok := n.(*ast.CallExpr); ok && s.Repeats(call) {
				if op, ok := r.m.Classifier.Call(call); ok {
					c.inner, c.op, found = call, op, true
				}
			}
			return !found
		})
		if found {
			c.op = mutation.Op{Kind: mutation.KindCall, Root: c.op.Primitive(), Desc: describeVia(s.Func, c.op), Write: c.op.WriteDesc(), Effect: c.op.Effect, Pos: c.inner.Pos(), Unsure: c.op.Unsure}
			return c, true
		}
		return r.funcCallCandidate(c)
	}
	if f == nil || f.Op == nil {
		return r.funcCallCandidate(c)
	}
	c.op = mutation.Op{Kind: mutation.KindCall, Root: f.Op.Primitive(), Desc: describeVia(s.Func, mutation.Op{Desc: f.Op.Desc}), Write: f.Op.Desc, Effect: f.Op.Effect, Posn: f.Op.Posn, Unsure: f.Op.Unsure}
	return c, true
}

// funcCallCandidate judges the call a helper makes of the function it is
// given (Scope.FuncCall: c.client.Do(req) for retrier.Run(c.client.Do,
// req)) when the function alone says nothing: what an interface's Do
// sends is the request's.
func (r *reporter) funcCallCandidate(c candidate) (candidate, bool) {
	if c.scope.FuncCall == nil {
		return c, false
	}
	op, ok := r.m.Classifier.Call(c.scope.FuncCall)
	if !ok {
		return c, false
	}
	c.call, c.op = c.scope.FuncCall, op
	return c, true
}

// describeVia names a write done by a retried function: "Client.createOrder
// (POST /v1/orders)".
func describeVia(fn *types.Func, inner mutation.Op) string {
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	if inner.WriteDesc() == "" {
		return name
	}
	return name + " (" + inner.WriteDesc() + ")"
}

func (r *reporter) report(c candidate) {
	if r.reported[c.node] || r.nolint.suppressed(c.node.Pos()) || c.inner != nil && r.nolint.suppressed(c.inner.Pos()) || r.idempotent.contains(c.node.Pos()) || r.quiet.contains(r.pass.Fset, c.node.Pos()) && !c.scope.DefaultOptionsRetry && !c.scope.ConstructorDefault {
		return
	}
	if c.inner == nil && r.judgedAtCallers(c.op, c.scope.Encl) {
		return
	}
	evCall, evScope := c.call, enclosingScope(c)
	if c.inner != nil {
		evCall, evScope = c.inner, r.m.Decls[c.scope.Func]
	}
	var freshKey *mutation.Key
	if evCall != nil && evScope != nil {
		ev := r.m.Classifier.Evidence(evCall, evScope)
		if ev.Guarded() {
			return
		}
		for i, k := range ev.Keys {
			if !k.Fresh || !keyInside(c, k) {
				return // a stable key, or one created once before the retry
			}
			freshKey = &ev.Keys[i]
		}
	}
	check := ""
	if freshKey == nil { // a key made per attempt says the API dedups: a repeat is a duplicate
		var ok bool
		if check, ok = r.judgeCandidate(c); !ok {
			return
		}
	}
	r.reported[c.node] = true
	c.advice = r.optionsAdvice(c.scope)
	d := analysis.Diagnostic{Pos: c.node.Pos(), End: c.node.End(), Message: withCheck(message(c, freshKey), check)}
	if c.scope.Pos.IsValid() { // invalid: a retry of another package not loaded from source
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: c.scope.Pos, Message: "retried by " + c.scope.Mechanism})
	}
	if c.inner != nil {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: c.inner.Pos(), End: c.inner.End(), Message: c.op.Desc + " happens here"})
	} else if c.scope.Func != nil {
		// A retried function of another package: its write is known by
		// position only, and can be pointed at when the driver loaded the
		// dependency from source (the standalone checker does; go vet's
		// unitchecker does not, and then there is nothing to point at).
		if pos := r.files.pos(c.op.Posn); pos.IsValid() {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos, Message: c.op.Desc + " happens here"})
		}
	}
	if freshKey != nil {
		if fix, ok := hoistKeyFix(r.pass, c, freshKey); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	r.pass.Report(d)
}

// enclosingScope is the node whose code the classifier searches for the
// call's evidence: the declaration the scope is written in.
func enclosingScope(c candidate) ast.Node {
	if c.scope.Encl != nil {
		return c.scope.Encl
	}
	if c.scope.Body != nil {
		return c.scope.Body
	}
	return nil
}

// keyInside reports whether a fresh key is produced inside the retried
// code, i.e. anew on every attempt.
func keyInside(c candidate, k mutation.Key) bool {
	s := c.scope
	if c.inner != nil {
		return true // produced inside the retried function
	}
	if s.Body == nil {
		return false
	}
	return k.Origin >= s.Body.Pos() && k.Origin < s.Body.End()
}

// message builds the diagnostic text: what repeats, the retry mechanism,
// why it is unsafe, and how to fix or suppress it.
func message(c candidate, key *mutation.Key) string {
	where := "inside " + c.scope.Mechanism
	if c.scope.Kind == retryscope.KindClient {
		where = "sent through " + c.scope.Mechanism
	}
	if strings.Contains(c.scope.Mechanism, ", which ") {
		where += "," // close the relative clause: "inside f, which …, runs again"
	}
	effect := c.op.Effect
	if effect == "" {
		effect = "the operation can be applied twice"
	}
	kind := c.op.Primitive()
	if c.scope.RetriesCommit && kind == mutation.KindSQL && key == nil {
		return fmt.Sprintf("%s %s runs again on every retry; the %s may already be committed, so %s: make the statement idempotent (ON CONFLICT, an upsert or a unique key checked on conflict) or re-run the transaction only when it failed before COMMIT (suppress with //nolint:unsaferetry if it is safe)",
			c.op.Desc, where, statementVerb(c.op.Desc), effect)
	}
	if key != nil {
		name := key.Name
		if name == "" {
			name = "idempotency key"
		}
		return fmt.Sprintf("%s %s runs again on every retry, and its %s is generated inside the retried code, so each attempt sends a new key and %s: create the key once before the retry (suppress with //nolint:unsaferetry)",
			c.op.Desc, where, name, effect)
	}
	advice := fixAdvice(kind)
	if c.advice != "" {
		advice = c.advice
	}
	if c.scope.Kind == retryscope.KindClient {
		advice = clientRetriesOff(kind) + advice // the client re-sends by itself
	}
	if c.scope.Kind == retryscope.KindAgain {
		return fmt.Sprintf("%s runs again in %s; %s if the first attempt succeeded but its response was lost: %s (suppress with //nolint:unsaferetry if it is safe)",
			c.op.Desc, c.scope.Mechanism, effect, advice)
	}
	return fmt.Sprintf("%s %s runs again on every retry; %s if an attempt succeeded but its response was lost: %s (suppress with //nolint:unsaferetry if it is safe)",
		c.op.Desc, where, effect, advice)
}

// statementVerb is the SQL verb a description starts with ("INSERT" for
// "INSERT INTO postings", also inside "Store.add (INSERT INTO …)"), or
// "statement".
func statementVerb(desc string) string {
	if i := strings.LastIndexByte(desc, '('); i >= 0 {
		desc = desc[i+1:]
	}
	if f := strings.Fields(desc); len(f) > 0 && f[0] == strings.ToUpper(f[0]) && strings.Trim(f[0], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
		return f[0]
	}
	return "statement"
}

// fixAdvice says how to make the kind of write safe to retry.
func fixAdvice(k mutation.Kind) string { return mutation.Advice(k) }

// clientRetriesOff says how to stop a retrying client from re-sending
// one write. go-redis has no per-command switch: the commands that must
// not repeat go through a client whose retries are off.
func clientRetriesOff(kind mutation.Kind) string {
	if kind == mutation.KindRedis {
		return "send it through a client with MaxRetries: -1, or "
	}
	return "disable the client's retries for this call, or "
}
