package configcheck

import (
	"context"

	"github.com/twice-lint/twice/internal/configtree"
	"path/filepath"
	"slices"
	"testing"
)

// TestLazyParsingSameFindings scans every fixture tree with lazy parsing
// and with every file parsed: the findings must be identical. Only input
// errors of files that do not matter (a malformed build or YAML file that
// mentions neither PowerJob nor oms keys) may be missing from the lazy scan.
func TestLazyParsingSameFindings(t *testing.T) {
	wd, err := filepath.Abs(fixtureDir)
	if err != nil {
		t.Fatal(err)
	}
	compareLazyEager(t, wd, 50)
}

// TestLazyParsingSameFindingsMonorepo does the same on a generated monorepo
// (products with their own servers, clients paired by address).
func TestLazyParsingSameFindingsMonorepo(t *testing.T) {
	dir := t.TempDir()
	if _, err := configtree.Monorepo(dir, 1500, 120); err != nil {
		t.Fatal(err)
	}
	compareLazyEager(t, dir, 12)
}

func compareLazyEager(t *testing.T, wd string, minFindings int) {
	t.Helper()
	lazy, err := Scan(context.Background(), []string{"."}, Options{WorkDir: wd})
	if err != nil {
		t.Fatal(err)
	}
	eager, err := Scan(context.Background(), []string{"."}, Options{WorkDir: wd, parseAll: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(eager.Findings) < minFindings {
		t.Fatalf("only %d findings: the comparison would prove little", len(eager.Findings))
	}
	if !slices.EqualFunc(lazy.Findings, eager.Findings, findingsEqual) {
		for i := range max(len(lazy.Findings), len(eager.Findings)) {
			var l, e Finding
			if i < len(lazy.Findings) {
				l = lazy.Findings[i]
			}
			if i < len(eager.Findings) {
				e = eager.Findings[i]
			}
			if !findingsEqual(l, e) {
				t.Fatalf("first difference at %d:\n lazy  %+v\n eager %+v", i, l, e)
			}
		}
	}
	for _, e := range lazy.Errors {
		if !slices.Contains(eager.Errors, e) {
			t.Errorf("lazy scan reports an error the eager scan does not: %+v", e)
		}
	}
	t.Logf("%d findings; %d input errors eager, %d lazy", len(eager.Findings), len(eager.Errors), len(lazy.Errors))
}

func findingsEqual(a, b Finding) bool {
	return a.Rule == b.Rule && a.Severity == b.Severity && a.Location == b.Location && a.Message == b.Message && slices.Equal(a.Related, b.Related)
}

func TestContainsFold(t *testing.T) {
	tests := []struct {
		data, term string
		want       bool
	}{
		{"image: PowerJob/powerjob-server", "powerjob", true},
		{"OMS_AUTH_OPENAPI_ENABLE=false", "oms", true},
		{"x: oMs.y", "oms", true},
		{"power job", "powerjob", false},
		{"om", "oms", false},
		{"", "oms", false},
		{"Oo oM OMx", "oms", false},
		{"xxxxOMS", "oms", true}, // at the very end
	}
	for _, tt := range tests {
		if got := containsFold([]byte(tt.data), []byte(tt.term)); got != tt.want {
			t.Errorf("containsFold(%q, %q) = %v, want %v", tt.data, tt.term, got, tt.want)
		}
	}
}
