package astpath

import (
	"go/token"
	"testing"
)

func TestInTestFile(t *testing.T) {
	fset := token.NewFileSet()
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"client.go", false},
		{"client_test.go", true},
		{"testdata/test.go", false},
		{"client_test.go.orig", false},
	} {
		f := fset.AddFile(tt.name, -1, 10)
		if got := InTestFile(fset, f.Pos(3)); got != tt.want {
			t.Errorf("InTestFile(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
	if InTestFile(fset, token.NoPos) {
		t.Error("InTestFile(NoPos) = true, want false")
	}
}
