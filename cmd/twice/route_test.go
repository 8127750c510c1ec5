package main

import (
	"reflect"
	"runtime/debug"
	"testing"
)

func TestRoute(t *testing.T) {
	tests := []struct {
		args []string
		want mode
	}{
		{nil, modeUsage},
		{[]string{"./..."}, modeAnalyze},
		{[]string{"config"}, modeConfig},
		{[]string{"config", "-format", "sarif", "."}, modeConfig},
		{[]string{"version"}, modeVersion},
		{[]string{"lsp"}, modeLSP},
		{[]string{"help"}, modeHelp},
		{[]string{"help", "unsaferetry"}, modeHelp},
		// go vet's protocol must reach the multichecker untouched.
		{[]string{"-V=full"}, modeAnalyze},
		{[]string{"-flags"}, modeAnalyze},
		{[]string{"/tmp/go-build123/b001/vet.cfg"}, modeAnalyze},
		{[]string{"-unsaferetry.retryfuncs=x.Do", "/tmp/b001/vet.cfg"}, modeAnalyze},
		// A subcommand name later on is a package pattern, not a subcommand.
		{[]string{"-json", "config"}, modeAnalyze},
		{[]string{"./config", "version"}, modeAnalyze},
		// -format is ours, wherever it is.
		{[]string{"-format", "sarif", "./..."}, modeFormat},
		{[]string{"-unsaferetry.retryfuncs=x.Do", "--format=json", "./..."}, modeFormat},
		{[]string{"-formatted", "./..."}, modeAnalyze},
	}
	for _, tt := range tests {
		if got := route(tt.args); got != tt.want {
			t.Errorf("route(%q) = %v, want %v", tt.args, got, tt.want)
		}
	}
}

func TestSplitFormat(t *testing.T) {
	tests := []struct {
		args       []string
		wantFormat string
		wantRest   []string
		wantErr    bool
	}{
		{[]string{"-format", "sarif", "./..."}, "sarif", []string{"./..."}, false},
		{[]string{"-c", "2", "-format=text", "./a", "./b"}, "text", []string{"-c", "2", "./a", "./b"}, false},
		{[]string{"-unsaferetry.mutating=x.F", "--format", "json", "./..."}, "json", []string{"-unsaferetry.mutating=x.F", "./..."}, false},
		{[]string{"-format", "xml", "./..."}, "", nil, true},
		{[]string{"./...", "-format"}, "", nil, true},
		{[]string{"-format=", "./..."}, "", nil, true},
	}
	for _, tt := range tests {
		format, rest, err := splitFormat(tt.args)
		if (err != nil) != tt.wantErr {
			t.Errorf("splitFormat(%q): error %v, want error %v", tt.args, err, tt.wantErr)
			continue
		}
		if format != tt.wantFormat || !reflect.DeepEqual(rest, tt.wantRest) {
			t.Errorf("splitFormat(%q) = %q, %q; want %q, %q", tt.args, format, rest, tt.wantFormat, tt.wantRest)
		}
	}
}

func TestVersionLine(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		ok   bool
		want string
	}{
		{"go install @tag", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "github.com/twice-lint/twice", Version: "v1.2.0"}},
			true, "twice v1.2.0 go1.26.0"},
		{"checkout with VCS stamp", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"},
			Settings: vcs("vcs", "git", "vcs.revision", "3f1c2a9b7d0e5d4c3b2a19087f6e5d4c3b2a1908", "vcs.time", "2026-01-02T15:04:05Z", "vcs.modified", "true")},
			true, "twice (devel) revision 3f1c2a9b7d0e, 2026-01-02T15:04:05Z, modified go1.26.0"},
		{"checkout without VCS", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}, Settings: vcs("vcs.modified", "false")},
			true, "twice (devel) go1.26.0"},
		{"empty module version", &debug.BuildInfo{GoVersion: "go1.26.0"}, true, "twice (devel) go1.26.0"},
		{"no build info", nil, false, "twice (unknown version: no build information)"},
	}
	for _, tt := range tests {
		if got := versionLine(tt.bi, tt.ok); got != tt.want {
			t.Errorf("%s: versionLine = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSplitPos(t *testing.T) {
	tests := []struct {
		pos       string
		file      string
		line, col int
		ok        bool
	}{
		{"/src/shop/x.go:12:5", "/src/shop/x.go", 12, 5, true},
		{"/src/shop/x.go:12", "/src/shop/x.go", 12, 0, true},
		{"/src/shop/x.go", "/src/shop/x.go", 0, 0, true},
		{`C:\src\x.go:3:1`, `C:\src\x.go`, 3, 1, true},
		{"", "", 0, 0, false},
		{"-", "", 0, 0, false},
	}
	for _, tt := range tests {
		file, line, col, ok := splitPos(tt.pos)
		if file != tt.file || line != tt.line || col != tt.col || ok != tt.ok {
			t.Errorf("splitPos(%q) = %q, %d, %d, %v; want %q, %d, %d, %v", tt.pos, file, line, col, ok, tt.file, tt.line, tt.col, tt.ok)
		}
	}
}

func TestFirstParagraph(t *testing.T) {
	tests := []struct{ doc, want string }{
		{"reports X\n\nLong text.", "reports X"},
		{"reports a retried\nnon-idempotent write\n\nmore", "reports a retried non-idempotent write"},
		{"  single  ", "single"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := firstParagraph(tt.doc); got != tt.want {
			t.Errorf("firstParagraph(%q) = %q, want %q", tt.doc, got, tt.want)
		}
	}
}
