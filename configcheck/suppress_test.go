package configcheck

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/twice-lint/twice/internal/sarif/sariftest"
)

// TestSuppressions scans a repository that suppresses findings in each
// file type's comment syntax: a Dockerfile (# on the line above), a pom
// (<!-- --> above), a Gradle script (// on the line, without a reason) and
// a YAML file (# after the value); a properties comment that names another
// rule suppresses nothing.
func TestSuppressions(t *testing.T) {
	const root = "testdata/suppress"
	report, err := Scan(context.Background(), []string{root}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	key := func(f Finding) string {
		return fmt.Sprintf("%s %s:%d %s", f.Rule, strings.TrimPrefix(f.Location.Path, root+"/"), f.Location.Line, f.Severity)
	}
	var active, suppressed []string
	for _, f := range report.Findings {
		active = append(active, key(f))
	}
	reasons := map[string]string{}
	for _, f := range report.Suppressed {
		suppressed = append(suppressed, key(f))
		if f.Suppression == nil {
			t.Fatalf("suppressed finding without a Suppression: %+v", f)
		}
		reasons[key(f)] = f.Suppression.Reason
	}
	wantActive := []string{
		"duplicate-openapi-request notify/build.gradle.kts:6 note", // the reason-less suppression itself
		"unauthenticated-openapi worker/src/main/resources/application.properties:2 warning",
	}
	wantSuppressed := map[string]string{
		// Notes: three servers and nothing pairs the clients with one.
		"duplicate-openapi-request billing/pom.xml:11 note":                           "billing jobs are created once at deploy time",
		"duplicate-openapi-request notify/build.gradle.kts:6 note":                    "",
		"unauthenticated-openapi ops/Dockerfile:4 warning":                            "reachable only from the internal job network",
		"unauthenticated-openapi server/src/main/resources/application.yml:6 warning": "demo server, torn down nightly",
	}
	if !slices.Equal(active, wantActive) {
		t.Errorf("active findings:\n  %s\nwant\n  %s", strings.Join(active, "\n  "), strings.Join(wantActive, "\n  "))
	}
	if len(suppressed) != len(wantSuppressed) {
		t.Errorf("suppressed findings:\n  %s", strings.Join(suppressed, "\n  "))
	}
	for k, reason := range wantSuppressed {
		if got, ok := reasons[k]; !ok || got != reason {
			t.Errorf("suppressed %q: reason %q (found %v), want %q", k, got, ok, reason)
		}
	}

	var text, js, sar bytes.Buffer
	if err := WriteText(report, &text); err != nil {
		t.Fatal(err)
	}
	for _, hidden := range []string{"billing/pom.xml", "ops/Dockerfile", "application.yml"} {
		if strings.Contains(text.String(), hidden) {
			t.Errorf("text output shows a suppressed finding in %s:\n%s", hidden, text.String())
		}
	}
	if err := WriteJSON(report, &js); err != nil {
		t.Fatal(err)
	}
	var doc JSONReport
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Suppressed) != len(wantSuppressed) || len(doc.Findings) != len(wantActive) {
		t.Errorf("JSON: %d findings and %d suppressed, want %d and %d", len(doc.Findings), len(doc.Suppressed), len(wantActive), len(wantSuppressed))
	}
	if err := WriteSARIF(report, &sar, WriteOptions{WorkDir: "/repo"}); err != nil {
		t.Fatal(err)
	}
	if err := sariftest.Validate(sar.Bytes()); err != nil {
		t.Errorf("SARIF log is not schema-valid: %v", err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Suppressions []struct{ Kind, Justification string }
			}
		}
	}
	if err := json.Unmarshal(sar.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range log.Runs[0].Results {
		if len(r.Suppressions) == 1 && r.Suppressions[0].Kind == "inSource" {
			n++
		}
	}
	if len(log.Runs[0].Results) != len(wantActive)+len(wantSuppressed) || n != len(wantSuppressed) {
		t.Errorf("SARIF: %d results, %d suppressed in source; want %d and %d", len(log.Runs[0].Results), n, len(wantActive)+len(wantSuppressed), len(wantSuppressed))
	}
	if code := report.ExitCode("warning"); code != ExitFindings {
		t.Errorf("exit code %d, want %d (the unsuppressed warning)", code, ExitFindings)
	}
}

func TestParseDirective(t *testing.T) {
	tests := []struct {
		name         string
		line         string
		style        commentStyle
		rule, reason string
		ok           bool
	}{
		{"yaml trailing", "  enable: false # twice:ignore unauthenticated-openapi demo only", hashStyle, "unauthenticated-openapi", "demo only", true},
		{"toml", `# twice:ignore duplicate-openapi-request pinned by the platform team`, hashStyle, "duplicate-openapi-request", "pinned by the platform team", true},
		{"properties bang", "! twice:ignore unauthenticated-openapi lab", propertiesStyle, "unauthenticated-openapi", "lab", true},
		{"properties value is not a comment", "note=see # twice:ignore unauthenticated-openapi x", propertiesStyle, "", "", false},
		{"dockerfile trailing # is not a comment", "ENV A=1 # twice:ignore unauthenticated-openapi x", hashLineStyle, "", "", false},
		{"xml", "<!-- twice:ignore duplicate-openapi-request fixed server -->", xmlStyle, "duplicate-openapi-request", "fixed server", true},
		{"xml no reason", "<!--twice:ignore duplicate-openapi-request-->", xmlStyle, "duplicate-openapi-request", "", true},
		{"gradle block", "/* twice:ignore duplicate-openapi-request pinned */", gradleStyle, "duplicate-openapi-request", "pinned", true},
		{"gradle string is not a comment", `val s = "twice:ignore duplicate-openapi-request x"`, gradleStyle, "", "", false},
		{"no rule", "# twice:ignore", hashStyle, "", "", false},
		{"other word", "# twice:ignored unauthenticated-openapi x", hashStyle, "", "", false},
	}
	for _, tt := range tests {
		d, ok := parseDirective(tt.line, tt.style)
		if ok != tt.ok || d.rule != tt.rule || d.reason != tt.reason {
			t.Errorf("%s: parseDirective(%q) = %q, %q, %v; want %q, %q, %v", tt.name, tt.line, d.rule, d.reason, ok, tt.rule, tt.reason, tt.ok)
		}
	}
}
