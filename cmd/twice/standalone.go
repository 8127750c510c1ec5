package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/twice-lint/twice/analyzers"
	"github.com/twice-lint/twice/internal/runner"
)

// driverOnly are the x/tools driver's flags that the standalone runner
// below does not implement: go vet's protocol (-V, -flags), fixes, and the
// debugging and profiling switches. Any of them hands the command line to
// the driver unchanged.
var driverOnly = map[string]bool{
	"V": true, "flags": true, "fix": true, "diff": true, "debug": true, "v": true,
	"cpuprofile": true, "memprofile": true, "trace": true, "h": true, "help": true,
}

// handledByDriver reports whether args must go to the x/tools driver: go
// vet's unitchecker invocation (a *.cfg argument), no package at all (the
// driver prints usage), or a driver-only flag. Package patterns never start
// with '-', so every argument can be scanned.
func handledByDriver(args []string) bool {
	if len(args) == 0 || strings.HasSuffix(args[len(args)-1], ".cfg") {
		return true
	}
	for _, a := range args {
		if a == "--" {
			break
		}
		if !strings.HasPrefix(a, "-") {
			continue
		}
		name, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-"), "=")
		if driverOnly[name] {
			return true
		}
	}
	return false
}

// runStandalone implements `twice [analyzer flags] [-json] [-c N]
// [-test=false] packages…` like the x/tools driver — same loading, same
// text and JSON diagnostics, same exit codes (0 clean, 3 findings, 1 errors;
// -json exits 0 with findings) — except for packages that could not be
// analyzed: the driver names its internal model analyzer there ("analysis
// skipped", "failed prerequisites: twicemodel@…"); this says which package
// lost its findings, which broken import caused it, and where that import's
// first error is.
func runStandalone(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("twice", flag.ContinueOnError)
	fs.SetOutput(stderr)
	selected := registerSelection(fs, analyzers.All())
	jsonOut := fs.Bool("json", false, "emit JSON output")
	context := fs.Int("c", -1, "display offending line with this many lines of context")
	tests := fs.Bool("test", true, "indicates whether test files should be analyzed, too")
	fs.Usage = func() {
		writeUsage(stderr)
		writeFlagSections(stderr, sortedAnalyzers(analyzers.All()))
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "twice: %v\n", err)
		return exitError
	}
	as := selected()
	graph, pkgErrs, err := runner.Analyze(fs.Args(), as, runner.Options{Tests: *tests})
	printLoadErrors(stderr, pkgErrs)
	if err != nil {
		fmt.Fprintf(stderr, "twice: %v\n", err)
		return exitError
	}
	skipped := skippedPackages(graph)
	healthy := &checker.Graph{}
	findings := 0
	for _, act := range graph.Roots {
		if act.Err == nil {
			healthy.Roots = append(healthy.Roots, act)
			findings += len(act.Diagnostics)
		}
	}
	if *jsonOut {
		err = printJSON(stdout, healthy, skipped, as, wd)
	} else {
		err = healthy.PrintText(stderr, *context)
	}
	if err != nil {
		fmt.Fprintf(stderr, "twice: %v\n", err)
		return exitError
	}
	for _, s := range skipped {
		fmt.Fprintf(stderr, "twice: %s\n", s.message(wd))
	}
	switch {
	case len(pkgErrs) > 0 || len(skipped) > 0:
		return exitError
	case findings > 0 && !*jsonOut:
		return exitFindings
	}
	return exitClean
}

// printLoadErrors prints each package error once (a package and its test
// variant share files, hence errors), as the driver does: "file:line:col: msg".
func printLoadErrors(w io.Writer, errs []packages.Error) {
	seen := map[string]bool{}
	for _, e := range errs {
		if s := e.Error(); !seen[s] {
			seen[s] = true
			fmt.Fprintln(w, s)
		}
	}
}

// printJSON writes the driver's JSON tree (package ID → analyzer →
// diagnostics or {"error": …}) for the analyzed packages, each finding
// once (not again under the package's test variant), and for each
// skipped one an {"error": …} under every analyzer that ran, saying why in
// package terms instead of the driver's internal analyzer name.
func printJSON(w io.Writer, healthy *checker.Graph, skipped []*skippedPackage, as []*analysis.Analyzer, wd string) error {
	var buf bytes.Buffer
	if err := healthy.PrintJSON(&buf); err != nil {
		return err
	}
	tree := map[string]map[string]json.RawMessage{}
	if err := json.Unmarshal(buf.Bytes(), &tree); err != nil {
		return fmt.Errorf("re-reading the analyzers' JSON: %w", err)
	}
	dropVariantRepeats(tree)
	for _, s := range skipped {
		msg, err := json.Marshal(map[string]string{"error": s.message(wd)})
		if err != nil {
			return err
		}
		for _, id := range s.ids {
			if tree[id] == nil {
				tree[id] = map[string]json.RawMessage{}
			}
			for _, a := range as {
				tree[id][a.Name] = msg
			}
		}
	}
	out, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", out)
	return err
}
