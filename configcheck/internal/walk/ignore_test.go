package walk

import "testing"

func TestIgnorePatterns(t *testing.T) {
	tests := []struct {
		pattern string
		path    string
		isDir   bool
		want    bool // ignored
	}{
		// A name without "/" matches at any depth.
		{"*.log", "app.log", false, true},
		{"*.log", "deep/dir/app.log", false, true},
		{"*.log", "app.log.txt", false, false},
		{"secrets.yml", "svc/config/secrets.yml", false, true},
		// "*" and "?" stay inside one segment.
		{"conf/*.yml", "conf/a.yml", false, true},
		{"conf/*.yml", "conf/sub/a.yml", false, false},
		{"app?.yml", "app1.yml", false, true},
		{"app?.yml", "app12.yml", false, false},
		// A "/" anywhere but the end anchors to the .gitignore's directory.
		{"/build", "build", true, true},
		{"/build", "svc/build", true, false},
		{"deploy/local", "deploy/local", true, true},
		{"deploy/local", "x/deploy/local", true, false},
		// A trailing "/" matches directories only.
		{"out/", "out", true, true},
		{"out/", "out", false, false},
		{"out/", "svc/out", true, true},
		// "**".
		{"**/generated", "a/b/generated", true, true},
		{"**/generated", "generated", true, true},
		{"docs/**", "docs/x/y.yml", false, true},
		{"docs/**", "docs", true, false},
		{"a/**/b.yml", "a/b.yml", false, true},
		{"a/**/b.yml", "a/x/y/b.yml", false, true},
		{"a/**/b.yml", "c/a/x/b.yml", false, false},
		// Character classes, escapes, comments, trailing spaces.
		{"app-[ab].yml", "app-a.yml", false, true},
		{"app-[ab].yml", "app-c.yml", false, false},
		{"app-[!ab].yml", "app-c.yml", false, true},
		{"v[0-9].yml", "v7.yml", false, true},
		{`\#notes.yml`, "#notes.yml", false, true},
		{"# comment", "# comment", false, false},
		{"tmp.yml   ", "tmp.yml", false, true},
		{"[unclosed", "[unclosed", false, true},
		{"a+b(c).yml", "a+b(c).yml", false, true},
	}
	for _, tt := range tests {
		l := parseIgnore("/r", []byte(tt.pattern))
		_, got := l.matchRel(tt.path, tt.isDir)
		if got != tt.want {
			t.Errorf("pattern %q on %q (dir=%v): ignored=%v, want %v", tt.pattern, tt.path, tt.isDir, got, tt.want)
		}
	}
}

func TestIgnoreNegationAndNesting(t *testing.T) {
	root := parseIgnore("/r", []byte("# generated config\n*.yml\n!keep.yml\n/local/\n"))
	nested := parseIgnore("/r/svc", []byte("!app.yml\r\n"))
	chain := ignoreChain{root, nested}
	tests := []struct {
		path  string
		isDir bool
		want  bool
	}{
		{"/r/a.yml", false, true},
		{"/r/keep.yml", false, false},     // negated later in the same file
		{"/r/svc/app.yml", false, false},  // re-included by the deeper file
		{"/r/svc/other.yml", false, true}, // the deeper file says nothing: the root decides
		{"/r/local", true, true},
		{"/r/svc/local", true, false}, // anchored to the root file's directory
		{"/r/pom.xml", false, false},
		{"/elsewhere/a.yml", false, false}, // outside every .gitignore's directory
	}
	for _, tt := range tests {
		if got := chain.ignored(tt.path, tt.isDir); got != tt.want {
			t.Errorf("ignored(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestCompileExcludes(t *testing.T) {
	l, err := compileExcludes("/w", []string{"legacy/**", "*.example.yml"})
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"legacy/app/pom.xml": true, "svc/app.example.yml": true, "svc/app.yml": false,
	} {
		if _, got := l.matchRel(path, false); got != want {
			t.Errorf("exclude on %q = %v, want %v", path, got, want)
		}
	}
	for _, bad := range []string{"", "  ", "!keep.yml"} {
		if _, err := compileExcludes("/w", []string{bad}); err == nil {
			t.Errorf("compileExcludes(%q) = nil error, want a usage error", bad)
		}
	}
}
