package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/twice-lint/twice/plugin/golangci"
)

func repoFile(t *testing.T, rel string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "..", filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func readYAML(t *testing.T, rel string, into any) string {
	t.Helper()
	data, err := os.ReadFile(repoFile(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, into); err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return string(data)
}

// TestExampleYAMLParses parses every CI recipe and config example.
func TestExampleYAMLParses(t *testing.T) {
	files := []string{".pre-commit-hooks.yaml"}
	err := filepath.WalkDir(repoFile(t, "examples"), func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".yml") || strings.HasSuffix(path, ".yaml")) {
			rel, _ := filepath.Rel(repoFile(t, "."), path)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 5 {
		t.Fatalf("found only %v", files)
	}
	for _, f := range files {
		var v any
		readYAML(t, f, &v)
		if v == nil {
			t.Errorf("%s is empty", f)
		}
	}
}

// TestPreCommitHooksRun checks that each hook names the twice command (a
// main package of this module, which language: golang installs) and runs
// the hook's command line on fixtures.
func TestPreCommitHooksRun(t *testing.T) {
	var hooks []struct {
		ID       string   `yaml:"id"`
		Entry    string   `yaml:"entry"`
		Args     []string `yaml:"args"`
		Language string   `yaml:"language"`
	}
	readYAML(t, ".pre-commit-hooks.yaml", &hooks)
	byID := map[string][]string{}
	for _, h := range hooks {
		if h.Language != "golang" {
			t.Errorf("hook %s: language %q, want golang", h.ID, h.Language)
		}
		words := strings.Fields(h.Entry)
		if len(words) == 0 {
			t.Errorf("hook %s: empty entry", h.ID)
			continue
		}
		if _, err := os.Stat(repoFile(t, "cmd/"+words[0]+"/main.go")); err != nil {
			t.Errorf("hook %s: entry command %q is not a command of this module: %v", h.ID, words[0], err)
		}
		byID[h.ID] = append(words[1:], h.Args...)
	}
	tests := []struct {
		hook string
		dir  string
		code int
	}{
		{"twice-config", filepath.Join(configFixtures(t), "no-powerjob"), exitClean},
		{"twice-config", filepath.Join(configFixtures(t), "maven-embedded"), exitFindings},
		{"twice", fixtureDir(t, "orders"), exitFindings},
	}
	for _, tt := range tests {
		args, ok := byID[tt.hook]
		if !ok {
			t.Errorf("no hook %s", tt.hook)
			continue
		}
		if res := twiceCached(t, tt.dir, args...); res.code != tt.code {
			t.Errorf("hook %s (twice %q) in %s: exit status %d, want %d\n%s", tt.hook, args, tt.dir, res.code, tt.code, res.stderr)
		}
	}
}

// TestGolangciExamples: the .golangci.yml settings decode in the plugin,
// and .custom-gcl.yml imports the plugin package.
func TestGolangciExamples(t *testing.T) {
	var cfg struct {
		Linters struct {
			Enable   []string `yaml:"enable"`
			Settings struct {
				Custom map[string]struct {
					Type     string `yaml:"type"`
					Settings any    `yaml:"settings"`
				} `yaml:"custom"`
			} `yaml:"settings"`
		} `yaml:"linters"`
	}
	readYAML(t, "examples/golangci/.golangci.yml", &cfg)
	if !contains(cfg.Linters.Enable, "twice") {
		t.Errorf(".golangci.yml does not enable twice")
	}
	custom, ok := cfg.Linters.Settings.Custom["twice"]
	if !ok || custom.Type != "module" {
		t.Fatalf(".golangci.yml: no module linter twice: %+v", cfg.Linters.Settings.Custom)
	}
	if _, err := golangci.New(custom.Settings); err != nil {
		t.Errorf(".golangci.yml settings rejected by the plugin: %v", err)
	}

	var gcl struct {
		Version string `yaml:"version"`
		Plugins []struct {
			Module string `yaml:"module"`
			Import string `yaml:"import"`
		} `yaml:"plugins"`
	}
	readYAML(t, "examples/golangci/.custom-gcl.yml", &gcl)
	if !strings.HasPrefix(gcl.Version, "v2.") {
		t.Errorf(".custom-gcl.yml: golangci-lint version %q, want v2.x", gcl.Version)
	}
	const pluginPkg = "github.com/twice-lint/twice/plugin/golangci"
	found := false
	for _, p := range gcl.Plugins {
		if p.Module == "github.com/twice-lint/twice" && p.Import == pluginPkg {
			found = true
		}
	}
	if !found {
		t.Errorf(".custom-gcl.yml does not import %s", pluginPkg)
	}
	if _, err := os.Stat(repoFile(t, "plugin/golangci/plugin.go")); err != nil {
		t.Error(err)
	}
}

// TestReadme keeps the README actionable: its help anchors exist, and the
// sample command a newcomer runs first really shows findings.
func TestReadme(t *testing.T) {
	data, err := os.ReadFile(repoFile(t, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	// helpUri targets: https://github.com/twice-lint/twice#<id>
	for _, id := range []string{"unsaferetry", "resend", "duplicate-openapi-request", "unauthenticated-openapi"} {
		if !strings.Contains(readme, "\n### "+id+"\n") {
			t.Errorf("README has no section %q (anchor #%s)", "### "+id, id)
		}
	}
	const sample = "go run ./cmd/twice config ./testdata/config/maven-embedded"
	for _, cmd := range []string{sample, "go test ./...", "go install ./cmd/twice", "go install github.com/twice-lint/twice/cmd/twice@v"} {
		if !strings.Contains(readme, cmd) {
			t.Errorf("README lacks %q", cmd)
		}
	}
	res := twiceCached(t, repoFile(t, "."), strings.Fields(sample)[3:]...)
	if res.code != exitFindings || !strings.Contains(res.stdout, "[duplicate-openapi-request]") {
		t.Errorf("README sample: exit %d, want %d with a duplicate-openapi-request finding\n%s%s", res.code, exitFindings, res.stdout, res.stderr)
	}
	// The output block after the sample is exactly what it prints: findings
	// on stdout, the summary line on stderr, go run's "exit status 3".
	at := strings.Index(readme, "The first command prints")
	start := strings.Index(readme[at:], "```\n") + at + 4
	end := strings.Index(readme[start:], "```") + start
	if at < 0 || start < at+4 || end < start {
		t.Fatal("README: no output block after the first sample")
	}
	if want := res.stdout + res.stderr + "exit status 3\n"; readme[start:end] != want {
		t.Errorf("README sample output differs from the real output:\nREADME:\n%s\nreal:\n%s", readme[start:end], want)
	}
	checkReadmeAnalyzerSamples(t, readme)
}

// checkReadmeAnalyzerSamples: every diagnostic line README shows for the
// analyzers is printed verbatim by go vet on the sample service
// (testdata/vet/orders), which README tells readers to run.
func checkReadmeAnalyzerSamples(t *testing.T, readme string) {
	t.Helper()
	from, to := strings.Index(readme, "## What twice finds"), strings.Index(readme, "### duplicate-openapi-request")
	if from < 0 || to < from {
		t.Fatal("README: no analyzer sections")
	}
	samples := regexp.MustCompile(`(?m)^internal/\S+:\d+:\d+: .*$`).FindAllString(readme[from:to], -1)
	if len(samples) < 4 {
		t.Fatalf("README shows %d analyzer output lines, want the unsaferetry and resend samples", len(samples))
	}
	vet := goVetCached(t, fixtureDir(t, "orders"), "./...")
	printed := strings.Split(vet.stderr, "\n")
	for _, s := range samples {
		if !slices.Contains(printed, s) {
			t.Errorf("README sample line is not what go vet prints on testdata/vet/orders:\n%s\ngo vet:\n%s", s, vet.stderr)
		}
	}
}
