package walk

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestWalkSkipsAndKeeps(t *testing.T) {
	root := t.TempDir()
	files := []string{
		"pom.xml",
		"target/classes/application.properties", // build output beside pom.xml: skipped
		"svc/build.gradle.kts",
		"svc/build/resources/main/application.yml", // build output beside build.gradle.kts: skipped
		"build/docker-compose.yml",                 // build/ without a Gradle build file: real deployment files
		"deploy/target/application.properties",     // target/ without pom.xml: kept
		".git/config.yml", "node_modules/a/application.yml", "vendor/b/application.yml", ".gradle/c.properties", ".idea/d.yml",
		"src/main/resources/application.yml",
		"README.md", // not wanted
	}
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	big := filepath.Join(root, "big.yml")
	if err := os.WriteFile(big, make([]byte, 2048), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []string
	var problems []Problem
	opts := Options{WorkDir: root, MaxSize: 1024, Want: func(p string) bool { return filepath.Ext(p) != ".md" }}
	err := Walk(context.Background(), []string{root, filepath.Join(root, "missing")}, opts,
		func(f File) { got = append(got, f.Path) },
		func(p Problem) { problems = append(problems, p) })
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"build/docker-compose.yml", "deploy/target/application.properties", "pom.xml", "src/main/resources/application.yml", "svc/build.gradle.kts"}
	if !slices.Equal(got, want) {
		t.Errorf("files = %q\nwant    %q", got, want)
	}
	if len(problems) != 2 || problems[0].Path != "big.yml" || problems[1].Path != "missing" {
		t.Errorf("problems = %+v, want big.yml (size cap) and missing (no such root)", problems)
	}
}

func TestWalkCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := Walk(ctx, []string{t.TempDir()}, Options{MaxSize: 1, Want: func(string) bool { return true }}, func(File) {}, func(Problem) {})
	if err == nil {
		t.Error("Walk with a cancelled context returned nil")
	}
}

// TestWalkSelection covers what a repository asks to leave out: .gitignore
// files (root, nested, in the git work tree above the scan root), testdata
// directories and -exclude globs, and the flags that bring them back.
func TestWalkSelection(t *testing.T) {
	repo := t.TempDir()
	files := map[string]string{
		".git/HEAD":                         "ref: refs/heads/main\n",
		".gitignore":                        "# local overrides\n*.local.yml\n/generated/\n",
		"svc/.gitignore":                    "!keep.local.yml\nout/\n",
		"svc/app.yml":                       "x",
		"svc/dev.local.yml":                 "x",
		"svc/keep.local.yml":                "x",
		"svc/out/application.yml":           "x",
		"generated/application.yml":         "x",
		"svc/generated/application.yml":     "x", // /generated/ is anchored to the top
		"svc/testdata/broken/pom.xml":       "x",
		"legacy/pom.xml":                    "x",
		"deploy/docker-compose.example.yml": "x",
	}
	for f, data := range files {
		p := filepath.Join(repo, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		root string
		opts Options
		want []string
	}{
		{"defaults", ".", Options{}, []string{
			"deploy/docker-compose.example.yml", "legacy/pom.xml", "svc/app.yml", "svc/generated/application.yml", "svc/keep.local.yml",
		}},
		{"root inside the work tree still sees the top .gitignore", "svc", Options{}, []string{
			"svc/app.yml", "svc/generated/application.yml", "svc/keep.local.yml",
		}},
		{"a testdata root is walked", "svc/testdata", Options{}, []string{"svc/testdata/broken/pom.xml"}},
		{"-exclude", ".", Options{Exclude: []string{"legacy/**", "*.example.yml"}}, []string{
			"svc/app.yml", "svc/generated/application.yml", "svc/keep.local.yml",
		}},
		{"-no-ignore -include-testdata", ".", Options{NoIgnore: true, IncludeTestdata: true}, []string{
			"deploy/docker-compose.example.yml", "generated/application.yml", "legacy/pom.xml", "svc/app.yml", "svc/dev.local.yml",
			"svc/generated/application.yml", "svc/keep.local.yml", "svc/out/application.yml", "svc/testdata/broken/pom.xml",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := tt.opts
			opts.WorkDir, opts.MaxSize = repo, 1024
			opts.Want = func(p string) bool { return !strings.Contains(p, ".git") }
			var got []string
			err := Walk(context.Background(), []string{filepath.Join(repo, tt.root)}, opts,
				func(f File) { got = append(got, f.Path) },
				func(p Problem) { t.Errorf("problem %+v", p) })
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("files = %q\nwant    %q", got, tt.want)
			}
		})
	}
}
