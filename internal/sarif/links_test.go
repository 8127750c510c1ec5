package sarif

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLinkRelated(t *testing.T) {
	one, two := 1, 2
	tests := []struct {
		text    string
		related []Location
		want    string
	}{
		{"POST /orders re-sent", nil, "POST /orders re-sent"},
		{"POST /orders re-sent", []Location{{ID: &one, Message: Text("first send")}, {ID: &two, Message: Text("response inspected")}},
			"POST /orders re-sent (see [first send](1), [response inspected](2))"},
		{"m[0] written twice", []Location{{ID: &one}}, `m\[0\] written twice (see [related location](1))`},
		{"x", []Location{{ID: &one, Message: Text(`a [b] c\d`)}}, `x (see [a \[b\] c\\d](1))`},
		{"no ids", []Location{{Message: Text("unnumbered")}}, "no ids"},
	}
	for _, tt := range tests {
		if got := LinkRelated(tt.text, tt.related); got != tt.want {
			t.Errorf("LinkRelated(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestSourceRootAndLocation(t *testing.T) {
	repo := t.TempDir()
	svc := filepath.Join(repo, "services", "api")
	if err := os.MkdirAll(svc, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, ".git"), []byte("gitdir: elsewhere\n"), 0o644); err != nil {
		t.Fatal(err) // a worktree's .git is a file
	}
	root := SourceRoot(svc)
	if root != repo {
		t.Fatalf("SourceRoot(%s) = %s, want the work tree top %s", svc, root, repo)
	}
	in := SourceLocation(filepath.Join(svc, "handler.go"), root)
	if in.URI != "services/api/handler.go" || in.URIBaseID != SourceRootID {
		t.Errorf("inside the root: %+v", in)
	}
	out := SourceLocation(filepath.Join(t.TempDir(), "mod", "x.go"), root)
	if out.URIBaseID != "" || out.URI[:8] != "file:///" {
		t.Errorf("outside the root: %+v, want an absolute file: URI without base id", out)
	}
	if bare := t.TempDir(); SourceRoot(bare) != bare {
		t.Errorf("SourceRoot(%s) = %s outside a work tree, want the directory itself", bare, SourceRoot(bare))
	}
	if u := DirURI(repo); u[len(u)-1] != '/' {
		t.Errorf("DirURI(%s) = %s, want a trailing slash", repo, u)
	}
}
