package retryscope

import (
	"go/token"
	"go/types"
	"testing"
)

// TestLookupLibrary checks the (package path, name) lookup that replaced
// full-name strings: vendored copies match, methods and other packages'
// functions of the same name do not.
func TestLookupLibrary(t *testing.T) {
	sig := types.NewSignatureType(nil, nil, nil, nil, nil, false)
	fn := func(path, name string) *types.Func {
		return types.NewFunc(token.NoPos, types.NewPackage(path, "p"), name, sig)
	}
	pkg := types.NewPackage("github.com/avast/retry-go/v4", "retry")
	recvType := types.NewNamed(types.NewTypeName(token.NoPos, pkg, "Retrier", nil), types.NewStruct(nil, nil), nil)
	method := types.NewFunc(token.NoPos, pkg, "Do",
		types.NewSignatureType(types.NewVar(token.NoPos, pkg, "r", recvType), nil, nil, nil, nil, false))

	tests := []struct {
		name     string
		fn       *types.Func
		wantOK   bool
		wantSafe bool
	}{
		{"library function", fn("github.com/avast/retry-go/v4", "Do"), true, false},
		{"vendored library function", fn("example.com/app/vendor/github.com/avast/retry-go/v4", "Do"), true, false},
		{"safe by design", fn("k8s.io/client-go/util/retry", "RetryOnConflict"), true, true},
		{"same name, other package", fn("example.com/retry", "Do"), false, false},
		{"other function of a library package", fn("github.com/avast/retry-go/v4", "Attempts"), false, false},
		{"method named like a library function", method, false, false},
		{"nil", nil, false, false},
	}
	libs := libraryIndex()
	for _, tt := range tests {
		l, ok := lookupLibrary(libs, tt.fn)
		if ok != tt.wantOK || l.Safe != tt.wantSafe {
			t.Errorf("%s: got (ok=%v, safe=%v), want (ok=%v, safe=%v)", tt.name, ok, l.Safe, tt.wantOK, tt.wantSafe)
		}
	}
	if len(libs) != len(libraries) {
		t.Errorf("index holds %d entries for %d table rows: duplicate or malformed names", len(libs), len(libraries))
	}
}
