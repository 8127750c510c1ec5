package lsp

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"

	"github.com/twice-lint/twice/configcheck"
)

// helpBase is where each rule's and analyzer's documentation lives; the ID
// is the anchor.
const helpBase = "https://github.com/twice-lint/twice#"

// configChecker re-checks the workspace folders' config files in one
// background goroutine. Requests made while a check runs are coalesced into
// one more check, which reads the buffers as they are then.
type configChecker struct {
	s    *Server
	kick chan struct{}

	mu      sync.Mutex
	folders []*configFolder
	force   []string // documents waiting for an answer
	dirty   bool
	running bool
	idle    *sync.Cond // signalled when a check finishes and none is pending
	first   bool       // the next check is the first: report progress
}

type configFolder struct {
	root string
	ws   *configcheck.Workspace
}

func newConfigChecker(s *Server) *configChecker {
	c := &configChecker{s: s, kick: make(chan struct{}, 1), first: true}
	c.idle = sync.NewCond(&c.mu)
	s.wg.Add(1)
	go c.worker()
	return c
}

func (c *configChecker) setFolders(roots []string) error {
	var folders []*configFolder
	for _, r := range roots {
		ws, err := configcheck.NewWorkspace(nil, configcheck.Options{WorkDir: r})
		if err != nil {
			return fmt.Errorf("workspace folder %s: %w", r, err)
		}
		folders = append(folders, &configFolder{root: r, ws: ws})
	}
	c.mu.Lock()
	c.folders = folders
	c.mu.Unlock()
	return nil
}

// start runs the first check of every folder.
func (c *configChecker) start() { c.request(nil) }

// request asks for a check; force lists documents to publish even when
// their diagnostics did not change.
func (c *configChecker) request(force []string) {
	c.mu.Lock()
	c.dirty = true
	c.force = append(c.force, force...)
	c.mu.Unlock()
	select {
	case c.kick <- struct{}{}:
	default: // a check is already queued; it will see this request
	}
}

// invalidate makes the next check walk the folders again (files were
// created, deleted or renamed) and requests it.
func (c *configChecker) invalidate() {
	c.mu.Lock()
	for _, f := range c.folders {
		f.ws.Invalidate()
	}
	c.mu.Unlock()
	c.request(nil)
}

// wait blocks until no check is running or pending.
func (c *configChecker) wait() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for c.dirty || c.running {
		c.idle.Wait()
	}
}

func (c *configChecker) worker() {
	defer c.s.wg.Done()
	for {
		select {
		case <-c.s.ctx.Done():
			c.mu.Lock()
			c.dirty, c.running = false, false
			c.idle.Broadcast()
			c.mu.Unlock()
			return
		case <-c.kick:
		}
		c.mu.Lock()
		force, folders, first := c.force, c.folders, c.first
		c.force, c.dirty, c.running, c.first = nil, false, true, false
		c.mu.Unlock()
		c.runGuarded(folders, force, first)
		c.mu.Lock()
		c.running = false
		if !c.dirty {
			c.idle.Broadcast()
		}
		c.mu.Unlock()
	}
}

// runGuarded is run with a panic turned into a message: the worker lives on.
func (c *configChecker) runGuarded(folders []*configFolder, force []string, first bool) {
	defer c.s.recoverTo(nil)
	c.run(c.s.ctx, folders, force, first)
}

// run checks every folder with the open buffers and publishes.
func (c *configChecker) run(ctx context.Context, folders []*configFolder, force []string, first bool) {
	if len(folders) == 0 {
		return
	}
	end := func(string) {}
	if first {
		end = c.s.beginProgress(ctx, "twice: checking config files")
	}
	defer func() { end("done") }()
	st := c.s.currentSettings()
	overlay := c.s.docs.overlay(isConfigFile)
	for _, f := range folders {
		report, err := f.ws.Check(ctx, overlay)
		if err != nil {
			if ctx.Err() == nil {
				c.s.showError("twice: checking %s: %v", f.root, err)
			}
			return
		}
		diags := configDiagnostics(f.root, report, st, c.s.docs)
		c.s.diags.replace("config "+f.root, diags, nil, inFolder(force, f.root))
	}
}

// inFolder keeps the paths under root.
func inFolder(paths []string, root string) []string {
	var out []string
	for _, p := range paths {
		if rel, err := filepath.Rel(root, p); err == nil && filepath.IsLocal(rel) {
			out = append(out, p)
		}
	}
	return out
}

func isConfigFile(path string) bool { return configcheck.Reads(path) }

// configDiagnostics converts a report into diagnostics by absolute path.
// Input errors (a file that does not parse) are diagnostics too, at
// severity error and without a rule code.
func configDiagnostics(root string, r *configcheck.Report, st settings, docs *documents) map[string][]diagnostic {
	files := newTextCache(docs)
	out := map[string][]diagnostic{}
	loc := func(l configcheck.Location) (string, location) {
		path := absUnder(root, l.Path)
		li := files.index(path)
		start := li.position(l.Line, l.Column)
		end := li.lineEnd(l.Line)
		if end.Character <= start.Character {
			end = start
		}
		return path, location{URI: docs.uriOf(path), Range: lspRange{Start: start, End: end}}
	}
	for _, f := range r.Findings {
		path, at := loc(f.Location)
		d := diagnostic{
			Range:           at.Range,
			Severity:        st.severity(string(f.Severity)),
			Code:            f.Rule,
			CodeDescription: &codeDescription{Href: ruleHelp(f.Rule)},
			Source:          "twice",
			Message:         f.Message,
		}
		for _, rel := range f.Related {
			_, rloc := loc(rel.Location)
			d.RelatedInformation = append(d.RelatedInformation, relatedInformation{Location: rloc, Message: rel.Message})
		}
		out[path] = append(out[path], d)
	}
	for _, e := range r.Errors {
		path, at := loc(e.Location)
		out[path] = append(out[path], diagnostic{
			Range:    at.Range,
			Severity: severityError,
			Source:   "twice",
			Message:  "twice config cannot read this file: " + e.Message,
		})
	}
	return out
}

func ruleHelp(id string) string {
	if r, ok := configcheck.RuleByID(id); ok && r.HelpURI != "" {
		return r.HelpURI
	}
	return helpBase + id
}

// absUnder turns a report path (slash-separated, relative to root) into an
// absolute path.
func absUnder(root, p string) string {
	p = filepath.FromSlash(p)
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(root, p)
}

// textCache gives the line index of files, from the open buffers or else
// from disk, each read once per use.
type textCache struct {
	docs  *documents
	files map[string]*lineIndex
}

func newTextCache(docs *documents) *textCache {
	return &textCache{docs: docs, files: map[string]*lineIndex{}}
}

// maxTextSize bounds what is read to convert positions (the checkers cap
// file sizes lower).
const maxTextSize = 16 << 20

func (c *textCache) index(path string) *lineIndex {
	if li, ok := c.files[path]; ok {
		return li
	}
	text, ok := c.docs.text(path)
	if !ok {
		// Not Stat then ReadFile: the path may have become a FIFO since.
		text, _ = configcheck.ReadRegularFile(path, maxTextSize)
	}
	li := newLineIndex(text)
	c.files[path] = li
	return li
}
