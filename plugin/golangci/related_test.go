package golangci

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestRelatedStaysInOneIssue: golangci-lint makes an issue of every
// related-information entry; the plugin's analyzers report none and name
// the related places in the message instead.
func TestRelatedStaysInOneIssue(t *testing.T) {
	p, err := New(map[string]any{"retry-funcs": []any{"(*shop/settle.Queue).Submit"}})
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range as {
		if a.Name != "unsaferetry" {
			continue // the fixture's want comment is an unsaferetry finding
		}
		for _, res := range analysistest.Run(t, analysistest.TestData(), a, "shop/settle") {
			for _, d := range res.Diagnostics {
				n++
				if len(d.Related) != 0 {
					t.Errorf("%s: diagnostic %q keeps %d related entries (separate golangci-lint issues)", a.Name, d.Message, len(d.Related))
				}
				if !strings.Contains(d.Message, "(related: ") || !strings.Contains(d.Message, "settle.go:") {
					t.Errorf("%s: diagnostic %q does not name its related places", a.Name, d.Message)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no diagnostics: the fixture's finding was not reported")
	}
}
