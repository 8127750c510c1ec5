// Package corpus_test measures twice's Go analyzers (unsaferetry and resend,
// run together as analyzers.All() runs them) on a corpus of service-shaped
// packages under testdata/src/acme: API clients with base URLs and request
// builders, SQL repositories, outbox publishers, payment integrations,
// Kubernetes controllers, a PowerJob-like OpenAPI client, webhook senders,
// cron jobs and consumers.
//
// Every function of the corpus is either "should be flagged" — it holds at
// least one `// want "regexp"` comment, on the exact line of the expected
// finding — or "must stay silent". The test scores both ways:
//   - per function, the way the held-out evaluation counts ("a finding inside
//     each function that should be flagged, nothing in the ones that should
//     not"): precision and recall, logged and held to the product targets;
//   - per finding, exactly like analysistest: every finding matches a want
//     on its line, every want is matched.
//
// A `// check "regexp"` comment marks a finding reported only at
// -unsaferetry.confidence=low, worded as a check (a call judged by its
// name alone): silent by default, so its function counts as one that must
// stay silent in TestCorpus, and held by TestCorpusChecks.
//
// Cases that the analyzers get wrong today are not kept as failing or
// skipped tests: they are described in KNOWN_GAPS.md.
package corpus_test

import (
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/twice-lint/twice/analyzers"
	"github.com/twice-lint/twice/analyzers/internal/model"
	"github.com/twice-lint/twice/analyzers/internal/testenv"
)

// Targets of the held-out evaluation, per function.
const (
	minPrecision = 0.95
	minRecall    = 0.90
)

// corpusPattern selects the corpus packages inside the GOPATH that
// testenv.Testdata builds (the library stubs live beside them).
const corpusPattern = "acme/..."

func TestCorpus(t *testing.T) {
	dir := testenv.Testdata(t)
	pkgs := load(t, dir, corpusPattern)
	findings := analyze(t, pkgs, analyzers.All())

	wants, funcs, err := expectations(pkgs, "// want ")
	if err != nil {
		t.Fatal(err)
	}
	unexpected := match(findings, wants)
	sc := scoreFunctions(funcs, findings)

	t.Logf("corpus: %d packages, %d functions (%d should be flagged, %d must stay silent), %d findings",
		len(pkgs), len(funcs), sc.tp+sc.fn, sc.fp+sc.tn, len(findings))
	t.Logf("per function: TP %d  FP %d  FN %d  TN %d  precision %.3f  recall %.3f",
		sc.tp, sc.fp, sc.fn, sc.tn, sc.precision(), sc.recall())
	for _, name := range []string{"unsaferetry", "resend"} {
		n, m := 0, 0
		for _, w := range wants {
			if w.analyzer == name {
				n++
				if w.matched {
					m++
				}
			}
		}
		t.Logf("%s: %d of %d expected findings reported", name, m, n)
	}

	for _, f := range findings {
		t.Logf("%s:%d: %s: %s", shortPath(f.posn.Filename), f.posn.Line, f.analyzer, f.message)
	}
	for _, f := range unexpected {
		t.Errorf("%s: unexpected %s finding: %s", f.posn, f.analyzer, f.message)
	}
	for _, w := range wants {
		if !w.matched {
			t.Errorf("%s:%d: no finding matching %q", w.file, w.line, w.re)
		}
	}
	if p := sc.precision(); p < minPrecision {
		t.Errorf("per-function precision %.3f < %.2f (false positives in: %s)", p, minPrecision, strings.Join(sc.fpFuncs, ", "))
	}
	if r := sc.recall(); r < minRecall {
		t.Errorf("per-function recall %.3f < %.2f (missed: %s)", r, minRecall, strings.Join(sc.fnFuncs, ", "))
	}
	// A corpus too small or too one-sided measures nothing.
	if sc.tp+sc.fn < 30 || sc.fp+sc.tn < 45 {
		t.Errorf("corpus has %d should-be-flagged and %d must-stay-silent functions, want >= 30 and >= 45",
			sc.tp+sc.fn, sc.fp+sc.tn)
	}
}

// TestCorpusChecks runs the analyzers at -unsaferetry.confidence=low: each
// `// check` line gets a finding worded as a check, each `// want` line
// its default finding (not a check), and nothing else is reported.
func TestCorpusChecks(t *testing.T) {
	dir := testenv.Testdata(t)
	pkgs := load(t, dir, corpusPattern)
	findings := analyze(t, pkgs, analyzers.New(model.Settings{Confidence: model.ConfidenceLow}))
	wants, _, err := expectations(pkgs, "// want ")
	if err != nil {
		t.Fatal(err)
	}
	checks, _, err := expectations(pkgs, "// check ")
	if err != nil {
		t.Fatal(err)
	}
	if len(checks) == 0 {
		t.Fatal("no // check comments in the corpus")
	}
	var asChecks, plain []*finding
	for _, f := range findings {
		if strings.Contains(f.message, "check:") {
			asChecks = append(asChecks, f)
		} else {
			plain = append(plain, f)
		}
	}
	unexpected := append(match(plain, wants), match(asChecks, checks)...)
	for _, f := range unexpected {
		t.Errorf("%s: unexpected %s finding at low confidence: %s", f.posn, f.analyzer, f.message)
	}
	for _, w := range append(wants, checks...) {
		if !w.matched {
			t.Errorf("%s:%d: no finding matching %q at low confidence", w.file, w.line, w.re)
		}
	}
}

// shortPath trims the temporary GOPATH from a file name: acme/jobs/openapi.go.
func shortPath(name string) string {
	if _, after, ok := strings.Cut(name, "/src/"); ok {
		return after
	}
	return name
}

// load loads the corpus packages from the GOPATH tree dir.
func load(t *testing.T, dir string, patterns ...string) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOWORK=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatalf("loading the corpus: %v", err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		t.Fatalf("%d errors loading the corpus", n)
	}
	if len(pkgs) == 0 {
		t.Fatalf("no packages match %s", corpusPattern)
	}
	return pkgs
}

// finding is one diagnostic of one analyzer.
type finding struct {
	analyzer string
	message  string
	posn     token.Position
	matched  bool
}

// analyze runs the analyzer set over pkgs (their dependencies are
// analyzed for facts, as every driver does) and returns the findings in
// the corpus packages. The model must not have failed on any package.
func analyze(t *testing.T, pkgs []*packages.Package, set []*analysis.Analyzer) []*finding {
	t.Helper()
	graph, err := checker.Analyze(set, pkgs, nil)
	if err != nil {
		t.Fatalf("analyzing the corpus: %v", err)
	}
	var out []*finding
	for act := range graph.All() {
		if act.Err != nil {
			t.Errorf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
		if m, ok := act.Result.(*model.Model); ok && m.Failed != "" {
			t.Errorf("model on %s: %s", act.Package.PkgPath, m.Failed)
		}
	}
	for _, act := range graph.Roots {
		for _, d := range act.Diagnostics {
			out = append(out, &finding{analyzer: act.Analyzer.Name, message: d.Message, posn: act.Package.Fset.Position(d.Pos)})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].posn, out[j].posn
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		return a.Offset < b.Offset
	})
	return out
}

// want is one expected finding: a regexp of its message at a line. The
// analyzer is told by the message (unsaferetry's say "on every retry",
// resend's "is sent again").
type want struct {
	file     string
	line     int
	re       *regexp.Regexp
	analyzer string
	matched  bool
}

// function is one function declaration of the corpus.
type function struct {
	name       string // pkg.Func or pkg.(Recv).Method
	file       string
	start, end int // lines
	flagged    bool
	findings   int
}

// expectations reads the expectation comments that start with prefix
// ("// want " or "// check ") and the function declarations of the corpus
// packages; a function with an expectation is flagged.
func expectations(pkgs []*packages.Package, prefix string) ([]*want, []*function, error) {
	var wants []*want
	var funcs []*function
	for _, pkg := range pkgs {
		for _, file := range pkg.Syntax {
			for _, cg := range file.Comments {
				for _, c := range cg.List {
					ws, err := parseExpectation(pkg.Fset.Position(c.Slash), c.Text, prefix)
					if err != nil {
						return nil, nil, err
					}
					wants = append(wants, ws...)
				}
			}
			for _, d := range file.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok {
					continue
				}
				start, end := pkg.Fset.Position(fd.Pos()), pkg.Fset.Position(fd.End())
				funcs = append(funcs, &function{name: pkg.Name + "." + funcName(fd), file: start.Filename, start: start.Line, end: end.Line})
			}
		}
	}
	for _, w := range wants {
		if f := enclosing(funcs, w.file, w.line); f != nil {
			f.flagged = true
		}
	}
	return wants, funcs, nil
}

func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return "(" + id.Name + ")." + fd.Name.Name
	}
	return fd.Name.Name
}

// parseWant reads `// want "re" "re"…` (Go string literals, interpreted or
// raw) from one comment.
func parseWant(posn token.Position, text string) ([]*want, error) {
	return parseExpectation(posn, text, "// want ")
}

// parseExpectation reads the regexps after prefix from one comment.
func parseExpectation(posn token.Position, text, prefix string) ([]*want, error) {
	rest, ok := strings.CutPrefix(text, prefix)
	if !ok {
		return nil, nil
	}
	var out []*want
	for rest = strings.TrimSpace(rest); rest != ""; rest = strings.TrimSpace(rest) {
		lit, err := strconv.QuotedPrefix(rest)
		if err != nil {
			return nil, fmt.Errorf("%s: malformed want comment %q: %w", posn, text, err)
		}
		rest = rest[len(lit):]
		s, _ := strconv.Unquote(lit)
		re, err := regexp.Compile(s)
		if err != nil {
			return nil, fmt.Errorf("%s: want regexp %q: %w", posn, s, err)
		}
		analyzer := "unsaferetry"
		if strings.Contains(s, "sent again") {
			analyzer = "resend"
		}
		out = append(out, &want{file: posn.Filename, line: posn.Line, re: re, analyzer: analyzer})
	}
	return out, nil
}

// match pairs findings with wants on the same line (first matching want
// wins) and returns the findings no want expects.
func match(findings []*finding, wants []*want) []*finding {
	var unexpected []*finding
	for _, f := range findings {
		for _, w := range wants {
			if !w.matched && w.file == f.posn.Filename && w.line == f.posn.Line && w.re.MatchString(f.message) {
				w.matched, f.matched = true, true
				break
			}
		}
		if !f.matched {
			unexpected = append(unexpected, f)
		}
	}
	return unexpected
}

// enclosing returns the function declared around file:line, or nil.
func enclosing(funcs []*function, file string, line int) *function {
	for _, f := range funcs {
		if f.file == file && f.start <= line && line <= f.end {
			return f
		}
	}
	return nil
}

// score is the per-function confusion matrix.
type score struct {
	tp, fp, fn, tn   int
	fpFuncs, fnFuncs []string
}

func (s score) precision() float64 {
	if s.tp+s.fp == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fp)
}

func (s score) recall() float64 {
	if s.tp+s.fn == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fn)
}

// scoreFunctions counts, per function, whether it has a finding and
// whether it should. A finding outside every function counts as a false
// positive of its own.
func scoreFunctions(funcs []*function, findings []*finding) score {
	var s score
	for _, f := range findings {
		if fn := enclosing(funcs, f.posn.Filename, f.posn.Line); fn != nil {
			fn.findings++
		} else {
			s.fp++
			s.fpFuncs = append(s.fpFuncs, f.posn.String())
		}
	}
	for _, f := range funcs {
		switch {
		case f.flagged && f.findings > 0:
			s.tp++
		case f.flagged:
			s.fn++
			s.fnFuncs = append(s.fnFuncs, f.name)
		case f.findings > 0:
			s.fp++
			s.fpFuncs = append(s.fpFuncs, f.name)
		default:
			s.tn++
		}
	}
	return s
}
