package main

import (
	"encoding/json"
	"runtime"
	"strings"
	"testing"
)

// The analyzer flags DESIGN.md promises; they must be visible everywhere
// flags are listed.
var promisedFlags = []string{"unsaferetry.retryfuncs", "unsaferetry.mutating", "unsaferetry.idempotent"}

func TestDispatch(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		code       int
		stdoutHas  []string
		stderrHas  []string
		stdoutNone bool // nothing at all on stdout
	}{
		{name: "version", args: []string{"version"}, code: exitClean,
			stdoutHas: []string{"twice ", runtime.Version()}},
		{name: "version with arguments", args: []string{"version", "now"}, code: exitUsage,
			stderrHas: []string{"usage: twice version"}, stdoutNone: true},
		{name: "no arguments", args: nil, code: exitUsage,
			stderrHas: []string{"usage:", "twice config", "go vet -vettool"}, stdoutNone: true},
		{name: "help", args: []string{"help"}, code: exitClean,
			stdoutHas: append([]string{"unsaferetry", "resend", "twice config", "Exit status", "-format"}, dashed(promisedFlags)...)},
		{name: "help analyzer", args: []string{"help", "unsaferetry"}, code: exitClean,
			stdoutHas: append([]string{"unsaferetry: ", "https://github.com/twice-lint/twice#unsaferetry"}, dashed(promisedFlags)...)},
		{name: "help resend", args: []string{"help", "resend"}, code: exitClean,
			stdoutHas: []string{"resend: ", "https://github.com/twice-lint/twice#resend"}},
		{name: "help unknown", args: []string{"help", "nosuchthing"}, code: exitUsage,
			stderrHas: []string{`no analyzer or rule named "nosuchthing"`, "unsaferetry"}},
		{name: "unknown flag", args: []string{"-nosuchflag", "./..."}, code: exitUsage,
			stderrHas: []string{"nosuchflag"}},
		{name: "-help lists analyzer flags", args: []string{"-help"}, code: exitClean,
			stderrHas: append([]string{"usage:"}, dashed(promisedFlags)...)},
		{name: "unknown -format", args: []string{"-format", "xml", "./..."}, code: exitUsage,
			stderrHas: []string{`unknown -format "xml"`}},
		{name: "-format without value", args: []string{"./...", "-format"}, code: exitUsage,
			stderrHas: []string{"flag needs an argument"}},
		{name: "-format sarif without packages", args: []string{"-format", "sarif"}, code: exitUsage,
			stderrHas: []string{"usage: twice -format sarif"}, stdoutNone: true},
		// go vet's protocol: -V=full names the tool with a build ID (vet's
		// cache key), -flags describes the accepted flags.
		{name: "vet protocol -V=full", args: []string{"-V=full"}, code: exitClean,
			stdoutHas: []string{"version", "buildID="}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := twice(t, t.TempDir(), tt.args...)
			if res.code != tt.code {
				t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", res.code, tt.code, res.stdout, res.stderr)
			}
			for _, s := range tt.stdoutHas {
				if !strings.Contains(res.stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, res.stdout)
				}
			}
			for _, s := range tt.stderrHas {
				if !strings.Contains(res.stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, res.stderr)
				}
			}
			if tt.stdoutNone && res.stdout != "" {
				t.Errorf("unexpected stdout:\n%s", res.stdout)
			}
		})
	}
}

// vetFlag is an entry of `twice -flags`, the JSON go vet reads to learn
// which flags it may pass to the tool.
type vetFlag struct {
	Name  string
	Bool  bool
	Usage string
}

func vetFlags(t *testing.T) []vetFlag {
	t.Helper()
	res := twice(t, t.TempDir(), "-flags")
	if res.code != 0 {
		t.Fatalf("twice -flags: exit status %d\n%s", res.code, res.stderr)
	}
	var flags []vetFlag
	if err := json.Unmarshal([]byte(res.stdout), &flags); err != nil {
		t.Fatalf("twice -flags: %v\n%s", err, res.stdout)
	}
	return flags
}

func TestVetFlagsListAnalyzerFlags(t *testing.T) {
	byName := map[string]vetFlag{}
	for _, f := range vetFlags(t) {
		byName[f.Name] = f
	}
	for _, name := range append([]string{"unsaferetry", "resend", "json"}, promisedFlags...) {
		if _, ok := byName[name]; !ok {
			t.Errorf("twice -flags does not list -%s", name)
		}
	}
	for _, name := range promisedFlags {
		if f := byName[name]; f.Bool {
			t.Errorf("-%s is listed as a boolean flag; it takes a list of names", name)
		}
	}
	// -format is handled before the driver; go vet must not be told about it.
	if _, ok := byName["format"]; ok {
		t.Errorf("twice -flags lists -format, which go vet cannot pass through")
	}
}

// TestHelpListsEveryVetFlag keeps `twice help` in step with the flags the
// driver really accepts.
func TestHelpListsEveryVetFlag(t *testing.T) {
	help := twice(t, t.TempDir(), "help").stdout
	for _, f := range vetFlags(t) {
		switch f.Name {
		case "source", "v", "all", "tags":
			continue // no-op legacy vet shims
		}
		if strings.Contains(f.Usage, "deprecated alias") {
			continue
		}
		if !strings.Contains(help, "  -"+f.Name+" ") && !strings.Contains(help, "  -"+f.Name+"\n") && !strings.Contains(help, "  -"+f.Name+"\t") {
			t.Errorf("twice help does not list -%s (%s)", f.Name, f.Usage)
		}
	}
}

func dashed(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "-" + n
	}
	return out
}
