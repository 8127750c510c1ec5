package unsaferetry_test

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// checkRelatedAcrossPackages checks the related information of a retried
// named function declared in another package: analysistest loads the
// dependency from source, so its write can be pointed at in its own file.
// (TestUnsafeRetry calls it with its results: one load for both.)
func checkRelatedAcrossPackages(t *testing.T, results []*analysistest.Result) {
	tests := []struct {
		name     string
		diagLine string // a substring of the diagnostic
		related  []string
		file     string // base name of the file the last related entry is in
	}{
		{"method value of another package", "Client.CloseDay", []string{"retried by retryutil.Default", "Client.CloseDay (POST /v1/settlements) happens here"}, "billing.go"},
		{"func literal: the call itself is the write", "Client.Charge (POST /v1/charges) inside retryutil.Do", []string{"retried by retryutil.Do"}, "checkout.go"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var found *analysis.Diagnostic
			for _, r := range results {
				for i, d := range r.Diagnostics {
					if strings.Contains(d.Message, tt.diagLine) {
						found = &r.Diagnostics[i]
					}
				}
			}
			if found == nil {
				t.Fatalf("no diagnostic containing %q", tt.diagLine)
			}
			if len(found.Related) != len(tt.related) {
				t.Fatalf("related = %+v, want %d entries", found.Related, len(tt.related))
			}
			for i, want := range tt.related {
				if !strings.HasPrefix(found.Related[i].Message, want) {
					t.Errorf("related[%d] = %q, want prefix %q", i, found.Related[i].Message, want)
				}
			}
			last := found.Related[len(found.Related)-1]
			if got := filepath.Base(results[0].Pass.Fset.Position(last.Pos).Filename); got != tt.file {
				t.Errorf("last related entry in %s, want %s", got, tt.file)
			}
		})
	}
}
