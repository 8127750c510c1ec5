package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestInstallBuildsOnlyTwice: pre-commit's golang hook (and anyone running
// `go install ./...` in a clone) installs every main package the root
// module holds; only cmd/twice may be one. The benchmark and evaluation
// tools live in the modules bench/ and eval/, which must still load with
// their go.sum as committed (no network, no go.sum edits).
func TestInstallBuildsOnlyTwice(t *testing.T) {
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "GOFLAGS=-mod=readonly", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
	goList := func(dir string, args ...string) string {
		t.Helper()
		cmd := exec.Command("go", append([]string{"list"}, args...)...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go list %q in %s: %v\n%s", args, dir, err, out)
		}
		return strings.TrimSpace(string(out))
	}

	mains := goList(repo, "-f", `{{if eq .Name "main"}}{{.ImportPath}}{{end}}`, "./...")
	if want := "github.com/twice-lint/twice/cmd/twice"; mains != want {
		t.Errorf("main packages of the root module's ./...:\n%s\nwant only %s (move tools into bench/ or eval/)", mains, want)
	}

	hooks, err := os.ReadFile(filepath.Join(repo, ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(hooks), "language: golang") {
		t.Errorf(".pre-commit-hooks.yaml no longer uses language: golang; this test guards what that hook installs")
	}

	for _, mod := range []string{"bench", "eval"} {
		t.Run(mod, func(t *testing.T) {
			errs := goList(filepath.Join(repo, mod), "-e", "-deps", "-test", "-f", `{{with .Error}}{{.}}{{"\n"}}{{end}}{{range .DepsErrors}}{{.}}{{"\n"}}{{end}}`, "./...")
			if errs != "" {
				t.Errorf("module %s does not load:\n%s", mod, errs)
			}
			tools := goList(filepath.Join(repo, mod), "-f", `{{if eq .Name "main"}}{{.ImportPath}}{{end}}`, "./...")
			if tools == "" {
				t.Errorf("module %s holds no main package; the scripts that build its tools would fail", mod)
			}
		})
	}
}
