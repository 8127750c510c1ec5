package main

import (
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
