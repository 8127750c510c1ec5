package mutation_test

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/twice-lint/twice/analyzers/internal/mutation"
	"github.com/twice-lint/twice/analyzers/internal/testenv"
	"github.com/twice-lint/twice/internal/slowtest"
)

// testConfig is what the -mutating/-idempotent flags would hold.
var testConfig = mutation.Config{
	Mutating:   []string{"(*example.com/billing.Client).Charge"},
	Idempotent: []string{"(*example.com/billing.Client).ChargeOnce"},
}

// summaries is a test-only fact analyzer, as the model analyzer is: it
// summarises every function into a FuncFact, exports them for the packages
// that import this one, and returns the fact lookup for the package.
var summaries = &analysis.Analyzer{
	Name:       "mutationfacts",
	Doc:        "computes mutation.FuncFacts for tests",
	FactTypes:  []analysis.Fact{new(mutation.FuncFact)},
	ResultType: reflect.TypeFor[*summary](),
	Run:        runSummaries,
}

type summary struct {
	classifier *mutation.Classifier
	decls      []*ast.FuncDecl
	facts      int // functions of the package with a FuncFact
}

// accessorOnly reports whether f only says the method is a string getter
// or setter. Such facts are not counted against Inert: a package Inert
// skips cannot build or send a request, and a getter there is lost only
// for request types whose accessors live apart from any HTTP code (then a
// write is missed, never invented).
func accessorOnly(f *mutation.FuncFact) bool {
	g := *f
	g.GetsField, g.SetsField = "", ""
	return (f.GetsField != "" || f.SetsField != "") && g.IsZero()
}

// callsParamOnly reports whether f only says the function calls its
// func-typed parameter (funcparam.go). Such facts are not counted against
// Inert either: a declaration with a func-typed parameter makes the
// model analyze its package whatever Inert says (model.mayMatter).
func callsParamOnly(f *mutation.FuncFact) bool {
	g := *f
	g.CallsParam, g.CallsParamArgs, g.CallsParamSpread = -1, nil, false
	g.GetsField, g.SetsField = "", ""
	return f.CallsParam >= 0 && g.IsZero()
}

func runSummaries(pass *analysis.Pass) (any, error) {
	local := map[*types.Func]*mutation.FuncFact{}
	facts := func(fn *types.Func) *mutation.FuncFact {
		if f, ok := local[fn]; ok {
			return f
		}
		var f mutation.FuncFact
		if fn.Pkg() != pass.Pkg && pass.ImportObjectFact(fn, &f) {
			return &f
		}
		return nil
	}
	c := mutation.NewClassifier(pass, testConfig, facts)
	var decls []*ast.FuncDecl
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				decls = append(decls, fd)
			}
		}
	}
	// Callee-first order is not known here: iterate to a fixed point.
	for range 4 {
		for _, d := range decls {
			fn := pass.TypesInfo.Defs[d.Name].(*types.Func)
			if f := c.Summarize(d); f != nil {
				local[fn] = f
			}
		}
	}
	n := 0
	for fn, f := range local {
		pass.ExportObjectFact(fn, f)
		if !accessorOnly(f) && !callsParamOnly(f) {
			n++
		}
	}
	return &summary{classifier: c, decls: decls, facts: n}, nil
}

// reporter reports every call the Classifier judges mutating, with its
// evidence.
var reporter = &analysis.Analyzer{
	Name:     "mutationtest",
	Doc:      "reports mutation.Classifier verdicts for tests",
	Requires: []*analysis.Analyzer{summaries},
	Run: func(pass *analysis.Pass) (any, error) {
		s := pass.ResultOf[summaries].(*summary)
		for _, d := range s.decls {
			reportCalls(pass, s.classifier, d, d)
		}
		return nil, nil
	},
}

// reportCalls reports the mutating calls under n, whose innermost
// enclosing function is scope.
func reportCalls(pass *analysis.Pass, c *mutation.Classifier, n ast.Node, scope ast.Node) {
	ast.Inspect(n, func(m ast.Node) bool {
		if lit, ok := m.(*ast.FuncLit); ok && m != scope {
			reportCalls(pass, c, lit.Body, lit)
			return false
		}
		call, ok := m.(*ast.CallExpr)
		if !ok {
			return true
		}
		if op, ok := c.Call(call); ok {
			pass.Reportf(call.Pos(), "mutating: %s%s", op.Desc, describe(c.Evidence(call, scope)))
		}
		return true
	})
}

// describe renders evidence as "; key Name (fresh|stable)…; cas; create-if-missing".
func describe(ev mutation.Evidence) string {
	var b strings.Builder
	for _, k := range ev.Keys {
		kind := "stable"
		if k.Fresh {
			kind = "fresh"
		}
		fmt.Fprintf(&b, "; key %s (%s)", k.Name, kind)
	}
	if ev.CAS {
		b.WriteString("; cas")
	}
	if ev.CreateIfMissing {
		b.WriteString("; create-if-missing")
	}
	return b.String()
}

func TestClassifier(t *testing.T) {
	analysistest.Run(t, testenv.Testdata(t), reporter,
		"example.com/orders", "example.com/shop", "example.com/repo", "example.com/events",
		"example.com/ratelimit", "example.com/release", "example.com/storage", "example.com/carrier")
}

func TestSplitWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"CreateRelease", []string{"Create", "Release"}},
		{"createOrder", []string{"create", "Order"}},
		{"sendSMSCode", []string{"send", "SMS", "Code"}},
		{"HTTPPost", []string{"HTTP", "Post"}},
		{"RunJob", []string{"Run", "Job"}},
		{"Run", []string{"Run"}},
		{"publish_event", []string{"publish", "event"}},
		{"Get2FACode", []string{"Get2", "FA", "Code"}},
		{"", nil},
	}
	for _, tc := range tests {
		if got := mutation.SplitWords(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("SplitWords(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMutatingVerb(t *testing.T) {
	tests := map[string]string{
		"CreateRelease": "Create", "Create": "Create", "createOrder": "Create", "SendEmail": "Send",
		"Publish": "Publish", "Notify": "Notify", "ChargeCard": "Charge", "RunJob": "Run", "RunTask": "Run",
		"Run": "", "RunQuery": "", "GetRelease": "", "ListPulls": "", "PutObject": "", "UpsertUser": "",
		"DeleteBranch": "", "Creator": "", "Sender": "", "Posture": "", "UpdateIssue": "", "EnsureBucket": "",
		"SendRequest": "", "sendRequest": "", "SendRPC": "", "SendCall": "", "SendRequestWithRetry": "",
		"SendMessage": "Send", "SendInvite": "Send",
	}
	for in, want := range tests {
		if got := mutation.MutatingVerb(in); got != want {
			t.Errorf("MutatingVerb(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadOnlyPOST(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"/orders/_search", true},
		{"/logs-*/_msearch", true},
		{"/orders/_count", true},
		{"/_search/scroll", true},
		{"/v1/search", true},
		{"/v1/search/", true},
		{"/api/search/aql", true},                            // the kind of search under /search
		{"/api/v1/uploads/status", true},                     // a status query
		{"/api/plugins/execute/configImportStatus{…}", true}, // an operation's status, a query string glued on
		{"/api/plugins/execute/updateStatus", false},
		{"/api/localgenerated/filter/paths", false}, // the path alone does not say (the function's name may)
		{"/v1/orders{…}", false},
		{"/api/search/{…}", false},
		{"/api/v1/statuses", false},
		{"/v1/documents:batchGet", true},
		{"/v1/projects/{…}/datasets:search", true},
		{"/twirp/shop.v1.Orders/ListOrders", true},
		{"/api/find-users", true},
		{"/oauth2/token", true},
		{"/oauth/token/", true},
		{"/v1/documents:batchGetDocuments", true},
		{"/twirp/shop.v1.Orders/CreateOrder", false},
		{"/api/find-and-modify", false},
		{"/v1/orders/{…}/status", false},
		{"/v1/tokens", false},
		{"/orders/_doc", false},
		{"/v1/orders", false},
		{"/v1/searches", false},
		{"/v1/jobs:run", false},
		{"/v1/orders/{…}", false},
		{"", false},
		{"/", false},
	}
	for _, tt := range tests {
		if got := mutation.ReadOnlyPOST(tt.path); got != tt.want {
			t.Errorf("ReadOnlyPOST(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

// everything classifies every call of a package and reports nothing: with
// summaries running on every dependency, it shows that the Classifier never
// panics on real code.
var everything = &analysis.Analyzer{
	Name:     "mutationall",
	Doc:      "classifies every call, for robustness tests",
	Requires: []*analysis.Analyzer{summaries},
	Run: func(pass *analysis.Pass) (any, error) {
		s := pass.ResultOf[summaries].(*summary)
		for _, d := range s.decls {
			ast.Inspect(d, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if _, ok := s.classifier.Call(call); ok {
						s.classifier.Evidence(call, d)
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

func TestStandardLibraryRobustness(t *testing.T) {
	slowtest.StdLibrary(t)
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Tests: false}
	pkgs, err := packages.Load(cfg, "net/http", "database/sql")
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{everything}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(graph.Roots) != 2 {
		t.Fatalf("analysed %d packages, want 2", len(graph.Roots))
	}
	for act := range graph.All() {
		if act.Err != nil {
			t.Errorf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
	}
}

// inertFact only makes newInertCheck's analyzer run on every dependency, as fact
// analyzers do.
type inertFact struct{}

func (*inertFact) AFact() {}

// inertVerdict is what newInertCheck found in one package.
type inertVerdict struct {
	inert    bool
	facts    int // functions with a FuncFact
	mutating int // calls the Classifier judges mutating
}

// newInertCheck returns an analyzer that compares Classifier.Inert with
// what the full classification finds in the same package, and records the
// verdict of every package it runs on (dependencies included: the checker
// does not keep their results) in verdicts.
func newInertCheck(verdicts *sync.Map) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      "mutationinert",
		Doc:       "compares Classifier.Inert with the summaries, for tests",
		Requires:  []*analysis.Analyzer{summaries},
		FactTypes: []analysis.Fact{new(inertFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			s := pass.ResultOf[summaries].(*summary)
			v := &inertVerdict{inert: s.classifier.Inert(), facts: s.facts}
			for _, f := range pass.Files {
				ast.Inspect(f, func(n ast.Node) bool {
					if call, ok := n.(*ast.CallExpr); ok {
						if _, ok := s.classifier.Call(call); ok {
							v.mutating++
						}
					}
					return true
				})
			}
			verdicts.Store(pass.Pkg.Path(), v)
			return nil, nil
		},
	}
}

// TestInertIsSound checks, on net/http and database/sql with all their
// dependencies, that no package Inert calls inert has a FuncFact or a call
// judged mutating, and that Inert does skip some packages.
func TestInertIsSound(t *testing.T) {
	slowtest.StdLibrary(t)
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Tests: false}
	pkgs, err := packages.Load(cfg, "net/http", "database/sql")
	if err != nil {
		t.Fatal(err)
	}
	var verdicts sync.Map
	graph, err := checker.Analyze([]*analysis.Analyzer{newInertCheck(&verdicts)}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for act := range graph.All() {
		if act.Err != nil {
			t.Fatalf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
	}
	inert, active := 0, 0
	verdicts.Range(func(k, val any) bool {
		pkg, v := k.(string), val.(*inertVerdict)
		switch {
		case v.inert && (v.facts > 0 || v.mutating > 0):
			t.Errorf("%s: Inert, but %d functions have facts and %d calls are mutating", pkg, v.facts, v.mutating)
		case v.inert:
			inert++
		default:
			active++
		}
		if (pkg == "net/http" || pkg == "database/sql") && v.inert {
			t.Errorf("%s: Inert, want not (the tables judge its own functions)", pkg)
		}
		return true
	})
	t.Logf("%d packages inert, %d not", inert, active)
	if inert == 0 || active == 0 {
		t.Errorf("%d packages inert, %d not: want some of each", inert, active)
	}
}
