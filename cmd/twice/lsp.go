package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/twice-lint/twice/internal/lsp"
)

// runLSP implements `twice lsp`: a language server on stdin/stdout (its
// own log goes to stderr). Settings come from the editor
// (initializationOptions, workspace/didChangeConfiguration), not flags.
func runLSP(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("twice lsp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: twice lsp")
		fmt.Fprintln(stderr, "Runs the twice language server over stdin/stdout (LSP 3.17); see docs/integrations.md for editor setups.")
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitClean
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	return lsp.Run(stdin, stdout, lsp.Options{Version: toolVersion(), Log: stderr})
}
