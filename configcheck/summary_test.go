package configcheck

import (
	"strings"
	"testing"
)

// TestSummaryLine: the summary goes to stderr after text output, never to
// stdout (whose every line stays path:line:col:), and not at all with -q
// or for JSON/SARIF.
func TestSummaryLine(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    string // expected stderr line; "" = no summary
		stdoutN int    // output lines on stdout
	}{
		{"findings by rule and severity", []string{"monorepo"},
			"twice config: 8 findings (duplicate-openapi-request: 3 warnings, 2 notes; unauthenticated-openapi: 2 warnings, 1 note), 0 suppressed, 0 input errors; 3 PowerJob servers, 6 clients; 17 files read", 8},
		{"input errors counted", []string{"broken-files"},
			"twice config: 2 findings (duplicate-openapi-request: 1 warning; unauthenticated-openapi: 1 warning), 0 suppressed, 3 input errors; 1 PowerJob server, 1 client;", 5},
		{"nothing found", []string{"no-powerjob"}, "twice config: 0 findings, 0 suppressed, 0 input errors; 0 PowerJob servers, 0 clients;", 0},
		{"-q: no summary", []string{"-q", "monorepo"}, "", 8},
		{"json: no summary", []string{"-format", "json", "monorepo"}, "", -1},
		{"sarif: no summary", []string{"-format", "sarif", "monorepo"}, "", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, _ := runCLI(t, tt.args...)
			if strings.Contains(stdout, "twice config:") {
				t.Errorf("summary on stdout:\n%s", stdout)
			}
			if tt.stdoutN >= 0 {
				if got := len(parseText(t, stdout)); got != tt.stdoutN {
					t.Errorf("%d stdout lines, want %d", got, tt.stdoutN)
				}
			}
			switch {
			case tt.want == "" && stderr != "":
				t.Errorf("stderr = %q, want nothing", stderr)
			case tt.want != "" && !strings.HasPrefix(stderr, tt.want):
				t.Errorf("stderr = %q,\nwant prefix %q", stderr, tt.want)
			case tt.want != "" && (strings.Count(stderr, "\n") != 1 || textLine.MatchString(strings.TrimSpace(stderr))):
				t.Errorf("summary is not one line that cannot be taken for a finding: %q", stderr)
			}
		})
	}
}
