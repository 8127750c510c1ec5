package lsp

import (
	"slices"
	"strings"
	"testing"
)

func TestParseSettings(t *testing.T) {
	tests := []struct {
		name, raw string
		failOn    string
		mutating  []string
		tests     bool
		low       bool
		wantErr   string
	}{
		{name: "absent", raw: ""},
		{name: "null", raw: "null"},
		{name: "flat", raw: `{"failOn":"note","unsaferetry":{"mutating":["a.B"]}}`, failOn: "note", mutating: []string{"a.B"}},
		{name: "under twice", raw: `{"twice":{"failOn":"error","unsaferetry":{"mutating":["x.Y","x.Z"]}}}`, failOn: "error", mutating: []string{"x.Y", "x.Z"}},
		{name: "tests", raw: `{"unsaferetry":{"tests":true}}`, tests: true},
		{name: "confidence low", raw: `{"unsaferetry":{"confidence":"low"}}`, low: true},
		{name: "bad confidence", raw: `{"unsaferetry":{"confidence":"medium"}}`, wantErr: `confidence "medium"`},
		{name: "bad failOn", raw: `{"failOn":"fatal"}`, wantErr: `failOn "fatal"`},
		{name: "wrong type", raw: `{"unsaferetry":{"mutating":"a.B"}}`, wantErr: "settings"},
		{name: "not JSON", raw: `{`, wantErr: "settings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := parseSettings([]byte(tt.raw))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.FailOn != tt.failOn || !slices.Equal(s.analyzerSettings().Mutating, tt.mutating) || s.analyzerSettings().Tests != tt.tests || (s.analyzerSettings().Confidence == "low") != tt.low {
				t.Errorf("got %+v", s)
			}
		})
	}
}

func TestSeverity(t *testing.T) {
	tests := []struct {
		failOn, level string
		want          int
	}{
		{"", "warning", severityWarning},
		{"", "note", severityInformation},
		{"", "error", severityError},
		{"none", "warning", severityWarning},
		{"warning", "warning", severityError},
		{"warning", "note", severityInformation},
		{"note", "note", severityError},
		{"error", "warning", severityWarning},
	}
	for _, tt := range tests {
		if got := (settings{FailOn: tt.failOn}).severity(tt.level); got != tt.want {
			t.Errorf("failOn %q, level %q: severity %d, want %d", tt.failOn, tt.level, got, tt.want)
		}
	}
}
