package main

import (
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"sort"
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

	run := sarif.NewRun("twice", toolVersion(), strings.TrimSuffix(helpURL, "#"))
	as := selected()
	for _, a := range sortedAnalyzers(as) {
		run.AddRule(analyzerRule(a))
	}
	var notes []sarif.Notification
	graph, err := loadAndAnalyze(fs.Args(), *tests, as, &notes, wd)
	if err != nil {
		notes = append(notes, sarif.Notification{Level: sarif.LevelError, Message: sarif.Message{Text: err.Error()}})
	}
	if graph != nil {
		for act := range graph.All() {
			if act.Err != nil {
				notes = append(notes, sarif.Notification{
					Level:   sarif.LevelError,
					Message: sarif.Message{Text: fmt.Sprintf("%s: %v", act, act.Err)},
				})
			}
		}
		for _, res := range graphResults(graph, wd) {
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
func loadAndAnalyze(patterns []string, tests bool, as []*analysis.Analyzer, notes *[]sarif.Notification, wd string) (*checker.Graph, error) {
	graph, pkgErrs, err := runner.Analyze(patterns, as, runner.Options{Tests: tests})
	for _, e := range pkgErrs {
		*notes = append(*notes, packageErrorNote(e, wd))
	}
	return graph, err
}

// analyzerRule is the SARIF rule descriptor of an analyzer.
func analyzerRule(a *analysis.Analyzer) sarif.Rule {
	doc := strings.TrimSpace(a.Doc)
	return sarif.Rule{
		ID:                   a.Name,
		Name:                 a.Name,
		ShortDescription:     sarif.Text(firstParagraph(doc)),
		FullDescription:      sarif.Text(doc),
		Help:                 sarif.Text(doc),
		HelpURI:              helpURL + a.Name,
		DefaultConfiguration: &sarif.ReportingConfiguration{Level: sarif.LevelWarning},
	}
}

// graphResults converts the root actions' diagnostics into SARIF results,
// sorted by file and position. A file that belongs to several packages (p
// and its test variant) yields each diagnostic once.
func graphResults(graph *checker.Graph, wd string) []sarif.Result {
	type key struct {
		pos, end token.Position
		analyzer string
		message  string
	}
	type located struct {
		key
		res sarif.Result
	}
	lines := newLineCache()
	seen := map[key]bool{}
	var found []located
	for _, act := range graph.Roots {
		if act.Err != nil {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			k := key{fset.Position(d.Pos), fset.Position(d.End), act.Analyzer.Name, d.Message}
			if seen[k] {
				continue
			}
			seen[k] = true
			res := sarif.Result{
				RuleID:    act.Analyzer.Name,
				Level:     sarif.LevelWarning,
				Message:   sarif.Message{Text: d.Message},
				Locations: []sarif.Location{location(lines, k.pos, k.end, wd)},
			}
			for i, r := range d.Related {
				loc := location(lines, fset.Position(r.Pos), fset.Position(r.End), wd)
				id := i + 1
				loc.ID = &id
				loc.Message = sarif.Text(r.Message)
				res.RelatedLocations = append(res.RelatedLocations, loc)
			}
			found = append(found, located{k, res})
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		a, b := found[i].pos, found[j].pos
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return found[i].analyzer < found[j].analyzer
	})
	out := make([]sarif.Result, len(found))
	for i, f := range found {
		out[i] = f.res
	}
	return out
}

// location converts a Go position range (byte columns) into a SARIF
// location (UTF-16 columns, URI relative to wd).
func location(lines *lineCache, pos, end token.Position, wd string) sarif.Location {
	region := &sarif.Region{
		StartLine:   pos.Line,
		StartColumn: lines.column(pos),
	}
	if end.IsValid() && end.Filename == pos.Filename && (end.Line > pos.Line || end.Line == pos.Line && end.Column > pos.Column) {
		region.EndLine = end.Line
		region.EndColumn = lines.column(end)
	}
	if region.StartLine == 0 {
		region = nil // a whole-file position
	}
	return sarif.Location{PhysicalLocation: &sarif.PhysicalLocation{
		ArtifactLocation: sarif.ArtifactLocation{URI: sarif.URI(pos.Filename, wd)},
		Region:           region,
	}}
}

// packageErrorNote turns a go/packages error ("file:line:col: msg" in
// e.Pos / e.Msg) into a notification located at that position.
func packageErrorNote(e packages.Error, wd string) sarif.Notification {
	n := sarif.Notification{Level: sarif.LevelError, Message: sarif.Message{Text: e.Msg}}
	if file, line, col, ok := splitPos(e.Pos); ok {
		region := &sarif.Region{StartLine: line, StartColumn: col}
		if line == 0 {
			region = nil
		}
		n.Locations = []sarif.Location{{PhysicalLocation: &sarif.PhysicalLocation{
			ArtifactLocation: sarif.ArtifactLocation{URI: sarif.URI(file, wd)},
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

// lineCache reads each source file once to convert byte columns.
type lineCache struct{ files map[string][]string }

func newLineCache() *lineCache { return &lineCache{files: map[string][]string{}} }

// column returns the UTF-16 column of p, or its byte column when the file
// or line cannot be read (e.g. a position in generated, non-existent code).
func (c *lineCache) column(p token.Position) int {
	ls, ok := c.files[p.Filename]
	if !ok {
		if data, err := os.ReadFile(p.Filename); err == nil {
			ls = strings.Split(string(data), "\n")
		}
		c.files[p.Filename] = ls
	}
	if p.Line < 1 || p.Line > len(ls) {
		return p.Column
	}
	return sarif.Column(strings.TrimSuffix(ls[p.Line-1], "\r"), p.Column)
}
