package main

import (
	"fmt"
	"strings"
)

// mode is what an invocation of twice asks for.
type mode int

const (
	modeAnalyze mode = iota // the multichecker, standalone or under go vet
	modeUsage               // no arguments at all
	modeConfig              // twice config …
	modeVersion             // twice version
	modeHelp                // twice help …
	modeFormat              // twice -format X … (analyzers with a chosen output format)
	modeLSP                 // twice lsp
)

// route decides the mode from the command line (without the program name).
// Only the first argument can name a subcommand; everything else —
// including go vet's -V=full, -flags and *.cfg invocations — belongs to the
// analysis driver, except a -format flag, which the driver does not know.
func route(args []string) mode {
	if len(args) == 0 {
		return modeUsage
	}
	switch args[0] {
	case "config":
		return modeConfig
	case "version":
		return modeVersion
	case "help":
		return modeHelp
	case "lsp":
		return modeLSP
	}
	for _, a := range args {
		if isFormatFlag(a) {
			return modeFormat
		}
	}
	return modeAnalyze
}

// isFormatFlag reports whether a is -format or --format, with or without
// "=value". A package pattern never starts with '-', so scanning every
// argument is safe.
func isFormatFlag(a string) bool {
	name, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-"), "=")
	return strings.HasPrefix(a, "-") && name == "format"
}

// splitFormat removes the -format flag (and its value) from args and
// returns the chosen format and the remaining arguments, in order.
func splitFormat(args []string) (format string, rest []string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !isFormatFlag(a) {
			rest = append(rest, a)
			continue
		}
		if _, v, ok := strings.Cut(a, "="); ok {
			format = v
			continue
		}
		if i+1 == len(args) {
			return "", nil, fmt.Errorf("flag needs an argument: %s", a)
		}
		i++
		format = args[i]
	}
	switch format {
	case "text", "json", "sarif":
		return format, rest, nil
	}
	return "", nil, fmt.Errorf("unknown -format %q (want text, json or sarif)", format)
}
