package retryscope_test

import (
	"go/ast"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/twice-lint/twice/analyzers/internal/model"
	"github.com/twice-lint/twice/analyzers/internal/retryscope"
	"github.com/twice-lint/twice/analyzers/internal/testenv"
)

// scopesAnalyzer reports, for every call of a function whose name starts
// with "write" (the fixtures' stand-in for a non-idempotent operation),
// the innermost retry scope that repeats it; for a retried named function,
// the argument; for a retrying client, the request it sends. It tests
// retry scopes independently of the mutation classifier.
func scopesAnalyzer(s model.Settings) *analysis.Analyzer {
	m := model.New(s)
	return &analysis.Analyzer{
		Name:     "scopes",
		Doc:      "test: report calls repeated by retry scopes",
		Requires: []*analysis.Analyzer{m},
		Run: func(pass *analysis.Pass) (any, error) {
			mod := pass.ResultOf[m].(*model.Model)
			if mod.Failed != "" {
				pass.Reportf(pass.Files[0].Pos(), "model failed: %s", mod.Failed)
			}
			best := map[ast.Node]*retryscope.Scope{}
			var order []ast.Node
			for _, s := range mod.Scopes {
				switch {
				case s.Call != nil:
					pass.Reportf(s.Call.Pos(), "client retry: %s: %s", s.Mechanism, s.ClientOp)
				case s.Func != nil:
					pass.Reportf(s.Arg.Pos(), "retried function %s by %s", s.Func.Name(), s.Mechanism)
				case s.Body != nil:
					ast.Inspect(s.Body, func(n ast.Node) bool {
						call, ok := n.(*ast.CallExpr)
						if !ok || !s.Contains(call) {
							return true
						}
						id, ok := ast.Unparen(call.Fun).(*ast.Ident)
						if sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr); isSel {
							id, ok = sel.Sel, true
						}
						if !ok || !strings.HasPrefix(id.Name, "write") {
							return true
						}
						if prev := best[call]; prev == nil {
							order = append(order, call)
							best[call] = s
						} else if s.Body.End()-s.Body.Pos() < prev.Body.End()-prev.Body.Pos() {
							best[call] = s
						}
						return true
					})
				}
			}
			for _, n := range order {
				s := best[n]
				tx := ""
				if s.TxBeforeCommit {
					tx = " (before commit)"
				}
				pass.Reportf(n.Pos(), "retried by %s%s", s.Mechanism, tx)
			}
			return nil, nil
		},
	}
}

func TestScopes(t *testing.T) {
	tests := []struct {
		name string
		pkgs []string
	}{
		{"retry libraries", []string{"libs"}},
		{"hand-written loops and recursion", []string{"loops"}},
		{"retrying clients", []string{"clients"}},
		{"helpers across packages", []string{"example.com/orders"}},
		{"transactions", []string{"txretry"}},
		{"gRPC retry interceptor", []string{"grpcclient"}},
		{"verdict-driven loops and helpers", []string{"verdicts", "example.com/pacer", "example.com/objstore"}},
		{"retry predicates per status and per error", []string{"predicates"}},
	}
	// One run over every package: loading and analyzing the standard
	// library dependencies once keeps the test fast.
	var pkgs []string
	for _, tt := range tests {
		pkgs = append(pkgs, tt.pkgs...)
	}
	analysistest.Run(t, testenv.Testdata(t), scopesAnalyzer(model.Settings{}), pkgs...)
}
