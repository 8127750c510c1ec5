package main

import (
	"strings"
	"testing"
)

// TestBuildHint: a standard-library package with no files for this build
// (one gated by a GOEXPERIMENT) gets a hint naming the setting; any other
// load error gets none.
func TestBuildHint(t *testing.T) {
	tests := []struct {
		msg  string
		want string // substring of the hint; "" means no hint
	}{
		{`could not import encoding/json/v2 (invalid package name: "")`, "GOEXPERIMENT=jsonv2 twice ./..."},
		{`could not import encoding/json/jsontext (invalid package name: "")`, "encoding/json/jsontext is built only with GOEXPERIMENT=jsonv2"},
		{`could not import simd/archsimd (invalid package name: "")`, "may need a GOEXPERIMENT or build tags"},
		{`could not import example.com/lib (invalid package name: "")`, ""},
		{`could not import encoding/json/v2 (no required module provides package)`, ""},
		{`undefined: xerrors`, ""},
		{`could not import`, ""},
	}
	for _, tt := range tests {
		got := buildHint(tt.msg)
		if tt.want == "" {
			if got != "" {
				t.Errorf("buildHint(%q) = %q, want no hint", tt.msg, got)
			}
			continue
		}
		if !strings.Contains(got, tt.want) {
			t.Errorf("buildHint(%q) = %q, want it to contain %q", tt.msg, got, tt.want)
		}
	}
}
