package main

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/twice-lint/twice/analyzers"
)

// helpURL is where each analyzer and rule is documented (README anchors).
const helpURL = "https://github.com/twice-lint/twice#"

// runHelp implements `twice help [analyzer|rule]…`.
func runHelp(args []string, stdout, stderr io.Writer) int {
	as := sortedAnalyzers(analyzers.All())
	rules := configRules()
	if len(args) == 0 {
		writeOverview(stdout, as, rules)
		return exitClean
	}
	status := exitClean
	for i, name := range args {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		if name == "config" {
			runConfig([]string{"-h"}, stdout, stdout) // its usage and flags
			continue
		}
		if a := findAnalyzer(as, name); a != nil {
			writeAnalyzerHelp(stdout, a)
			continue
		}
		if r, ok := findRule(rules, name); ok {
			writeRuleHelp(stdout, r)
			continue
		}
		fmt.Fprintf(stderr, "twice help: no analyzer or rule named %q (known: %s)\n", name, strings.Join(knownNames(as, rules), ", "))
		status = exitUsage
	}
	return status
}

func writeOverview(w io.Writer, as []*analysis.Analyzer, rules []ruleDoc) {
	fmt.Fprintln(w, "twice finds code and configuration that make a service perform the same write twice.")
	fmt.Fprintln(w)
	writeUsage(w)
	fmt.Fprintln(w, "\nAnalyzers (Go code; run by default, select with -NAME or -NAME=false):")
	for _, a := range as {
		fmt.Fprintf(w, "  %-26s %s\n", a.Name, strings.TrimPrefix(firstParagraph(a.Doc), a.Name+": "))
	}
	fmt.Fprintln(w, "\nConfig rules (twice config):")
	for _, r := range rules {
		fmt.Fprintf(w, "  %-26s %s: %s\n", r.ID, r.Level, r.Summary)
	}
	writeFlagSections(w, as)
	fmt.Fprintln(w, "\nRun 'twice help NAME' for an analyzer or rule, 'twice help config' for the config checker.")
	fmt.Fprintln(w, "Suppress one finding with //nolint:NAME or //nolint:twice on its line (twice:idempotent in a doc comment marks a function safe to repeat).")
}

// writeFlagSections lists the analyzer flags and the driver flags.
func writeFlagSections(w io.Writer, as []*analysis.Analyzer) {
	fmt.Fprintln(w, "\nAnalyzer flags (also accepted by go vet -vettool):")
	writeFlags(w, analyzerFlags(as))
	fmt.Fprintln(w, "\nDriver flags:")
	writeFlags(w, driverFlags())
}

func writeAnalyzerHelp(w io.Writer, a *analysis.Analyzer) {
	fmt.Fprintf(w, "%s: %s\n", a.Name, strings.TrimPrefix(strings.TrimSpace(a.Doc), a.Name+": "))
	if fs := analyzerFlags([]*analysis.Analyzer{a}); hasFlags(fs) && !docListsFlags(a) {
		fmt.Fprintln(w, "\nFlags:")
		writeFlags(w, fs)
	}
	fmt.Fprintf(w, "\nMore: %s%s\n", helpURL, a.Name)
}

func writeRuleHelp(w io.Writer, r ruleDoc) {
	fmt.Fprintf(w, "%s (config rule, %s): %s\n", r.ID, r.Level, r.Summary)
	if r.Help != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(r.Help))
	}
	fmt.Fprintf(w, "\nMore: %s%s\n", helpURL, r.ID)
}

// analyzerFlags returns the analyzers' flags under the names the driver
// gives them: -NAME to select an analyzer and -NAME.FLAG for its options.
func analyzerFlags(as []*analysis.Analyzer) *flag.FlagSet {
	fs := flag.NewFlagSet("twice", flag.ContinueOnError)
	for _, a := range as {
		fs.Var(new(triState), a.Name, fmt.Sprintf("enable %q analysis", a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	return fs
}

// driverFlags lists the x/tools driver's user-facing flags plus -format.
// The values are throwaway: this set is only printed.
func driverFlags() *flag.FlagSet {
	fs := flag.NewFlagSet("twice", flag.ContinueOnError)
	fs.String("format", "text", "output format of the analyzers: text, json or sarif (SARIF 2.1.0)")
	fs.Bool("json", false, "emit JSON output (same as -format json)")
	fs.Bool("fix", false, "apply all suggested fixes")
	fs.Bool("diff", false, "with -fix, don't update the files, but print a unified diff")
	fs.Int("c", -1, "display offending line with this many lines of context")
	fs.Bool("test", true, "indicates whether test files should be analyzed, too")
	fs.Bool("flags", false, "print analyzer flags in JSON (used by go vet)")
	fs.Bool("V", false, "print version and exit (used by go vet; see also 'twice version')")
	return fs
}

func writeFlags(w io.Writer, fs *flag.FlagSet) {
	fs.SetOutput(w)
	fs.PrintDefaults()
}

// docListsFlags reports whether an analyzer's Doc already has a line for
// each of its flags ("\t-NAME.FLAG  …"), in which case help does not list
// them a second time.
func docListsFlags(a *analysis.Analyzer) bool {
	all := true
	a.Flags.VisitAll(func(f *flag.Flag) {
		listed := false
		for _, line := range strings.Split(a.Doc, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "-"+a.Name+"."+f.Name+" ") {
				listed = true
			}
		}
		all = all && listed
	})
	return all
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

func sortedAnalyzers(as []*analysis.Analyzer) []*analysis.Analyzer {
	as = append([]*analysis.Analyzer(nil), as...)
	sort.Slice(as, func(i, j int) bool { return as[i].Name < as[j].Name })
	return as
}

func findAnalyzer(as []*analysis.Analyzer, name string) *analysis.Analyzer {
	for _, a := range as {
		if a.Name == name {
			return a
		}
	}
	return nil
}

func findRule(rules []ruleDoc, id string) (ruleDoc, bool) {
	for _, r := range rules {
		if r.ID == id {
			return r, true
		}
	}
	return ruleDoc{}, false
}

func knownNames(as []*analysis.Analyzer, rules []ruleDoc) []string {
	var names []string
	for _, a := range as {
		names = append(names, a.Name)
	}
	for _, r := range rules {
		names = append(names, r.ID)
	}
	return names
}

// firstParagraph is the one-line summary of an analyzer's Doc.
func firstParagraph(doc string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(doc), "\n\n")
	return strings.Join(strings.Fields(p), " ")
}
