package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/twice-lint/twice/analyzers"
	"github.com/twice-lint/twice/internal/runner"
	"github.com/twice-lint/twice/internal/sarif"
)

// runSARIF implements `twice -format sarif [flags] packages…`: it loads the
// packages like the x/tools driver does, runs the analyzers with
// checker.Analyze and writes a SARIF 2.1.0 log to stdout. Package and
// analysis errors become tool execution notifications (and go to stderr).
// Exit status: 1 on any error, else 3 when something was found, else 0.
func runSARIF(args []string, stdout, stderr io.Writer) int {
	all := analyzers.All()
	fs := flag.NewFlagSet("twice -format sarif", flag.ContinueOnError)
	fs.SetOutput(stderr)
	selected := registerSelection(fs, all)
	tests := fs.Bool("test", true, "indicates whether test files should be analyzed, too")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: twice -format sarif [analyzer flags] [-test=false] packages…")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitClean
		}
		return exitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "twice: %v\n", err)
		return exitError
	}

	root := sarif.SourceRoot(wd)
	run := sarif.NewRun("twice", toolVersion(), strings.TrimSuffix(helpURL, "#"))
	run.OriginalURIBaseIDs = map[string]sarif.ArtifactLocation{sarif.SourceRootID: {URI: sarif.DirURI(root)}}
	as := selected()
	for _, a := range sortedAnalyzers(as) {
		run.AddRule(analyzerRule(a))
	}
	var notes []sarif.Notification
	graph, err := loadAndAnalyze(fs.Args(), *tests, as, &notes, root)
	if err != nil {
		notes = append(notes, sarif.Notification{Level: sarif.LevelError, Message: sarif.Message{Text: err.Error()}})
	}
	if graph != nil {
		notes = append(notes, skippedPackageNotes(graph, wd, root)...)
		for _, res := range graphResults(graph, root) {
			run.AddResult(res)
		}
	}
	for _, n := range notes {
		fmt.Fprintf(stderr, "twice: %s\n", notificationText(n))
	}
	run.Invocations = []sarif.Invocation{{ExecutionSuccessful: len(notes) == 0, ToolExecutionNotifications: notes}}
	if err := sarif.NewLog(run).Write(stdout); err != nil {
		fmt.Fprintf(stderr, "twice: %v\n", err)
		return exitError
	}
	switch {
	case len(notes) > 0:
		return exitError
	case len(run.Results) > 0:
		return exitFindings
	}
	return exitClean
}

// registerSelection adds the -NAME and -NAME.FLAG flags of the analyzers to
// fs, exactly as the x/tools driver names them, and returns a function that
// applies the driver's selection rule after parsing.
func registerSelection(fs *flag.FlagSet, all []*analysis.Analyzer) func() []*analysis.Analyzer {
	enabled := make([]*triState, len(all))
	for i, a := range all {
		enabled[i] = new(triState)
		fs.Var(enabled[i], a.Name, fmt.Sprintf("enable %q analysis", a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	return func() []*analysis.Analyzer {
		pick := func(want triState, keep bool) []*analysis.Analyzer {
			var out []*analysis.Analyzer
			for i, a := range all {
				if (*enabled[i] == want) == keep {
					out = append(out, a)
				}
			}
			return out
		}
		if chosen := pick(setTrue, true); len(chosen) > 0 {
			return chosen
		}
		return pick(setFalse, false)
	}
}

// loadAndAnalyze loads the packages (with all syntax, since the analyzers
// exchange facts across packages) and analyzes them. Package errors are
// appended to notes; the returned error means nothing could be analyzed.
func loadAndAnalyze(patterns []string, tests bool, as []*analysis.Analyzer, notes *[]sarif.Notification, root string) (*checker.Graph, error) {
	graph, pkgErrs, err := runner.Analyze(patterns, as, runner.Options{Tests: tests})
	for _, e := range pkgErrs {
		*notes = append(*notes, packageErrorNote(e, root))
	}
	return graph, err
}

// analyzerRule is the SARIF rule descriptor of an analyzer. Analyzer docs
// start with "NAME: "; the descriptions drop it (viewers show the id next
// to them already).
func analyzerRule(a *analysis.Analyzer) sarif.Rule {
	doc := strings.TrimPrefix(strings.TrimSpace(a.Doc), a.Name+": ")
	return sarif.Rule{
		ID:                   a.Name,
		Name:                 a.Name,
		ShortDescription:     sarif.Text(firstParagraph(doc)),
		FullDescription:      sarif.Text(doc),
		Help:                 sarif.Text(doc),
		HelpURI:              helpURL + a.Name,
		DefaultConfiguration: &sarif.ReportingConfiguration{Level: sarif.LevelWarning},
		// A write performed twice is a correctness problem, not a
		// vulnerability: no security-severity.
		Properties: &sarif.RuleProperties{Tags: []string{"reliability", "correctness"}},
	}
}

// packageErrorNote turns a go/packages error ("file:line:col: msg" in
// e.Pos / e.Msg) into a notification located at that position.
func packageErrorNote(e packages.Error, root string) sarif.Notification {
	n := sarif.Notification{Level: sarif.LevelError, Message: sarif.Message{Text: e.Msg}}
	if file, line, col, ok := splitPos(e.Pos); ok {
		region := &sarif.Region{StartLine: line, StartColumn: col}
		if line == 0 {
			region = nil
		}
		n.Locations = []sarif.Location{{PhysicalLocation: &sarif.PhysicalLocation{
			ArtifactLocation: sarif.SourceLocation(file, root),
			Region:           region,
		}}}
	}
	return n
}

// splitPos parses "file:line:col", "file:line" or "file" (go/packages
// positions; file names may themselves contain colons).
func splitPos(pos string) (file string, line, col int, ok bool) {
	if pos == "" || pos == "-" {
		return "", 0, 0, false
	}
	rest := pos
	var nums []int
	for len(nums) < 2 {
		i := strings.LastIndexByte(rest, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(rest[i+1:])
		if err != nil || n < 0 {
			break
		}
		nums = append([]int{n}, nums...)
		rest = rest[:i]
	}
	switch len(nums) {
	case 2:
		return rest, nums[0], nums[1], true
	case 1:
		return rest, nums[0], 0, true
	}
	return rest, 0, 0, true
}

func notificationText(n sarif.Notification) string {
	if len(n.Locations) == 0 || n.Locations[0].PhysicalLocation == nil {
		return n.Message.Text
	}
	pl := n.Locations[0].PhysicalLocation
	where := pl.ArtifactLocation.URI
	if pl.Region != nil {
		where += ":" + strconv.Itoa(pl.Region.StartLine)
		if pl.Region.StartColumn > 0 {
			where += ":" + strconv.Itoa(pl.Region.StartColumn)
		}
	}
	return where + ": " + n.Message.Text
}
