package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/twice-lint/twice/internal/sarif/sariftest"
)

func configFixtures(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "config"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestConfigDispatch checks that `twice config` reaches the config checker
// with its arguments, output and exit code intact.
func TestConfigDispatch(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		code      int
		stdoutHas []string
	}{
		{"findings", []string{"config", "maven-embedded"}, exitFindings,
			[]string{"maven-embedded/order-service/pom.xml:", "[duplicate-openapi-request]", "[unauthenticated-openapi]"}},
		{"nothing PowerJob", []string{"config", "no-powerjob"}, exitClean, nil},
		{"-fail-on none", []string{"config", "-fail-on", "none", "maven-embedded"}, exitClean,
			[]string{"[duplicate-openapi-request]"}},
		{"json", []string{"config", "-format", "json", "maven-embedded"}, exitFindings,
			[]string{`"duplicate-openapi-request"`}},
		{"bad flag", []string{"config", "-format", "xml", "."}, exitUsage, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := twice(t, configFixtures(t), tt.args...)
			if res.code != tt.code {
				t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", res.code, tt.code, res.stdout, res.stderr)
			}
			for _, s := range tt.stdoutHas {
				if !strings.Contains(res.stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, res.stdout)
				}
			}
		})
	}
}

func TestHelpRules(t *testing.T) {
	for _, id := range []string{"duplicate-openapi-request", "unauthenticated-openapi"} {
		res := twice(t, t.TempDir(), "help", id)
		if res.code != exitClean || !strings.Contains(res.stdout, "https://github.com/twice-lint/twice#"+id) || !strings.Contains(res.stdout, "config rule") {
			t.Errorf("twice help %s: exit %d\n%s%s", id, res.code, res.stdout, res.stderr)
		}
		if overview := twice(t, t.TempDir(), "help").stdout; !strings.Contains(overview, id) {
			t.Errorf("twice help does not list rule %s", id)
		}
	}
}

// TestSARIFSchemaBothHalves validates the SARIF written by both halves of
// the binary — analyzers and config checker, with findings and with input
// errors — against the SARIF 2.1.0 schema.
func TestSARIFSchemaBothHalves(t *testing.T) {
	tests := []struct {
		name string
		dir  string
		args []string
		code int
	}{
		{"analyzers, findings", fixtureDir(t, "orders"), []string{"-format", "sarif", "./..."}, exitFindings},
		{"analyzers, type error", fixtureDir(t, "broken"), []string{"-format", "sarif", "./..."}, exitError},
		{"config, findings", configFixtures(t), []string{"config", "-format", "sarif", "maven-embedded"}, exitFindings},
		{"config, broken files", configFixtures(t), []string{"config", "-format", "sarif", "broken-files"}, exitError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := twiceCached(t, tt.dir, tt.args...)
			if res.code != tt.code {
				t.Errorf("exit status %d, want %d\n%s", res.code, tt.code, res.stderr)
			}
			if err := sariftest.Validate([]byte(res.stdout)); err != nil {
				t.Errorf("%v\n%s", err, res.stdout)
			}
		})
	}
}
