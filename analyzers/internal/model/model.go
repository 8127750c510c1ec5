// Package model is the per-package model of retry scopes and mutating
// operations that every twice analyzer reads.
//
// The model analyzer (New) runs once per package — dependencies included,
// since the drivers analyze them for facts — and owns every fact type:
//   - mutation.FuncFact on functions that perform a non-idempotent write
//     (directly or through their callees) or that pass a parameter into an
//     HTTP method, URL or SQL position;
//   - RetryHelperFact on functions that retry one of their func-typed
//     parameters, so that retryutil.Do(ctx, func() error {…}) is a retry
//     scope in every package that imports retryutil.
//   - RefusalPredicateFact on functions that return a predicate true only
//     on refusals or specific application errors, so that `shouldRetry :=
//     checks.Default()` in another package reads as a refusal-only retry;
//   - AmbiguousSentinelFact on error variables declared as an ambiguous
//     outcome (a timeout, a closed connection) under a neutral name, and
//     SettledPredicateFact on boolean functions of an error that hold only
//     on refusals or specific application errors.
//
// Its Result (*Model) gives the analyzers the package's retry scopes and
// the mutation Classifier to judge the calls inside them.
package model

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
	"github.com/twice-lint/twice/analyzers/internal/mutation"
	"github.com/twice-lint/twice/analyzers/internal/retryscope"
)

// RetryHelperFact marks a function that retries its func-typed parameter
// FuncParam (counting declared parameters from 0, without the receiver).
type RetryHelperFact struct {
	// Helper is what the finder learned about the helper (which parameter
	// it retries, how, and what decides another attempt); the fact carries
	// it to the packages that call the helper.
	retryscope.Helper
}

// AFact marks RetryHelperFact as an analysis.Fact.
func (*RetryHelperFact) AFact() {}

func (f *RetryHelperFact) String() string {
	if f.FuncField != "" {
		return fmt.Sprintf("retries field %s (%s)", f.FuncField, f.Mechanism)
	}
	return fmt.Sprintf("retries param %d (%s)", f.FuncParam, f.Mechanism)
}

// RefusalPredicateFact marks a function that returns a predicate holding
// only on refusals (rate limits, throttling): a retry loop that asks a
// predicate made by it retries only requests the server did not execute.
type RefusalPredicateFact struct{}

// AFact marks RefusalPredicateFact as an analysis.Fact.
func (*RefusalPredicateFact) AFact() {}

func (*RefusalPredicateFact) String() string { return "returns a refusal-only predicate" }

// AnalyzedFact is a package fact: the model summarised every function of
// the package (or found that none could write), so a concrete function of
// it without a mutation.FuncFact writes nothing and is not judged by its
// name.
type AnalyzedFact struct{}

// AFact marks AnalyzedFact as an analysis.Fact.
func (*AnalyzedFact) AFact() {}

func (*AnalyzedFact) String() string { return "analyzed" }

// UniqueFieldsFact lists the fields a struct type's documentation says
// the API keeps unique and the caller gives (mutation.UniqueFields): a
// create of the type with the same value is refused when repeated.
type UniqueFieldsFact struct{ Fields []string }

// AFact marks UniqueFieldsFact as an analysis.Fact.
func (*UniqueFieldsFact) AFact() {}

func (f *UniqueFieldsFact) String() string { return "unique fields " + strings.Join(f.Fields, ", ") }

// Model is the Result of the model analyzer.
type Model struct {
	// Scopes are the package's retry scopes, in source order.
	Scopes []*retryscope.Scope
	// Classifier judges the calls of the package (with the facts of this
	// package's functions and of its dependencies).
	Classifier *mutation.Classifier
	// Decls maps this package's functions to their declarations.
	Decls map[*types.Func]*ast.FuncDecl

	// RetriedImpls are this package's methods implementing an interface
	// method that a retry of another package calls again.
	RetriedImpls []RetriedImpl

	// ReportTests: the analyzers report findings in _test.go files too
	// (Settings.Tests).
	ReportTests bool
	// ReportChecks: also report writes whose repeat may be harmless, as
	// checks (Settings.Confidence low).
	ReportChecks bool

	// Failed holds the panic value when computing the model panicked: the
	// model is then empty, so that one unexpected construct in one
	// dependency does not fail the user's whole run. Tests assert it stays
	// empty.
	Failed string

	decls []*ast.FuncDecl // in source order
	facts map[*types.Func]*mutation.FuncFact
	pass  *analysis.Pass
	// analyzed caches the AnalyzedFact lookups by package. The analyzers
	// that read the model run in parallel on the same package (the checker
	// runs unsaferetry and resend concurrently), so the cache is locked.
	analyzedMu sync.Mutex
	analyzed   map[*types.Package]bool
	// impls caches the implementations of unexported interface methods
	// (ifacefacts.go), locked for the same reason.
	implsMu sync.Mutex
	impls   map[*types.Func][]*types.Func
}

// Analyzed reports whether pkg's functions were summarised from source
// (this package, or a dependency carrying an AnalyzedFact).
func (m *Model) Analyzed(pkg *types.Package) bool {
	if pkg == m.pass.Pkg {
		return true
	}
	m.analyzedMu.Lock()
	defer m.analyzedMu.Unlock()
	known, ok := m.analyzed[pkg]
	if !ok {
		known = m.pass.ImportPackageFact(pkg, new(AnalyzedFact))
		m.analyzed[pkg] = known
	}
	return known
}

// Fact returns the FuncFact of fn (this package's or imported), or nil.
func (m *Model) Fact(fn *types.Func) *mutation.FuncFact {
	if m == nil || fn == nil {
		return nil
	}
	fn = fn.Origin() // facts are on declarations, not on instantiations
	if f, ok := m.facts[fn]; ok {
		return f
	}
	if m.pass == nil || fn.Pkg() == nil {
		return nil
	}
	if fn.Pkg() != m.pass.Pkg {
		var f mutation.FuncFact
		if m.pass.ImportObjectFact(fn, &f) {
			return &f
		}
	}
	return m.interfaceFact(fn) // a handler chain's interface (ifacefacts.go)
}

// New returns a model analyzer configured with s. Its Flags hold the
// settings (retryfuncs, mutating, idempotent, tests) so that an analyzer reading
// the model can expose them as its own flags; each call returns an
// independent analyzer with its own copy of s.
func New(s Settings) *analysis.Analyzer {
	st := &Settings{
		RetryFuncs: append([]string(nil), s.RetryFuncs...),
		Mutating:   append([]string(nil), s.Mutating...),
		Idempotent: append([]string(nil), s.Idempotent...),
		Tests:      s.Tests,
		Confidence: s.Confidence,
	}
	// No Requires (in particular no inspect.Analyzer): the model runs on
	// every dependency because of its facts, and the driver keeps each
	// package's inspector until the run ends — most of twice's memory over
	// the floor. The model walks pass.Files directly instead.
	a := &analysis.Analyzer{
		Name:       "twicemodel",
		Doc:        "computes retry scopes and mutating operations for twice's analyzers (facts for every package)",
		URL:        "https://github.com/twice-lint/twice#unsaferetry",
		ResultType: reflect.TypeFor[*Model](),
		FactTypes:  []analysis.Fact{new(mutation.FuncFact), new(RetryHelperFact), new(RefusalPredicateFact), new(AnalyzedFact), new(AmbiguousSentinelFact), new(SettledPredicateFact), new(ClientParamFact), new(RetryingClientFact), new(RetryingTransportFact), new(UniqueFieldsFact), new(RetriedMethodFact)},
	}
	st.RegisterFlags(&a.Flags)
	a.Run = func(pass *analysis.Pass) (any, error) { return run(pass, st) }
	return a
}

// maxSummaryRounds bounds the fixpoint over the package's functions.
// Facts only grow, and chains of helpers calling helpers longer than this
// within one package are rare; a longer chain loses only its far end.
const maxSummaryRounds = 6

func run(pass *analysis.Pass, s *Settings) (result any, err error) {
	defer func() {
		if r := recover(); r != nil {
			result, err = &Model{Failed: fmt.Sprintf("twicemodel: internal error in %s: %v", pass.Pkg.Path(), r)}, nil
		}
	}()
	m := &Model{Decls: map[*types.Func]*ast.FuncDecl{}, facts: map[*types.Func]*mutation.FuncFact{}, pass: pass,
		analyzed: map[*types.Package]bool{}, ReportTests: s.Tests, ReportChecks: s.Confidence == ConfidenceLow}
	cfg := mutation.Config{Mutating: s.Mutating, Idempotent: s.Idempotent}
	m.Classifier = mutation.NewClassifier(pass, cfg, m.Fact)
	m.Classifier.KnowBodies(m.Analyzed)

	m.collectDecls()
	m.knowUniqueFields()
	m.exportOutcomes()
	if m.inert(s) {
		pass.ExportPackageFact(new(AnalyzedFact))
		return m, nil
	}
	m.summarize(m.decls, nil)
	m.exportFacts() // before the scopes: a panic there keeps the summaries
	m.findScopes(s)
	if own := m.ownRetries(); len(own) > 0 {
		// Helpers that retry a request their callers describe: their
		// wrappers in this package inherit it. Exporting again replaces
		// the facts.
		m.summarize(m.decls, own)
		m.exportFacts()
	}
	m.addClientSends()
	m.exportRetriedMethods() // retriedmethods.go
	m.findRetriedImpls()
	// Exported last: a panic above leaves the package unanalyzed, and its
	// functions are then judged by name.
	pass.ExportPackageFact(new(AnalyzedFact))
	return m, nil
}

// knowUniqueFields exports the fields this package's struct types
// document unique, and gives the classifier those and its imports'. It
// runs before the inert check: a generated types package has nothing
// else to say, and its documentation is what its clients' creates need.
func (m *Model) knowUniqueFields() {
	own := mutation.UniqueFields(m.pass.TypesInfo, m.pass.Files)
	for tn, fields := range own {
		if tn.Parent() == m.pass.Pkg.Scope() {
			m.pass.ExportObjectFact(tn, &UniqueFieldsFact{Fields: fields})
		}
	}
	m.Classifier.KnowUniqueFields(func(tn *types.TypeName) []string {
		if fields, ok := own[tn]; ok {
			return fields
		}
		if tn.Pkg() == nil || tn.Pkg() == m.pass.Pkg {
			return nil
		}
		var f UniqueFieldsFact
		if m.pass.ImportObjectFact(tn, &f) {
			return f.Fields
		}
		return nil
	})
}

// inert reports whether the package can export no fact and hold no retry
// scope with a write in it, so that summarising it and finding its scopes
// is wasted work. Most dependencies (the standard library above all) are
// such packages. It must be sound — a skipped package must be one where
// no fact would have been exported and every scope would be empty of
// writes — so it errs towards false:
//   - no -retryfuncs/-mutating/-idempotent setting (they can name any
//     function);
//   - no declaration with a //twice: directive, a func-typed parameter
//     (a retry helper retries one), a client parameter (a
//     client-parameter sender), a Request result (a request builder) or
//     a go-redis or AWS SDK configuration or client result (a maker of
//     retrying clients);
//   - no reference that the classifier could judge (mutation.Classifier.Inert).
func (m *Model) inert(s *Settings) bool {
	if len(s.RetryFuncs) > 0 || len(s.Mutating) > 0 || len(s.Idempotent) > 0 {
		return false
	}
	for _, d := range m.decls {
		if mayMatter(m.pass.TypesInfo.Defs[d.Name].(*types.Func), d) {
			return false
		}
	}
	return m.Classifier.Inert()
}

// mayMatter reports whether a declaration could carry a fact whatever it
// calls: a directive in its doc comment, a func-typed parameter, a result
// named Request, or a go-redis or AWS SDK configuration or client result.
func mayMatter(fn *types.Func, d *ast.FuncDecl) bool {
	if d.Doc != nil {
		for _, c := range d.Doc.List {
			if strings.Contains(c.Text, "twice:") {
				return true
			}
		}
	}
	if retryscope.ReturnsPredicate(fn) {
		return true // a retry predicate factory (RefusalPredicateFact)
	}
	if retryscope.TakesClient(fn) {
		return true // it may send through the client (ClientParamFact)
	}
	if retryscope.ReturnsRedis(fn) || retryscope.ReturnsAWS(fn) {
		return true // it may make retrying go-redis or AWS SDK clients (RetryingClientFact)
	}
	sig := fn.Signature()
	for i := 0; i < sig.Params().Len(); i++ {
		if funcLike(sig.Params().At(i).Type()) {
			return true
		}
	}
	if sig.Recv() != nil && fn.Name() == "RoundTrip" && hasLoop(d.Body) {
		return true // a retrying transport (RetryingTransportFact)
	}
	if sig.Recv() != nil && hasFuncField(sig.Recv().Type()) && hasLoop(d.Body) {
		return true // a retry executor of a func field (retryscope/fieldhelpers.go)
	}
	for i := 0; i < sig.Results().Len(); i++ {
		t := sig.Results().At(i).Type()
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Name() == "Request" {
			return true
		}
	}
	return false
}

// funcLike reports whether t is, or may be, a func type: a signature, a
// type parameter (its type argument may be one), or a slice of either
// (a variadic parameter).
func funcLike(t types.Type) bool {
	if sl, ok := types.Unalias(t).(*types.Slice); ok {
		t = sl.Elem()
	}
	switch types.Unalias(t).(type) {
	case *types.TypeParam:
		return true
	}
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// collectDecls records the package's function declarations with a body,
// in source order. FuncDecls occur only at file level, so no walk is needed.
func (m *Model) collectDecls() {
	for _, file := range m.pass.Files {
		for _, decl := range file.Decls {
			d, ok := decl.(*ast.FuncDecl)
			if !ok || d.Body == nil {
				continue
			}
			if fn, ok := m.pass.TypesInfo.Defs[d.Name].(*types.Func); ok {
				m.Decls[fn] = d
				m.decls = append(m.decls, d)
			}
		}
	}
}

// summarize computes the FuncFacts of the package's functions, repeating
// until none changes (bounded); own are the helpers' retries of a write
// their callers decide (ownRetries), merged into their facts.
func (m *Model) summarize(decls []*ast.FuncDecl, own map[*types.Func]*mutation.ParamRetry) {
	for round := 0; round < maxSummaryRounds; round++ {
		changed := false
		for _, d := range decls {
			fn := m.pass.TypesInfo.Defs[d.Name].(*types.Func)
			f := m.Classifier.Summarize(d)
			if r := own[fn]; r != nil {
				f = f.WithRetries(r)
			}
			if f.IsZero() {
				f = nil
			}
			if old, ok := m.facts[fn]; !ok && f != nil || ok && !reflect.DeepEqual(old, f) {
				m.facts[fn] = f
				changed = true
			}
		}
		if !changed {
			break
		}
	}
}

// exportFacts exports the FuncFacts that say something.
func (m *Model) exportFacts() {
	for _, d := range m.decls {
		fn := m.pass.TypesInfo.Defs[d.Name].(*types.Func)
		if f := m.facts[fn]; f != nil {
			m.pass.ExportObjectFact(fn, f)
		}
	}
}

// findScopes finds the retry scopes and exports the helpers' facts.
func (m *Model) findScopes(s *Settings) {
	pass := m.pass
	imported := func(fn *types.Func) *retryscope.Helper {
		if fn.Pkg() == nil || fn.Pkg() == pass.Pkg {
			return nil
		}
		var f RetryHelperFact
		if !pass.ImportObjectFact(fn, &f) {
			return nil
		}
		h := f.Helper
		return &h
	}
	finder := retryscope.NewFinder(pass, retryscope.Config{RetryFuncs: s.RetryFuncs, Helper: imported, RefusalPredicate: m.refusalPredicate,
		AmbiguousSentinel: m.ambiguousSentinel, SettledPredicate: m.settledPredicate, ClientParam: m.clientParam,
		ClientMaker: m.clientMaker, RetryingTransport: m.retryingTransport, Write: m.sendingWrite, UnavailableRefuses: !m.ReportChecks})
	for _, fn := range finder.RefusalPredicates() {
		pass.ExportObjectFact(fn, new(RefusalPredicateFact))
	}
	res := finder.Find()
	m.Scopes = res.Scopes
	for _, d := range m.decls {
		fn := pass.TypesInfo.Defs[d.Name].(*types.Func)
		if h := res.Helpers[fn]; h != nil {
			pass.ExportObjectFact(fn, &RetryHelperFact{Helper: *h})
		}
		if cp := res.ClientParams[fn]; cp != nil {
			pass.ExportObjectFact(fn, &ClientParamFact{ClientParam: *cp})
		}
		if mech := res.ClientMakers[fn]; mech != "" {
			pass.ExportObjectFact(fn, &RetryingClientFact{Mechanism: mech})
		}
		if mech := res.Transports[fn]; mech != "" {
			pass.ExportObjectFact(fn, &RetryingTransportFact{Mechanism: mech})
		}
	}
}

// Analyzer is the model shared by the default analyzers (unsaferetry.Analyzer
// and resend.Analyzer). They must share one instance: a fact type may be
// declared by only one analyzer in a run.
var Analyzer = New(Settings{})

// hasFuncField reports whether a receiver type (or what it points to) is
// a struct with a func-typed field.
func hasFuncField(t types.Type) bool {
	return astpath.HasField(t, func(f *types.Var) bool { return funcLike(f.Type()) })
}

// hasLoop reports whether body holds a for or range statement.
func hasLoop(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			found = true
		}
		return !found
	})
	return found
}
