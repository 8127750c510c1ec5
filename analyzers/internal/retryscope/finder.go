package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Config configures a Finder.
type Config struct {
	// RetryFuncs are extra retry helpers by full name (the -retryfuncs
	// flag): every func-typed argument of their calls is retried.
	RetryFuncs []string
	// Helper returns the retry-helper description of a function (from a
	// fact, or from this package's helpers found so far), or nil.
	Helper func(*types.Func) *Helper
	// RefusalPredicate reports whether a function of another package
	// returns a predicate that holds only on refusals (a fact), so that a
	// loop asking `shouldRetry := pkg.DefaultChecker()` is read like one
	// asking the predicate itself. Nil: none is known.
	RefusalPredicate func(*types.Func) bool
	// AmbiguousSentinel reports whether an error variable of another
	// package was declared as an ambiguous outcome (a fact, see
	// AmbiguousSentinels). Nil: none is known.
	AmbiguousSentinel func(*types.Var) bool
	// SettledPredicate reports whether a boolean function of another
	// package holds only on refusals or specific application errors (a
	// fact, see SettledPredicates). Nil: none is known.
	SettledPredicate func(*types.Func) bool
	// ClientParam returns what a fact says about a function of another
	// package that sends a write through a client parameter
	// (clientparams.go), or nil.
	ClientParam func(*types.Func) *ClientParam
	// Write describes the write a sending call makes, judged in the
	// function it is written in: not ok for a read sent as POST or a
	// request carrying an idempotency key. A client-parameter sender is
	// recorded only for a write. Nil: none is recorded.
	Write func(*ast.CallExpr, *ast.FuncDecl) (string, bool)
	// ClientMaker returns how the *http.Client a function of another
	// package returns retries every request (a fact, see
	// Result.ClientMakers), or "". Nil: none is known.
	ClientMaker func(*types.Func) string
	// RetryingTransport returns how the RoundTrip method of another
	// package's transport type re-sends every request (a fact, see
	// Result.Transports), or "". Nil: none is known.
	RetryingTransport func(*types.Func) string
	// UnavailableRefuses: a 503 Service Unavailable counts as a refusal.
	// Whether a server that answered 503 handled the request is unknown
	// (an overloaded server or a load balancer with no healthy upstream
	// did not; a proxy whose upstream broke mid-request may have), so a
	// retry that goes round only on refusals and 503 is reported only
	// when checks are asked for (-unsaferetry.confidence=low).
	UnavailableRefuses bool
}

// Result is what Find found in one package.
type Result struct {
	// Scopes in source order (the order of the walk).
	Scopes []*Scope
	// Helpers are this package's functions that retry one of their
	// func-typed parameters.
	Helpers map[*types.Func]*Helper
	// ClientParams are this package's functions that send a write through
	// a client parameter (clientparams.go).
	ClientParams map[*types.Func]*ClientParam
	// ClientMakers are this package's functions that return an
	// *http.Client retrying every request, with how (clientmakers.go).
	ClientMakers map[*types.Func]string
	// Transports are this package's RoundTrip methods whose types re-send
	// every request, with how (transporttypes.go).
	Transports map[*types.Func]string
}

// Finder finds the retry scopes of one package.
type Finder struct {
	pass       *analysis.Pass
	info       *types.Info
	cfg        Config
	libs       map[libKey]libFunc
	retryFuncs map[string]bool
	// importsGRPC: the package imports google.golang.org/grpc, so gRPC
	// clients are worth tracking.
	importsGRPC bool
	// decls indexes the package's function declarations (built on first
	// use by declOf).
	decls map[*types.Func]*ast.FuncDecl
	// transports are the package's retrying transport types found by the
	// walks so far, by RoundTrip method (transporttypes.go).
	transports map[*types.Func]string
	// statusMapLits indexes the map[int]bool literals assigned to
	// variables and fields (built on first use by statusMaps).
	statusMapLits map[types.Object][]*ast.CompositeLit
	// positiveFields caches, per attempt-count field, whether the package
	// gives it a positive value (optinloops.go).
	positiveFields map[*types.Var]bool
	fieldSets      *fieldSets // built with positiveFields
	// statusReturns caches which function results return a response
	// status (returnedstatus.go): every status test of an attempt's int
	// result asks again, and each walk round asks the same.
	statusReturns map[statusReturn]bool
	// retryFields: the options fields the package sets to a literal
	// holding a retry option (calloptions.go), built on first use.
	retryFields map[*types.Var]bool
}

// declOf returns the declaration of a function of this package, or nil.
func (f *Finder) declOf(fn *types.Func) *ast.FuncDecl {
	if fn == nil || fn.Pkg() != f.pass.Pkg {
		return nil
	}
	if f.decls == nil {
		f.decls = map[*types.Func]*ast.FuncDecl{}
		for _, file := range f.pass.Files {
			for _, d := range file.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
					if obj, ok := f.info.Defs[fd.Name].(*types.Func); ok {
						f.decls[obj] = fd
					}
				}
			}
		}
	}
	return f.decls[fn.Origin()]
}

// funcDecls calls visit for each function declaration of the package
// that has a body, in file and source order.
func (f *Finder) funcDecls(visit func(fn *types.Func, d *ast.FuncDecl)) {
	for _, file := range f.pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if fn, ok := f.info.Defs[fd.Name].(*types.Func); ok {
				visit(fn, fd)
			}
		}
	}
}

// declAt returns the function declaration of the package whose body
// holds pos, or nil.
func (f *Finder) declAt(pos token.Pos) *ast.FuncDecl {
	for _, file := range f.pass.Files {
		if pos < file.Pos() || pos >= file.End() {
			continue
		}
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && fd.Body.Pos() <= pos && pos < fd.Body.End() {
				return fd
			}
		}
	}
	return nil
}

// NewFinder returns a Finder for pass.
func NewFinder(pass *analysis.Pass, cfg Config) *Finder {
	if cfg.Helper == nil {
		cfg.Helper = func(*types.Func) *Helper { return nil }
	}
	rf := make(map[string]bool, len(cfg.RetryFuncs))
	for _, n := range cfg.RetryFuncs {
		rf[n] = true
	}
	f := &Finder{pass: pass, info: pass.TypesInfo, cfg: cfg, libs: libraryIndex(), retryFuncs: rf}
	for _, imp := range pass.Pkg.Imports() {
		if imp.Path() == "google.golang.org/grpc" {
			f.importsGRPC = true
		}
	}
	return f
}

// IsSafe reports whether fn is a retry function that is safe by design
// (client-go's RetryOnConflict, CockroachDB's ExecuteTx): it is never a
// retry helper, even though its body retries its argument.
func IsSafe(fn *types.Func) bool {
	l, ok := lookupLibrary(libraryIndex(), fn)
	return ok && l.Safe
}

// isSafe is IsSafe with the Finder's library index.
func (f *Finder) isSafe(fn *types.Func) bool {
	l, ok := lookupLibrary(f.libs, fn)
	return ok && l.Safe
}

// isRetryFunc reports whether the -retryfuncs flag names fn. Without the
// flag (the usual case) no name is built.
func (f *Finder) isRetryFunc(fn *types.Func) bool {
	return len(f.retryFuncs) > 0 && f.retryFuncs[fullName(fn)]
}

// maxHelperRounds bounds the search for helpers that retry through other
// helpers of the same package (each round can only add helpers).
const maxHelperRounds = 4

// Find returns the package's retry scopes and retry helpers. Helpers of
// this package that retry through other local helpers are found by
// repeating the walk until no helper is added (bounded).
func (f *Finder) Find() *Result {
	local := map[*types.Func]*Helper{}
	outer := f.cfg.Helper
	lookup := func(fn *types.Func) *Helper {
		if h := local[fn]; h != nil {
			return h
		}
		return outer(fn)
	}
	var res *Result
	for round := 0; round < maxHelperRounds; round++ {
		w := newWalk(f, lookup)
		w.run()
		res = &Result{Scopes: w.scopes, Helpers: w.helpers(), ClientParams: w.clients.clientParams, ClientMakers: w.clients.makers}
		added := false
		for fn, h := range res.Helpers {
			if prev := local[fn]; prev == nil || prev.FuncArgs == nil && h.FuncArgs != nil {
				// A helper's FuncArgs can be learned a round late (a
				// wrapper passing its request on to a helper found in
				// this walk): walk again so its callers see them.
				local[fn] = h
				added = true
			}
		}
		// A transport found in this walk changes what the clients built on
		// it retry: walk again.
		for fn, m := range f.retryingTransports(res.Scopes) {
			if f.transports[fn] == "" {
				if f.transports == nil {
					f.transports = map[*types.Func]string{}
				}
				f.transports[fn] = m
				added = true
			}
		}
		if !added {
			break
		}
	}
	res.Helpers = local
	res.Transports = f.transports
	return res
}

// fullName is fn's full name with a vendor prefix removed.
func fullName(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	n := fn.FullName()
	if i := strings.LastIndex(n, "/vendor/"); i >= 0 {
		start := strings.LastIndexAny(n[:i], "(*") + 1
		n = n[:start] + n[i+len("/vendor/"):]
	}
	return n
}
