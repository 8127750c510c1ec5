package walk

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// With SizeByReader the walk does not measure files: an oversized file is
// handed to the reader (which reports it with TooLarge) instead of becoming
// a problem of the walk. Without it the walk reports it itself.
func TestSizeByReader(t *testing.T) {
	root := t.TempDir()
	for name, size := range map[string]int{"small.yml": 10, "big.yml": 2048} {
		if err := os.WriteFile(filepath.Join(root, name), make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		byReader     bool
		wantFiles    []string
		wantProblems []Problem
	}{
		{false, []string{"small.yml"}, []Problem{{Path: "big.yml", Msg: TooLarge(1024, 2048)}}},
		{true, []string{"big.yml", "small.yml"}, nil},
	}
	for _, tt := range tests {
		var files []string
		var problems []Problem
		opts := Options{WorkDir: root, MaxSize: 1024, SizeByReader: tt.byReader, Want: func(string) bool { return true }}
		err := Walk(context.Background(), []string{root}, opts,
			func(f File) { files = append(files, f.Path) },
			func(p Problem) { problems = append(problems, p) })
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(files, tt.wantFiles) || !slices.Equal(problems, tt.wantProblems) {
			t.Errorf("SizeByReader=%v: files %q problems %+v, want %q %+v", tt.byReader, files, problems, tt.wantFiles, tt.wantProblems)
		}
	}
	if got, want := TooLarge(4<<20, 5000000), "skipped: file is larger than 4 MiB (5000000 bytes)"; got != want {
		t.Errorf("TooLarge = %q, want %q", got, want)
	}
}

// displayPath's fast path (a path under the working directory) must give
// what filepath.Rel gives, and leave the other cases to it.
func TestDisplayPath(t *testing.T) {
	sep := string(filepath.Separator)
	wd := filepath.Join(sep+"work", "repo")
	tests := []struct{ workDir, p, want string }{
		{wd, filepath.Join(wd, "svc", "pom.xml"), "svc/pom.xml"},
		{wd, wd, "."},
		{wd, filepath.Join(sep+"work", "repository", "a.yml"), "../repository/a.yml"}, // shares a prefix, not a directory
		{wd, filepath.Join(sep+"work", "other.yml"), "../other.yml"},
		{sep, filepath.Join(sep+"a", "b.yml"), "a/b.yml"},
		{"", filepath.Join(sep+"a", "b.yml"), filepath.ToSlash(filepath.Join(sep+"a", "b.yml"))},
	}
	for _, tt := range tests {
		if got := displayPath(tt.workDir, tt.p); got != tt.want {
			t.Errorf("displayPath(%q, %q) = %q, want %q", tt.workDir, tt.p, got, tt.want)
		}
	}
}
