package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/twice-lint/twice/internal/sarif/sariftest"
)

// The CI recipes in examples/ are tested by running them: the YAML is
// parsed, the install step is replaced by the twice binary under test, and
// every other command runs in bash against a copy of a fixture repository
// (a Go module for the Go job, a Java/Spring tree without go.mod for the
// config job). Then the job must have failed on the findings, after
// writing a schema-valid SARIF log that an always-run upload step sends.

type ghWorkflow struct {
	Env  map[string]string `yaml:"env"`
	Jobs map[string]struct {
		Steps []struct {
			Name            string            `yaml:"name"`
			ID              string            `yaml:"id"`
			If              string            `yaml:"if"`
			Uses            string            `yaml:"uses"`
			Run             string            `yaml:"run"`
			ContinueOnError bool              `yaml:"continue-on-error"`
			With            map[string]string `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

type recipeFixture struct {
	job   string
	tree  func(t *testing.T) string // a fresh copy of the repository
	sarif string                    // the log the job uploads
}

func recipeFixtures() []recipeFixture {
	return []recipeFixture{
		{"go", func(t *testing.T) string {
			tmp := t.TempDir()
			copyTree(t, fixtureDir(t, "orders"), filepath.Join(tmp, "orders"))
			copyTree(t, fixtureDir(t, "stubs"), filepath.Join(tmp, "stubs"))
			return filepath.Join(tmp, "orders")
		}, "twice-go.sarif"},
		{"config", func(t *testing.T) string {
			dir := filepath.Join(t.TempDir(), "repo")
			copyTree(t, filepath.Join(configFixtures(t), "maven-embedded"), dir)
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				t.Fatal("the config fixture must not be a Go module")
			}
			return dir
		}, "twice.sarif"},
	}
}

// binDir is a directory holding only the twice binary under test, put
// first on PATH in place of the recipes' install step.
func binDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile(twiceBin)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "twice"), data, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func runShell(t *testing.T, dir, bin, script string, env map[string]string) int {
	t.Helper()
	cmd := exec.Command("bash", "-e", "-o", "pipefail", "-c", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.CombinedOutput()
	if err == nil {
		return 0
	}
	if ee, ok := err.(*exec.ExitError); ok {
		t.Logf("%s\n-> exit %d\n%s", script, ee.ExitCode(), out)
		return ee.ExitCode()
	}
	t.Fatalf("running %q: %v", script, err)
	return -1
}

func TestGitHubActionsRecipe(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "github-actions.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf ghWorkflow
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("github-actions.yml: %v", err)
	}
	if !strings.HasPrefix(wf.Env["TWICE_VERSION"], "v") {
		t.Errorf("the recipe does not pin a twice version: env %v", wf.Env)
	}
	bin := binDir(t)
	for _, fx := range recipeFixtures() {
		t.Run(fx.job, func(t *testing.T) {
			job, ok := wf.Jobs[fx.job]
			if !ok {
				t.Fatalf("no job %q", fx.job)
			}
			dir := fx.tree(t)
			installed, uploaded, failed := false, false, false
			outcome := map[string]string{}
			for _, st := range job.Steps {
				switch {
				case st.Name == "Install twice":
					if !strings.Contains(st.Run, "go install") || !strings.Contains(st.Run, "${TWICE_VERSION}") {
						t.Errorf("install step %q does not install the pinned version", st.Run)
					}
					installed = true // replaced by the binary under test
				case strings.HasPrefix(st.Uses, "github/codeql-action/upload-sarif"):
					if !strings.HasPrefix(st.If, "always()") {
						t.Errorf("upload step %q runs only on success (if: %q)", st.Name, st.If)
					}
					if st.With["sarif_file"] != fx.sarif {
						t.Errorf("upload step sends %q, want %q", st.With["sarif_file"], fx.sarif)
					}
					log, err := os.ReadFile(filepath.Join(dir, fx.sarif))
					if err != nil {
						t.Fatalf("nothing to upload: %v", err)
					}
					if err := sariftest.Validate(log); err != nil {
						t.Errorf("%s: %v", fx.sarif, err)
					}
					uploaded = true
				case strings.HasPrefix(st.Run, "exit 1"):
					// The fail step: runs when the analysis step failed.
					for id, o := range outcome {
						if strings.Contains(st.If, "steps."+id+".outcome == 'failure'") && o == "failure" {
							failed = true
						}
					}
				case st.Run != "":
					if !installed {
						t.Fatalf("step %q runs before twice is installed", st.Name)
					}
					code := runShell(t, dir, bin, st.Run, wf.Env)
					o := "success"
					if code != 0 {
						o = "failure"
						if !st.ContinueOnError {
							t.Errorf("step %q failed (exit %d) without continue-on-error: the upload would be skipped", st.Name, code)
						}
					}
					if st.ID != "" {
						outcome[st.ID] = o
					}
				}
			}
			if !uploaded || !failed {
				t.Errorf("job %s: uploaded=%v, failed on findings=%v; want both", fx.job, uploaded, failed)
			}
		})
	}
}

func TestGitLabRecipe(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "gitlab-ci.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]struct {
		Script []string `yaml:"script"`
		Rules  []struct {
			Exists []string `yaml:"exists"`
		} `yaml:"rules"`
		Artifacts struct {
			When  string   `yaml:"when"`
			Paths []string `yaml:"paths"`
		} `yaml:"artifacts"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("gitlab-ci.yml: %v", err)
	}
	var vars struct {
		Variables map[string]string `yaml:"variables"`
	}
	if err := yaml.Unmarshal(data, &vars); err != nil {
		t.Fatal(err)
	}
	bin := binDir(t)
	for _, fx := range recipeFixtures() {
		t.Run(fx.job, func(t *testing.T) {
			job, ok := doc["twice-"+fx.job]
			if !ok {
				t.Fatalf("no job twice-%s", fx.job)
			}
			if job.Artifacts.When != "always" || len(job.Artifacts.Paths) != 1 || job.Artifacts.Paths[0] != fx.sarif {
				t.Errorf("artifacts %+v, want %s kept always", job.Artifacts, fx.sarif)
			}
			if fx.job == "config" && len(job.Rules) > 0 {
				t.Errorf("the config job has rules %+v: it must run in repositories without go.mod", job.Rules)
			}
			var script []string
			for _, line := range job.Script {
				if strings.Contains(line, "go install") && strings.Contains(line, "${TWICE_VERSION}") {
					continue // the binary under test is on PATH instead
				}
				script = append(script, line)
			}
			if len(script) == len(job.Script) {
				t.Errorf("no pinned install line in %q", job.Script)
			}
			dir := fx.tree(t)
			if code := runShell(t, dir, bin, strings.Join(script, "\n"), vars.Variables); code != exitFindings {
				t.Errorf("job exit %d, want %d (findings)", code, exitFindings)
			}
			log, err := os.ReadFile(filepath.Join(dir, fx.sarif))
			if err != nil {
				t.Fatal(err)
			}
			if err := sariftest.Validate(log); err != nil {
				t.Errorf("%s: %v", fx.sarif, err)
			}
		})
	}
}
