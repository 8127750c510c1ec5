package mutation

import (
	"go/token"
	"go/types"
	"testing"
)

// method builds a method named name on a named type recv, enough for
// verbSubject, which reads only names.
func method(recv, name string) *types.Func {
	pkg := types.NewPackage("example.com/api", "api")
	named := types.NewNamed(types.NewTypeName(token.NoPos, pkg, recv, nil), types.NewStruct(nil, nil), nil)
	sig := types.NewSignatureType(types.NewVar(token.NoPos, pkg, "r", named), nil, nil, nil, nil, false)
	return types.NewFunc(token.NoPos, pkg, name, sig)
}

func TestVerbSubject(t *testing.T) {
	tests := []struct{ recv, name, want string }{
		{"ReleasesService", "CreateRelease", "the release"},
		{"PullRequestsService", "Create", "the pull request"},
		{"JobInterface", "Create", "the job"},
		{"NamespaceInterface", "Create", "the namespace"},
		{"nsi", "Create", "it"},
		{"OrdersClient", "Create", "it"},
		{"PaymentsAPI", "Create", "it"},
	}
	for _, tt := range tests {
		if got := verbSubject(method(tt.recv, tt.name)); got != tt.want {
			t.Errorf("verbSubject(%s.%s) = %q, want %q", tt.recv, tt.name, got, tt.want)
		}
	}
}
