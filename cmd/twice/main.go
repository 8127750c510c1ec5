// Command twice finds code and configuration that make a service perform the
// same write twice.
//
//	twice [analyzer flags] [-json] [-fix|-diff] packages…   run the Go analyzers
//	twice -format text|json|sarif [analyzer flags] packages…
//	go vet -vettool=$(command -v twice) [analyzer flags] packages…
//	twice config [-format text|json|sarif] [-fail-on level] [-exclude GLOB] [paths…]
//	twice lsp                                            language server (stdio)
//	twice version
//	twice help [analyzer|rule]
//
// Subcommands are recognised only as the first argument and are dispatched
// before the analysis driver (x/tools multichecker) parses anything, so the
// go vet protocol (-V=full, -flags, a single *.cfg argument) reaches the
// driver untouched.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/twice-lint/twice/analyzers"
)

// Exit codes shared by every mode (x/tools conventions).
const (
	exitClean    = 0 // nothing found
	exitError    = 1 // the run failed, at least partly (load or input errors)
	exitUsage    = 2 // bad command line
	exitFindings = 3 // diagnostics reported
)

func main() {
	args := os.Args[1:]
	switch route(args) {
	case modeUsage:
		writeUsage(os.Stderr)
		os.Exit(exitUsage)
	case modeConfig:
		os.Exit(runConfig(args[1:], os.Stdout, os.Stderr))
	case modeVersion:
		os.Exit(runVersion(args[1:], os.Stdout, os.Stderr))
	case modeHelp:
		os.Exit(runHelp(args[1:], os.Stdout, os.Stderr))
	case modeLSP:
		os.Exit(runLSP(args[1:], os.Stdin, os.Stdout, os.Stderr))
	case modeFormat:
		format, rest, err := splitFormat(args)
		if err != nil {
			fmt.Fprintf(os.Stderr, "twice: %v\n", err)
			os.Exit(exitUsage)
		}
		switch format {
		case "sarif":
			os.Exit(runSARIF(rest, os.Stdout, os.Stderr))
		case "json":
			runMultichecker(append([]string{"-json"}, rest...))
		default: // "text"
			runMultichecker(rest)
		}
	default:
		runMultichecker(args)
	}
}

// runMultichecker hands args to the x/tools driver, which runs standalone
// (loading packages with go/packages) or, when invoked by go vet, as a
// unitchecker. It never returns: the driver exits with 0 (clean), 3
// (diagnostics; always 0 with -json) or 1 (errors).
func runMultichecker(args []string) {
	if !handledByDriver(args) {
		os.Exit(runStandalone(args, os.Stdout, os.Stderr))
	}
	os.Args = append([]string{os.Args[0]}, args...)
	// -h/-help print our usage followed by the flags a user sets: the
	// analyzer flags and the driver's user-facing ones (with -format, which
	// main handles); debugging, profiling and deprecated driver flags are
	// left out.
	flag.Usage = func() {
		out := flag.CommandLine.Output()
		writeUsage(out)
		writeFlagSections(out, sortedAnalyzers(analyzers.All()))
	}
	multichecker.Main(analyzers.All()...)
}

// writeUsage prints the command synopsis.
func writeUsage(w io.Writer) {
	fmt.Fprint(w, `usage:
  twice [analyzer flags] [-json] [-fix|-diff] packages…   run the Go analyzers (e.g. twice ./...)
  twice -format text|json|sarif [analyzer flags] packages…
  go vet -vettool=$(command -v twice) [analyzer flags] packages…
  twice config [-format text|json|sarif] [-fail-on error|warning|note|none] [-exclude GLOB] [paths…]
                                                           config checker (twice config -h: all its flags)
  twice lsp                                                language server over stdio (LSP)
  twice version
  twice help [analyzer|rule]

Exit status: 0 nothing found, 3 findings, 1 errors, 2 bad usage
(with -json the analyzers exit 0 even when they report findings).
`)
}
