package resend

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/twice-lint/twice/analyzers/internal/model"
	"github.com/twice-lint/twice/analyzers/internal/mutation"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

//go:embed doc.go
var docSource string

// Analyzer is the resend analyzer with its default settings.
var Analyzer = New(model.Analyzer)

// New returns the resend analyzer reading the given model analyzer's result
// (m is built by model.New; the analyzers of one set share it).
func New(m *analysis.Analyzer) *analysis.Analyzer {
	return newAnalyzer(m, func(pass *analysis.Pass) sendClassifier { return classifierOf(pass, m) })
}

// newAnalyzer builds the analyzer with the given source of classifiers
// (tests substitute one whose verdicts they control).
func newAnalyzer(m *analysis.Analyzer, classify func(*analysis.Pass) sendClassifier) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "resend",
		Doc:      analyzerDoc(docSource),
		URL:      "https://github.com/twice-lint/twice#resend",
		Requires: []*analysis.Analyzer{m},
		Run: func(pass *analysis.Pass) (any, error) {
			if cls := classify(pass); cls != nil {
				c := newChecker(pass, cls)
				c.reportTests = reportsTests(pass, m)
				c.reportChecks = reportsChecks(pass, m)
				c.run()
			}
			return nil, nil
		},
	}
}

// sendClassifier is what resend needs of mutation.Classifier: which calls
// are non-idempotent writes, what idempotency evidence they carry, and
// what a write is for (JudgeCall, which tells the updates and the
// name-only writes reported only as checks: purposeCheck).
type sendClassifier interface {
	Call(call *ast.CallExpr) (mutation.Op, bool)
	Evidence(call *ast.CallExpr, scope ast.Node) mutation.Evidence
	JudgeCall(op mutation.Op, call *ast.CallExpr, encl *types.Func) mutation.Judgement
}

// reportsTests reports whether the model analyzer m was configured to
// report findings in _test.go files (-tests).
func reportsTests(pass *analysis.Pass, m *analysis.Analyzer) bool {
	r := modelOf(pass, m)
	return r != nil && r.ReportTests
}

// reportsChecks reports whether the model analyzer m was configured to
// report checks (-unsaferetry.confidence=low): only then are re-sent
// updates and calls judged writes by their names alone reported.
func reportsChecks(pass *analysis.Pass, m *analysis.Analyzer) bool {
	r := modelOf(pass, m)
	return r != nil && r.ReportChecks
}

// modelOf is the model analyzer m's result for pass, or nil.
func modelOf(pass *analysis.Pass, m *analysis.Analyzer) *model.Model {
	r, _ := pass.ResultOf[m].(*model.Model)
	return r
}

// isTestFile reports whether file is a _test.go file.
func (c *checker) isTestFile(file *ast.File) bool {
	return astpath.InTestFile(c.pass.Fset, file.Pos())
}

// classifierOf returns the classifier of the model analyzer m for pass
// (nil when the model could not be computed: the package is then skipped).
func classifierOf(pass *analysis.Pass, m *analysis.Analyzer) sendClassifier {
	if r := modelOf(pass, m); r != nil && r.Classifier != nil {
		return r.Classifier
	}
	return nil
}

// checker finds re-sends in one package.
type checker struct {
	pass     *analysis.Pass
	cls      sendClassifier
	funcs    map[*types.Func]*ast.FuncDecl
	suppress *suppressor
	// reportTests: _test.go files are checked too (-tests).
	reportTests bool
	// reportChecks: re-sends whose repeat may be harmless are reported,
	// worded as checks (-unsaferetry.confidence=low).
	reportChecks bool
	// encl is the declared function whose body (or closure) is judged.
	encl *types.Func
}

func newChecker(pass *analysis.Pass, cls sendClassifier) *checker {
	c := &checker{pass: pass, cls: cls, funcs: make(map[*types.Func]*ast.FuncDecl), suppress: newSuppressor(pass)}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					c.funcs[fn] = fd
				}
			}
		}
	}
	return c
}

func (c *checker) run() {
	for _, file := range c.pass.Files {
		// Findings in generated code cannot be acted on, and a test's
		// re-sends talk to test servers (unless -tests); resend exports
		// no facts, so skipping the file loses nothing else.
		if ast.IsGenerated(file) || !c.reportTests && c.isTestFile(file) {
			continue
		}
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || mutation.DeclaredIdempotent(fd.Doc) || docSilences(fd.Doc) {
				continue
			}
			self, _ := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			recv := receiverVar(self)
			c.encl = self
			c.function(file, fd.Body, self, recv)
			// Each closure is a function of its own: its sends are
			// judged against each other, not against the enclosing body.
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if lit, ok := n.(*ast.FuncLit); ok {
					c.function(file, lit.Body, nil, recv)
				}
				return true
			})
		}
	}
}

// send is one mutating call in a function body.
type send struct {
	call      *ast.CallExpr
	op        mutation.Op
	path      []ast.Node // from the function body down to call
	recursive bool       // a call of the enclosing function itself
}

// function judges the sends of one function body. self is the declared
// function (nil for a closure), whose recursive calls send again; recv is
// the receiver of the enclosing method (nil for a function).
func (c *checker) function(file *ast.File, body *ast.BlockStmt, self *types.Func, recv types.Object) {
	sends := c.collectSends(body, self)
	if len(sends) < 2 {
		return
	}
	args := newArgComparer(c.pass.TypesInfo, body, recv)
	flows := make(map[*ast.CallExpr]*flow)
	for j, second := range sends {
		for i := j - 1; i >= 0; i-- {
			first := sends[i]
			if !c.sameOperation(args, first, second) || first.call.End() > second.call.Pos() {
				continue
			}
			fl, ok := flows[first.call]
			if !ok {
				fl = newFlow(c.pass.TypesInfo, body, first.call)
				flows[first.call] = fl
			}
			if fl == nil {
				continue
			}
			if f, ok := c.judge(body, fl, first, second); ok {
				c.report(file, f)
				break // one diagnostic per re-send
			}
		}
	}
}

// collectSends lists the mutating calls of body in source order, not
// looking into closures.
func (c *checker) collectSends(body *ast.BlockStmt, self *types.Func) []send {
	var sends []send
	astpath.Walk(body, func(n ast.Node, path []ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		recursive := self != nil && calledFunc(c.pass.TypesInfo, call) == self
		op, mutating := c.cls.Call(call)
		if mutating || recursive {
			sends = append(sends, send{call: call, op: op, path: append([]ast.Node(nil), path...), recursive: recursive})
		}
		return true
	})
	if !hasPlainSend(sends) {
		return nil // only recursive calls: the function sends nothing itself
	}
	return sends
}

func hasPlainSend(sends []send) bool {
	for _, s := range sends {
		if !s.recursive {
			return true
		}
	}
	return false
}

// sameOperation reports whether second performs first's write again: the
// same operation identity with the same request (args.go), or a recursive
// call of the function that performs first.
func (c *checker) sameOperation(args *argComparer, first, second send) bool {
	if first.recursive {
		return false
	}
	if second.recursive {
		return !countsAttempts(second.call) && !dropsParameter(c.pass.TypesInfo, second.call)
	}
	return first.op.Identity != "" && first.op.Identity == second.op.Identity &&
		args.sends(first.call, second.call) != different && !c.drainsReader(first.call, second.call)
}

// receiverVar is the receiver of method fn (nil for functions).
func receiverVar(fn *types.Func) types.Object {
	if fn == nil {
		return nil
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		return sig.Recv()
	}
	return nil
}

// countsAttempts reports whether a recursive call passes a counter on
// (attempt+1, retries-1): recursion with an attempts counter is a retry,
// which unsaferetry judges.
func countsAttempts(call *ast.CallExpr) bool {
	for _, arg := range call.Args {
		if b, ok := ast.Unparen(arg).(*ast.BinaryExpr); ok && (b.Op == token.ADD || b.Op == token.SUB) {
			if _, ok := ast.Unparen(b.Y).(*ast.BasicLit); ok {
				return true
			}
		}
	}
	return false
}

// calledFunc is the function or method call calls statically, if any.
func calledFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	var id *ast.Ident
	switch fn := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = fn
	case *ast.SelectorExpr:
		id = fn.Sel
	case *ast.IndexExpr: // generic instantiation f[T](…)
		id = identOf(fn.X)
	}
	if id == nil {
		return nil
	}
	f, _ := info.Uses[id].(*types.Func)
	if f == nil {
		return nil
	}
	return f.Origin()
}

func (c *checker) report(file *ast.File, f finding) {
	second := f.second
	if c.suppress.silenced(file, second.call, statements(second.path)) {
		return
	}
	op, opCall := second.op, second.call
	recursiveIn := ""
	if second.recursive {
		op, opCall = f.first.op, f.first.call
		if fn := calledFunc(c.pass.TypesInfo, second.call); fn != nil {
			recursiveIn = fn.Name()
		}
	}
	check, ok := c.purposeCheck(op, opCall)
	if !ok {
		return
	}
	line := c.pass.Fset.Position(f.looked.pos).Line
	what := describe(f.looked, f.statuses)
	c.pass.Report(analysis.Diagnostic{
		Pos:     second.call.Pos(),
		End:     second.call.End(),
		Message: message(op, recursiveIn, what, line, check),
		URL:     "https://github.com/twice-lint/twice#resend",
		Related: []analysis.RelatedInformation{
			{Pos: f.first.call.Pos(), End: f.first.call.End(), Message: "first send of " + opName(f.first.op)},
			{Pos: f.looked.pos, Message: "response inspected here: " + what},
		},
	})
}

// purposeCheck judges what the re-sent write is for, as unsaferetry does,
// for the two kinds a repeat usually leaves harmless: an update (a PATCH
// sets the fields it carries, again to the same values) and a call that
// only its name calls a write. Those are reported only at
// -unsaferetry.confidence=low, with what to check; every other re-sent
// write is reported (the PowerJob client's saveJob is a POST whose purpose
// the path does not say).
func (c *checker) purposeCheck(op mutation.Op, call *ast.CallExpr) (check string, report bool) {
	j := c.cls.JudgeCall(op, call, c.encl)
	if j.Update != "" || op.Primitive() == mutation.KindVerb && !j.Certain() {
		return j.Check(), c.reportChecks
	}
	return "", true
}

func opName(op mutation.Op) string {
	if op.Desc != "" {
		return op.Desc
	}
	return "the request"
}

// statements returns the statements on path, outermost first.
func statements(path []ast.Node) []ast.Node {
	var out []ast.Node
	for _, n := range path {
		if _, ok := n.(ast.Stmt); ok {
			if _, block := n.(*ast.BlockStmt); !block {
				out = append(out, n)
			}
		}
	}
	return out
}

// analyzerDoc extracts the analyzer's documentation from doc.go's package
// comment: the text after the "# Analyzer resend" heading, without the
// comment markers.
func analyzerDoc(src string) string {
	_, after, ok := strings.Cut(src, "# Analyzer resend")
	if !ok {
		return "report non-idempotent requests sent again after their response was inspected"
	}
	var lines []string
	_, after, _ = strings.Cut(after, "\n") // the rest of the heading line
	for _, l := range strings.Split(after, "\n") {
		if !strings.HasPrefix(l, "//") {
			break
		}
		l = strings.TrimPrefix(l, "//")
		l = strings.TrimPrefix(l, " ")
		lines = append(lines, l)
	}
	text := strings.TrimSpace(strings.Join(lines, "\n"))
	return strings.TrimPrefix(text, "resend: ")
}
