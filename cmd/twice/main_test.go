package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// twiceBin is the twice binary built once for the whole test run, so the
// tests exercise exactly what users run (dispatch, the multichecker's
// global flags, go vet's protocol).
var twiceBin string

func TestMain(m *testing.M) {
	os.Exit(buildAndRun(m))
}

func buildAndRun(m *testing.M) int {
	dir, err := os.MkdirTemp("", "twice-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	twiceBin = filepath.Join(dir, "twice")
	build := exec.Command("go", "build", "-o", twiceBin, ".")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "building twice: %v\n", err)
		return 1
	}
	return m.Run()
}

// result is the outcome of one command.
type result struct {
	stdout, stderr string
	code           int
}

// offlineEnv keeps the go command off the network and inside each fixture
// module: third-party imports resolve through replace directives.
func offlineEnv() []string {
	return append(os.Environ(),
		"GOFLAGS=-mod=mod",
		"GOPROXY=off",
		"GOWORK=off",
		"GOTOOLCHAIN=local",
	)
}

// runIn runs name with args in dir and returns its output and exit code.
func runIn(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = offlineEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("running %s %q: %v", name, args, err)
	}
	return result{stdout: stdout.String(), stderr: stderr.String(), code: code}
}

// twice runs the built binary in dir.
func twice(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runIn(t, dir, twiceBin, args...)
}
