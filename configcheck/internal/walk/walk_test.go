package walk

import (
	"context"
	"os"
	"path/filepath"
	"slices"
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
