package configcheck

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeTree creates files (slash paths relative to dir).
func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for p, content := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// aliasBomb is a "billion laughs" YAML document.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [", i, i)
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	b.WriteString("oms.auth.openapi.enable: false\n")
	return b.String()
}

// deepNesting is n nested flow sequences (block indentation n deep would be
// n²/2 bytes, far over the size cap).
func deepNesting(n int) string {
	return "oms:\n  k: " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n"
}

// TestHostileTree scans a tree built to hurt: every bad file is reported or
// skipped, nothing hangs (the test timeout bounds it), and the valid server
// config among them is still checked.
func TestHostileTree(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"server/config/application.properties":      "oms.auth.openapi.enable=false\n",
		"bomb/application.yml":                      aliasBomb(),
		"deep/application.yml":                      deepNesting(10000),
		"nul/application.properties":                "oms.auth.openapi.enable=\x00false\n",
		"latin1/application.properties":             "# caf\xe9\noms.mongodb.enable=false\n",
		"badutf8/application.yml":                   "oms:\n  alarm:\n    ding:\n      agent-id: \"\xff\xfe\"\n",
		"conflict/application.properties":           "<<<<<<< HEAD\noms.auth.openapi.enable=true\n=======\noms.auth.openapi.enable=false\n>>>>>>> branch\n",
		"node_modules/x/application.properties":     "oms.auth.openapi.enable=false\n",
		"app/target/classes/application.properties": "oms.auth.openapi.enable=false\n",
		"app/pom.xml":                               "<project><modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>a</artifactId><version>1</version></project>\n",
		"деплой/конфиг/application.properties":      "oms.auth.openapi.enable=off\n",
		"helm/templates/deployment.yaml":            "apiVersion: apps/v1\nkind: Deployment\nspec:\n  {{- if .Values.x }}\n  replicas: {{ .Values.replicas }}\n",
	})
	// A file over the size cap, created here rather than committed.
	big := filepath.Join(root, "big", "application.properties")
	if err := os.MkdirAll(filepath.Dir(big), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, []byte(strings.Repeat("# padding\n", DefaultMaxFileSize/10+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	// Symlinks: a loop, one to /, one to a file outside the root, one to a
	// file inside the root (that one is read).
	outside := filepath.Join(t.TempDir(), "application.properties")
	if err := os.WriteFile(outside, []byte("oms.auth.openapi.enable=false\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{
		"loop/self":                     ".",
		"loop/a":                        "b",
		"loop/b":                        "a",
		"rootlink":                      "/",
		"escape/application.properties": outside,
		"linked/application.properties": "../server/config/application.properties",
	} {
		full := filepath.Join(root, link)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, full); err != nil {
			t.Fatal(err)
		}
	}
	// An unreadable file: only a real case when we are not root.
	unreadable := filepath.Join(root, "locked", "application.properties")
	writeTree(t, root, map[string]string{"locked/application.properties": "oms.auth.openapi.enable=false\n"})
	if err := os.Chmod(unreadable, 0o000); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(unreadable, 0o644) })
	_, readErr := os.ReadFile(unreadable)
	unreadableIsReal := readErr != nil

	r, err := Scan(context.Background(), []string{"."}, Options{WorkDir: root})
	if err != nil {
		t.Fatal(err)
	}
	errorsAt := map[string]string{}
	for _, e := range r.Errors {
		errorsAt[e.Location.Path] = e.Message
	}
	findingsAt := map[string]Finding{}
	for _, f := range r.Findings {
		findingsAt[f.Location.Path] = f
	}

	mustError := []string{"big/application.properties", "bomb/application.yml", "deep/application.yml", "nul/application.properties", "conflict/application.properties"}
	if unreadableIsReal {
		mustError = append(mustError, "locked/application.properties")
	}
	for _, p := range mustError {
		if _, ok := errorsAt[p]; !ok {
			t.Errorf("no input error for %s; errors: %v", p, errorsAt)
		}
	}
	if msg := errorsAt["big/application.properties"]; !strings.Contains(msg, "larger than") {
		t.Errorf("oversized file message = %q", msg)
	}
	// Latin-1 and odd bytes in a quoted YAML string are valid input: those
	// files hold PowerJob server keys without the auth key, so they are
	// servers too.
	mustFind := []string{"server/config/application.properties", "деплой/конфиг/application.properties", "linked/application.properties",
		"latin1/application.properties", "badutf8/application.yml"}
	for _, p := range mustFind {
		if f, ok := findingsAt[p]; !ok || f.Rule != RuleUnauthenticatedOpenAPI {
			t.Errorf("valid server config %s not checked; findings: %v", p, keys(findingsAt))
		}
	}
	mustIgnore := []string{"node_modules/x/application.properties", "app/target/classes/application.properties", "escape/application.properties", "helm/templates/deployment.yaml"}
	for _, p := range mustIgnore {
		if _, ok := findingsAt[p]; ok {
			t.Errorf("%s should not be reported", p)
		}
		if msg, ok := errorsAt[p]; ok {
			t.Errorf("%s should not be an input error: %s", p, msg)
		}
	}
	for p := range errorsAt {
		if strings.HasPrefix(p, "rootlink") || strings.HasPrefix(p, "loop") {
			t.Errorf("symlink %s was followed: %s", p, errorsAt[p])
		}
	}
	if r.ExitCode("warning") != 1 {
		t.Errorf("exit = %d, want 1 for a tree with input errors", r.ExitCode("warning"))
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestNothingWritten checks that a scan leaves the tree as it was.
func TestNothingWritten(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{"a/application.properties": "oms.auth.openapi.enable=false\n"})
	before := snapshot(t, root)
	if _, err := Scan(context.Background(), nil, Options{WorkDir: root}); err != nil {
		t.Fatal(err)
	}
	if after := snapshot(t, root); after != before {
		t.Errorf("tree changed:\n%s\n->\n%s", before, after)
	}
}

func snapshot(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s %d %v\n", p, info.Size(), info.ModTime())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// BenchmarkScanTree scans a generated repository of many modules, most of
// them irrelevant, with a server and clients among them.
func BenchmarkScanTree(b *testing.B) {
	root := b.TempDir()
	files := map[string]string{
		"scheduler/src/main/resources/application.yml": "oms:\n  auth:\n    openapi:\n      enable: false\n",
	}
	for i := range 400 {
		m := fmt.Sprintf("services/svc-%03d", i)
		files[m+"/pom.xml"] = fmt.Sprintf(`<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId><artifactId>svc-%03d</artifactId><version>1.0</version>
<dependencies><dependency><groupId>tech.powerjob</groupId><artifactId>powerjob-client</artifactId><version>5.1.%d</version></dependency></dependencies></project>
`, i, i%3)
		files[m+"/src/main/resources/application.yml"] = fmt.Sprintf("server:\n  port: %d\nspring:\n  application:\n    name: svc-%03d\n", 8000+i, i)
		files[m+"/src/main/resources/logback.xml"] = "<configuration/>\n"
		files[m+"/src/main/java/App.java"] = "class App {}\n"
		files[m+"/.github/workflows/ci.yml"] = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
	}
	writeTree(b, root, files)
	b.ResetTimer()
	for b.Loop() {
		r, err := Scan(context.Background(), nil, Options{WorkDir: root})
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Findings) == 0 {
			b.Fatal("no findings in the generated tree")
		}
	}
}
