package golangci

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// golangciVersion is the golangci-lint release the end-to-end test builds
// (the one examples/golangci/.custom-gcl.yml pins).
const golangciVersion = "v2.5.0"

// TestGolangciLintCustomBuild builds golangci-lint with the plugin the way
// `golangci-lint custom` does — golangci-lint's own main package plus a
// generated file importing the plugin, the plugin module replaced by this
// checkout — but from the Go module proxy instead of a git clone, and runs
// it on a small module. It downloads and compiles golangci-lint (minutes),
// so it runs only with TWICE_GOLANGCI_E2E=1, which .ci/run sets.
func TestGolangciLintCustomBuild(t *testing.T) {
	if os.Getenv("TWICE_GOLANGCI_E2E") != "1" {
		t.Skip("builds golangci-lint from the module proxy; set TWICE_GOLANGCI_E2E=1 to run (.ci/run does)")
	}
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	src := filepath.Join(work, "golangci-lint")
	module := "github.com/golangci/golangci-lint/v2@" + golangciVersion
	dir := strings.TrimSpace(goCmd(t, work, nil, "mod", "download", "-json", module))
	copyModule(t, jsonField(t, dir, "Dir"), src)

	// The generated file `golangci-lint custom` adds to cmd/golangci-lint.
	plugins := "package main\n\nimport _ \"github.com/twice-lint/twice/plugin/golangci\"\n"
	if err := os.WriteFile(filepath.Join(src, "cmd", "golangci-lint", "plugins.go"), []byte(plugins), 0o644); err != nil {
		t.Fatal(err)
	}
	goCmd(t, src, nil, "mod", "edit", "-require=github.com/twice-lint/twice@v0.0.0", "-replace=github.com/twice-lint/twice="+repo)
	goCmd(t, src, nil, "mod", "tidy")
	bin := filepath.Join(work, "custom-gcl")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	goCmd(t, src, nil, "build", "-o", bin, "./cmd/golangci-lint")

	// A module with one finding (the queued retry named by retry-funcs)
	// and one suppressed with //nolint:twice.
	mod := filepath.Join(work, "shop")
	writeFiles(t, mod, map[string]string{
		"go.mod":            "module shop\n\ngo 1.26\n",
		"settle/settle.go":  mustRead(t, filepath.Join("testdata", "src", "shop", "settle", "settle.go")),
		"settle/charges.go": mustRead(t, filepath.Join("testdata", "src", "shop", "settle", "charges.go")),
		"settle/refund.go":  refundSource,
		".golangci.yml":     golangciConfig,
	})
	cmd := exec.Command(bin, "run", "./...")
	cmd.Dir = mod
	out, err := cmd.CombinedOutput()
	text := string(out)
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("custom-gcl run: %v, want exit status 1 (issues found)\n%s", err, text)
	}
	if !strings.Contains(text, "settle.go:26") || !strings.Contains(text, "(twice)") {
		t.Errorf("the settle.go:26 finding is missing or not attributed to the linter twice:\n%s", text)
	}
	if n := strings.Count(text, "(twice)"); n != 1 {
		t.Errorf("%d issues from twice, want 1 (related information stays inside the issue; refund.go is suppressed):\n%s", n, text)
	}
	if !strings.Contains(text, "related: ") {
		t.Errorf("the issue does not name its related places:\n%s", text)
	}
	if strings.Contains(text, "refund.go") || strings.Contains(strings.ToLower(text), "unknown linter") {
		t.Errorf("//nolint:twice did not suppress cleanly:\n%s", text)
	}
}

const golangciConfig = `version: "2"
linters:
  default: none
  enable: [twice]
  settings:
    custom:
      twice:
        type: module
        settings:
          retry-funcs: ["(*shop/settle.Queue).Submit"]
`

const refundSource = `package settle

import "context"

// Refund queues a refund; the provider deduplicates by order ID.
func Refund(ctx context.Context, q *Queue, charges *Charges, orderID string) {
	q.Submit(func() error {
		return charges.Create(ctx, orderID, -1) //nolint:twice // the provider deduplicates by order ID
	})
}
`

func goCmd(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off"), env...)
	out, err := cmd.Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	return string(out)
}

func jsonField(t *testing.T, doc, field string) string {
	t.Helper()
	key := `"` + field + `": "`
	i := strings.Index(doc, key)
	if i < 0 {
		t.Fatalf("no %s in %s", field, doc)
	}
	rest := doc[i+len(key):]
	return rest[:strings.IndexByte(rest, '"')]
}

// copyModule copies a module from the (read-only) module cache.
func copyModule(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func mustRead(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
