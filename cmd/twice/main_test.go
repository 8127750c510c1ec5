package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
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

// Analyzer runs are deterministic and each costs seconds (facts for the
// standard library), so identical invocations are run once per test binary.
var (
	memoMu sync.Mutex
	memo   = map[string]result{}
)

func memoized(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	key := dir + "\x00" + name + "\x00" + strings.Join(args, "\x00")
	memoMu.Lock()
	defer memoMu.Unlock()
	if res, ok := memo[key]; ok {
		return res
	}
	res := runIn(t, dir, name, args...)
	memo[key] = res
	return res
}

// twiceCached is twice for read-only runs that several tests share.
func twiceCached(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return memoized(t, dir, twiceBin, args...)
}

// goVetCached runs go vet -vettool=twice ARGS in dir, once per test binary.
func goVetCached(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return memoized(t, dir, "go", append([]string{"vet", "-vettool=" + twiceBin}, args...)...)
}
