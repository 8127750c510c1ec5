package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCIScript guards .ci/run against what made CI fail on loaded machines
// or miss regressions: every `go test` has an explicit -timeout (go test's
// 10-minute default is too short for -race on 2 busy cores), and the
// config checker runs on the repository itself.
func TestCIScript(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	// `go test` and `go -C bench test` (bench/ and eval/ are modules)
	goTest := regexp.MustCompile(`\bgo\s+(-C\s+\S+\s+)?test\b`)
	quoted := regexp.MustCompile(`"[^"]*"`) // step names and expanded values
	n := 0
	for i, line := range strings.Split(string(data), "\n") {
		code, _, _ := strings.Cut(line, "#")
		code = quoted.ReplaceAllString(code, `""`)
		if !goTest.MatchString(code) {
			continue
		}
		n++
		if !strings.Contains(code, "-timeout") {
			t.Errorf(".ci/run:%d: go test without an explicit -timeout: %s", i+1, strings.TrimSpace(line))
		}
	}
	if n < 3 {
		t.Errorf(".ci/run has %d go test commands, want the unit, -race and fuzz steps", n)
	}
	for _, want := range []string{"cmd/twice config .", "TWICE_STD_SOUNDNESS=1 go test", "TWICE_GOLANGCI_E2E=1 go test"} {
		if !strings.Contains(string(data), want) {
			t.Errorf(".ci/run lacks %q", want)
		}
	}
}
