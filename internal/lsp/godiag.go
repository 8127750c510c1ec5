package lsp

import (
	"context"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/twice-lint/twice/analyzers"
	"github.com/twice-lint/twice/internal/runner"
)

// goChecker analyzes saved Go files' packages, and the packages of the same
// module that import them, in one background goroutine. A save that
// arrives during a run cancels it; the next run covers the files of both.
type goChecker struct {
	s    *Server
	kick chan struct{}

	mu      sync.Mutex
	pending map[string]bool // files to analyze
	current []string        // files of the running run
	running context.Context // the running run's context
	cancel  context.CancelFunc
}

func newGoChecker(s *Server) *goChecker {
	g := &goChecker{s: s, kick: make(chan struct{}, 1), pending: map[string]bool{}}
	s.wg.Add(1)
	go g.worker()
	return g
}

// start is called once the client is initialized; nothing to do yet (Go
// files are analyzed when opened or saved).
func (g *goChecker) start() {}

// enqueue asks for an analysis of file's package and cancels a run in
// progress (it is superseded).
func (g *goChecker) enqueue(file string) {
	g.mu.Lock()
	g.pending[file] = true
	if g.cancel != nil {
		g.cancel()
	}
	g.mu.Unlock()
	select {
	case g.kick <- struct{}{}:
	default:
	}
}

// rerunOpen analyzes the open Go files again (the settings changed).
func (g *goChecker) rerunOpen() {
	for _, p := range g.s.docs.paths(isGoFile) {
		g.enqueue(p)
	}
}

func (g *goChecker) worker() {
	defer g.s.wg.Done()
	for {
		select {
		case <-g.s.ctx.Done():
			return
		case <-g.kick:
		}
		g.mu.Lock()
		files := make([]string, 0, len(g.pending))
		for f := range g.pending {
			files = append(files, f)
		}
		sort.Strings(files)
		g.pending = map[string]bool{}
		ctx, cancel := context.WithCancel(g.s.ctx)
		g.current, g.running, g.cancel = files, ctx, cancel
		g.mu.Unlock()

		err := g.runGuarded(ctx, files)

		g.mu.Lock()
		if err != nil && ctx.Err() != nil && g.s.ctx.Err() == nil {
			// Superseded: the next run covers these files too.
			for _, f := range files {
				g.pending[f] = true
			}
		}
		g.current, g.running, g.cancel = nil, nil, nil
		g.mu.Unlock()
		cancel()
	}
}

func (g *goChecker) runGuarded(ctx context.Context, files []string) (err error) {
	defer g.s.recoverTo(nil)
	return g.run(ctx, files)
}

// run analyzes the packages of files, module by module. It returns the
// context's error when it was cancelled (nothing is published then).
func (g *goChecker) run(ctx context.Context, files []string) error {
	byModule := map[string][]string{}
	for _, f := range files {
		root, ok := moduleRoot(f)
		if !ok {
			g.s.logf("%s: no go.mod above it; not analyzed", f)
			continue
		}
		byModule[root] = append(byModule[root], f)
	}
	roots := make([]string, 0, len(byModule))
	for r := range byModule {
		roots = append(roots, r)
	}
	sort.Strings(roots)
	for _, root := range roots {
		if err := g.runModule(ctx, root, byModule[root]); err != nil {
			return err
		}
	}
	return nil
}

func (g *goChecker) runModule(ctx context.Context, root string, files []string) error {
	patterns, err := affectedPackages(ctx, root, files)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		g.s.showError("twice: listing the packages of %s: %v", root, err)
		return nil
	}
	if len(patterns) == 0 {
		return nil // e.g. a file excluded by build tags
	}
	end := g.s.beginProgress(ctx, fmt.Sprintf("twice: analyzing %d package(s)", len(patterns)))
	st := g.s.currentSettings()
	graph, pkgErrs, err := runner.Analyze(patterns, analyzers.New(st.analyzerSettings()), runner.Options{Dir: root, Tests: true, Context: ctx})
	if ctx.Err() != nil {
		end("cancelled")
		return ctx.Err()
	}
	end("done")
	for _, e := range pkgErrs {
		g.s.logf("%s", e) // the editor's Go server shows these
	}
	if err != nil {
		g.s.showError("twice: %v", err)
		return nil
	}
	diags, scope := goDiagnostics(graph, st, g.s.docs)
	g.s.diags.replace("go", diags, scope, files)
	return nil
}

// moduleRoot is the directory of the go.mod that governs file.
func moduleRoot(file string) (string, bool) {
	dir := filepath.Dir(file)
	for {
		if info, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && info.Mode().IsRegular() {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// affectedPackages lists the module's packages (names and imports only)
// and returns, as load patterns, the packages that hold files and every
// package of the module that imports them, directly or not: their findings
// may change with the facts the saved package exports.
func affectedPackages(ctx context.Context, root string, files []string) ([]string, error) {
	cfg := &packages.Config{
		Mode:    packages.NeedName | packages.NeedFiles | packages.NeedImports,
		Tests:   true,
		Dir:     root,
		Context: ctx,
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, f := range files {
		want[filepath.Clean(f)] = true
	}
	importers := map[string][]*packages.Package{} // imported ID -> importers
	var queue []*packages.Package
	for _, p := range pkgs {
		for _, imp := range p.Imports {
			importers[imp.ID] = append(importers[imp.ID], p)
		}
		for _, f := range p.GoFiles {
			if want[filepath.Clean(f)] {
				queue = append(queue, p)
				break
			}
		}
	}
	seen := map[string]bool{}
	patterns := map[string]bool{}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if seen[p.ID] {
			continue
		}
		seen[p.ID] = true
		if !strings.HasSuffix(p.ID, ".test") { // not the generated test main
			patterns[strings.TrimSuffix(p.PkgPath, "_test")] = true
		}
		queue = append(queue, importers[p.ID]...)
	}
	out := make([]string, 0, len(patterns))
	for p := range patterns {
		out = append(out, p)
	}
	sort.Strings(out)
	return out, nil
}

// goDiagnostics converts the root actions' diagnostics by file. scope is
// every file of the analyzed packages: their old diagnostics are replaced.
// A file in several packages (a package and its test variant) gets each
// diagnostic once.
func goDiagnostics(graph *checker.Graph, st settings, docs *documents) (map[string][]diagnostic, []string) {
	files := newTextCache(docs)
	out := map[string][]diagnostic{}
	inScope := map[string]bool{}
	type key struct {
		pos      token.Position
		analyzer string
		message  string
	}
	seen := map[key]bool{}
	loc := func(fset *token.FileSet, pos, end token.Pos) (string, location) {
		p, e := fset.Position(pos), fset.Position(end)
		li := files.index(p.Filename)
		r := lspRange{Start: li.position(p.Line, p.Column)}
		r.End = r.Start
		if e.IsValid() && e.Filename == p.Filename && e.Offset > p.Offset {
			r.End = li.position(e.Line, e.Column)
		}
		return p.Filename, location{URI: docs.uriOf(p.Filename), Range: r}
	}
	for _, act := range graph.Roots {
		for _, f := range act.Package.CompiledGoFiles {
			inScope[f] = true
		}
		if act.Err != nil {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			k := key{fset.Position(d.Pos), act.Analyzer.Name, d.Message}
			if seen[k] || !k.pos.IsValid() {
				continue
			}
			seen[k] = true
			path, at := loc(fset, d.Pos, d.End)
			diag := diagnostic{
				Range:           at.Range,
				Severity:        st.severity("warning"),
				Code:            act.Analyzer.Name,
				CodeDescription: &codeDescription{Href: helpBase + act.Analyzer.Name},
				Source:          "twice",
				Message:         d.Message,
			}
			for _, rel := range d.Related {
				_, rloc := loc(fset, rel.Pos, rel.End)
				diag.RelatedInformation = append(diag.RelatedInformation, relatedInformation{Location: rloc, Message: rel.Message})
			}
			out[path] = append(out[path], diag)
		}
	}
	scope := make([]string, 0, len(inScope))
	for f := range inScope {
		scope = append(scope, f)
	}
	sort.Strings(scope)
	return out, scope
}
