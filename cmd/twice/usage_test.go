package main

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestHelpAndUsage pins the command-line conventions: -h and -help exit 0
// everywhere (flag.ErrHelp, as most Go tools do), `twice -h` lists the
// flags a user sets (-format included) and hides the driver's debugging
// and deprecated ones, `twice help config` shows the config flags, help
// for an analyzer lists each flag once, and a malformed analyzer setting
// is a usage error.
func TestHelpAndUsage(t *testing.T) {
	hidden := []string{"-cpuprofile", "-memprofile", "-trace", "-debug", "-source", "-tags", "-all", "no effect (deprecated)"}
	tests := []struct {
		name     string
		args     []string
		code     int
		has      []string
		lacks    []string
		onceFlag string // a flag that must be listed on exactly one line
	}{
		{"twice -h", []string{"-h"}, exitClean, []string{"-format", "-unsaferetry.retryfuncs", "-json", "-fix"}, hidden, ""},
		{"twice -help", []string{"-help"}, exitClean, []string{"-format"}, hidden, ""},
		{"twice config -h", []string{"config", "-h"}, exitClean, []string{"-exclude", "-include-testdata", "-no-ignore", "-fail-on"}, nil, ""},
		{"twice help config", []string{"help", "config"}, exitClean, []string{"usage: twice config", "-exclude"}, nil, ""},
		{"twice help unsaferetry", []string{"help", "unsaferetry"}, exitClean, nil, nil, "-unsaferetry.retryfuncs"},
		{"twice -format sarif -h", []string{"-format", "sarif", "-h"}, exitClean, []string{"-unsaferetry.mutating"}, nil, ""},
		{"malformed -unsaferetry.mutating", []string{"-unsaferetry.mutating=Charge", "./..."}, exitUsage, []string{`"Charge" is not a full function name`}, nil, ""},
		{"malformed under -format sarif", []string{"-format", "sarif", "-unsaferetry.retryfuncs=retry Do", "./..."}, exitUsage, []string{"is not a full function name"}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := twice(t, t.TempDir(), tt.args...)
			out := res.stdout + res.stderr
			if res.code != tt.code {
				t.Errorf("exit %d, want %d\n%s", res.code, tt.code, out)
			}
			for _, s := range tt.has {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %q:\n%s", s, out)
				}
			}
			for _, s := range tt.lacks {
				if strings.Contains(out, s) {
					t.Errorf("output shows %q:\n%s", s, out)
				}
			}
			if tt.onceFlag != "" {
				n := 0
				for _, line := range strings.Split(out, "\n") {
					if strings.HasPrefix(strings.TrimSpace(line), tt.onceFlag+" ") {
						n++
					}
				}
				if n != 1 {
					t.Errorf("%s listed on %d lines, want 1:\n%s", tt.onceFlag, n, out)
				}
			}
		})
	}
}

// TestUsageMatchesReadme: the synopsis `twice -h` prints and README's Usage
// block list the same command lines (descriptions aside), and README
// mentions every flag `twice config -h` lists.
func TestUsageMatchesReadme(t *testing.T) {
	data, err := os.ReadFile(repoFile(t, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	at := strings.Index(readme, "## Usage\n\n```\n")
	if at < 0 {
		t.Fatal("README has no Usage block")
	}
	block := readme[at+len("## Usage\n\n```\n"):]
	block = block[:strings.Index(block, "```")]

	help := twice(t, t.TempDir(), "-h")
	synopsis := help.stdout + help.stderr
	synopsis = synopsis[strings.Index(synopsis, "usage:\n")+len("usage:\n"):]
	synopsis = synopsis[:strings.Index(synopsis, "\n\n")]

	if got, want := commandLines(synopsis), commandLines(block); !slices.Equal(got, want) {
		t.Errorf("twice -h synopsis:\n%s\nREADME Usage:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	cfg := twice(t, t.TempDir(), "config", "-h")
	for _, m := range regexp.MustCompile(`(?m)^\s+(-[a-z-]+)`).FindAllStringSubmatch(cfg.stdout+cfg.stderr, -1) {
		if !strings.Contains(readme, "`"+m[1]) && !strings.Contains(readme, " "+m[1]) {
			t.Errorf("README does not mention twice config's flag %s", m[1])
		}
	}
}

// commandLines keeps the command part of each synopsis line (what precedes
// a run of two or more spaces), skipping description-only lines.
func commandLines(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		cmd, _, _ := strings.Cut(strings.TrimSpace(line), "  ")
		if strings.HasPrefix(cmd, "twice") || strings.HasPrefix(cmd, "go vet") {
			out = append(out, cmd)
		}
	}
	return out
}
