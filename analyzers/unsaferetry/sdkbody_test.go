package unsaferetry_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/twice-lint/twice/analyzers/internal/testenv"
)

// TestSDKBodyFirst covers SDK methods that send through one generic
// retrying helper: what the request carries (payload shape, path) decides
// before the method's name, and messages name the path however the method
// builds it.
func TestSDKBodyFirst(t *testing.T) {
	tests := []struct {
		name string
		pkg  string
	}{
		{"payload before name: append/increment payloads reported under state names, set-only PATCH silent, opaque payloads judged by name", "sdkbody"},
	}
	var pkgs []string
	for _, tt := range tests {
		pkgs = append(pkgs, tt.pkg)
	}
	analysistest.Run(t, testenv.Testdata(t), withChecks(t), pkgs...)
}
