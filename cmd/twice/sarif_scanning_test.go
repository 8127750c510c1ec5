package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/twice-lint/twice/internal/sarif"
)

// TestSARIFCodeScanningFields checks, for both halves of twice, the fields
// GitHub code scanning reads from a SARIF upload: rule metadata (no "NAME:"
// prefix, help, tags, security-severity on the security rule), relative
// URIs under a declared %SRCROOT%, a partial fingerprint per result that
// is unique and survives moved lines, and related locations linked from
// the message.
func TestSARIFCodeScanningFields(t *testing.T) {
	// A copy outside any git work tree: %SRCROOT% is the directory twice
	// runs in, and lines can be moved without touching the repository.
	tmp := t.TempDir()
	copyTree(t, fixtureDir(t, "orders"), filepath.Join(tmp, "orders"))
	copyTree(t, fixtureDir(t, "stubs"), filepath.Join(tmp, "stubs"))
	dir := filepath.Join(tmp, "orders")

	before := twice(t, dir, "-format", "sarif", "./...")
	run := decodeSARIF(t, before.stdout).Runs[0]
	if len(run.Results) < 3 {
		t.Fatalf("%d results, want the fixture's findings", len(run.Results))
	}
	for _, r := range run.Tool.Driver.Rules {
		checkRuleMetadata(t, r)
	}
	link := regexp.MustCompile(`\]\((\d+)\)`)
	fps := map[string]int{}
	for _, r := range run.Results {
		pl := r.Locations[0].PhysicalLocation
		if pl.ArtifactLocation.URIBaseID != sarif.SourceRootID || strings.Contains(pl.ArtifactLocation.URI, ":") {
			t.Errorf("result URI %+v is not relative to %s", pl.ArtifactLocation, sarif.SourceRootID)
		}
		if _, err := os.Stat(resolveURI(t, run, pl.ArtifactLocation)); err != nil {
			t.Errorf("result URI %q does not resolve to a file: %v", pl.ArtifactLocation.URI, err)
		}
		fp := r.PartialFingerprints[sarif.FingerprintKey]
		if fp == "" {
			t.Errorf("result %q has no %s fingerprint", r.Message.Text, sarif.FingerprintKey)
		}
		fps[fp] = pl.Region.StartLine
		linked := map[int]bool{}
		for _, m := range link.FindAllStringSubmatch(r.Message.Text, -1) {
			n, _ := strconv.Atoi(m[1])
			linked[n] = true
		}
		for _, rel := range r.RelatedLocations {
			if rel.ID == nil || !linked[*rel.ID] {
				t.Errorf("related location %+v is not linked from the message %q", rel, r.Message.Text)
			}
		}
	}
	if len(fps) != len(run.Results) {
		t.Errorf("%d distinct fingerprints for %d results", len(fps), len(run.Results))
	}

	// Two lines added at the top of every file: every finding moves, no
	// fingerprint changes.
	shiftGoFiles(t, dir, "// Copyright header added later.\n\n")
	after := decodeSARIF(t, twice(t, dir, "-format", "sarif", "./...").stdout).Runs[0]
	if len(after.Results) != len(run.Results) {
		t.Fatalf("%d results after moving lines, want %d", len(after.Results), len(run.Results))
	}
	for _, r := range after.Results {
		line, ok := fps[r.PartialFingerprints[sarif.FingerprintKey]]
		if !ok {
			t.Errorf("fingerprint of %q changed when its line moved", r.Message.Text)
		} else if r.Locations[0].PhysicalLocation.Region.StartLine != line+2 {
			t.Errorf("result %q at line %d, want %d", r.Message.Text, r.Locations[0].PhysicalLocation.Region.StartLine, line+2)
		}
	}

	// The config half: the CVE rule is a security rule with a severity.
	cfg := twice(t, configFixtures(t), "config", "-format", "sarif", "maven-embedded")
	crun := decodeSARIF(t, cfg.stdout).Runs[0]
	security := 0
	for _, r := range crun.Tool.Driver.Rules {
		checkRuleMetadata(t, r)
		if r.ID == "unauthenticated-openapi" {
			security++
			if r.Properties == nil || !slices.Contains(r.Properties.Tags, "security") {
				t.Errorf("rule %s: properties %+v, want the security tag", r.ID, r.Properties)
			} else if s, err := strconv.ParseFloat(r.Properties.SecuritySeverity, 64); err != nil || s < 7 || s > 10 {
				t.Errorf("rule %s: security-severity %q, want a high score (CVE-2025-11581)", r.ID, r.Properties.SecuritySeverity)
			}
		}
	}
	if security != 1 {
		t.Errorf("config SARIF has no unauthenticated-openapi rule")
	}
}

// checkRuleMetadata checks what code scanning shows of a rule.
func checkRuleMetadata(t *testing.T, r sarif.Rule) {
	t.Helper()
	if r.ShortDescription == nil || r.ShortDescription.Text == "" || strings.HasPrefix(r.ShortDescription.Text, r.ID+":") {
		t.Errorf("rule %s: short description %+v (empty or prefixed with the id)", r.ID, r.ShortDescription)
	}
	if r.FullDescription != nil && strings.HasPrefix(r.FullDescription.Text, r.ID+":") {
		t.Errorf("rule %s: full description prefixed with the id", r.ID)
	}
	if r.Help == nil || r.Help.Text == "" || r.HelpURI == "" {
		t.Errorf("rule %s: no help or helpUri", r.ID)
	}
	if r.Properties == nil || len(r.Properties.Tags) == 0 {
		t.Errorf("rule %s: no tags", r.ID)
	}
	if r.Properties != nil && r.Properties.SecuritySeverity != "" && !slices.Contains(r.Properties.Tags, "security") {
		t.Errorf("rule %s: security-severity without the security tag", r.ID)
	}
}

// shiftGoFiles puts prefix at the top of every .go file under dir.
func shiftGoFiles(t *testing.T, dir, prefix string) {
	t.Helper()
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || filepath.Ext(p) != ".go" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(p, append([]byte(prefix), data...), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestSARIFSourceRootInSubfolder: both halves, run from a module or config
// tree in a subfolder of a git work tree, declare the work tree top as
// %SRCROOT% and write URIs relative to it (what code scanning resolves
// against the repository), with the same fingerprint key.
func TestSARIFSourceRootInSubfolder(t *testing.T) {
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	copyTree(t, fixtureDir(t, "orders"), filepath.Join(repo, "services", "orders"))
	copyTree(t, fixtureDir(t, "stubs"), filepath.Join(repo, "services", "stubs"))
	copyTree(t, filepath.Join(configFixtures(t), "maven-embedded"), filepath.Join(repo, "deploy", "scheduler"))
	tests := []struct {
		name, dir string
		args      []string
		prefix    string // every result URI starts with it
	}{
		{"analyzers", "services/orders", []string{"-format", "sarif", "./..."}, "services/orders/"},
		{"config", "deploy/scheduler", []string{"config", "-format", "sarif", "."}, "deploy/scheduler/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := twice(t, filepath.Join(repo, filepath.FromSlash(tt.dir)), tt.args...)
			run := decodeSARIF(t, res.stdout).Runs[0]
			if got, want := run.OriginalURIBaseIDs[sarif.SourceRootID].URI, sarif.DirURI(repo); got != want {
				t.Errorf("%s = %q, want the work tree top %q", sarif.SourceRootID, got, want)
			}
			if len(run.Results) == 0 {
				t.Fatalf("no results (exit %d)\n%s", res.code, res.stderr)
			}
			for _, r := range run.Results {
				al := r.Locations[0].PhysicalLocation.ArtifactLocation
				if al.URIBaseID != sarif.SourceRootID || !strings.HasPrefix(al.URI, tt.prefix) {
					t.Errorf("result URI %+v, want %s-relative under %s", al, sarif.SourceRootID, tt.prefix)
				}
				if _, err := os.Stat(resolveURI(t, run, al)); err != nil {
					t.Errorf("result URI %q does not resolve to a file: %v", al.URI, err)
				}
				if len(r.PartialFingerprints) != 1 || len(r.PartialFingerprints[sarif.FingerprintKey]) != 32 {
					t.Errorf("result %q: partialFingerprints %v, want one %s entry", r.Message.Text, r.PartialFingerprints, sarif.FingerprintKey)
				}
			}
		})
	}
}
