package configcheck

import (
	"context"
	"fmt"
	"hash/maphash"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/twice-lint/twice/configcheck/internal/walk"
	"github.com/twice-lint/twice/configcheck/manifest"
	"github.com/twice-lint/twice/configcheck/source"
)

// Workspace checks the same roots again and again — on every edit, in the
// language server — keeping each file's parse result until the file
// changes. A check re-parses only the files whose contents changed, then
// resolves the build manifests and re-evaluates the rules over all files
// (both cheap next to parsing). The file list is walked once and again only
// after Invalidate. A Workspace is safe for concurrent use; checks run one
// at a time.
type Workspace struct {
	roots []string // absolute
	opts  Options  // defaults applied

	mu       sync.Mutex
	walked   bool
	files    []walk.File
	problems []InputError // from the walk
	cache    map[string]*parsedFile
	seed     maphash.Seed
}

// stamp tells whether a cached parse still matches the file: size and
// modification time on disk, or a hash of an editor buffer's contents.
type stamp struct {
	size   int64
	mod    time.Time
	sum    uint64
	buffer bool
}

// parsedFile is one file's cached parse result.
type parsedFile struct {
	stamp    stamp
	facts    fileFacts         // manifest bytes dropped
	manifest *manifest.Project // the file's own manifest part, if it is one
	mErr     error             // manifest parse error
}

// Reads reports whether a check reads the file at path (judged by name;
// Kubernetes manifests are any .yml/.yaml file).
func Reads(path string) bool { return kindByName(filepath.ToSlash(path)) != kindNone }

// NewWorkspace prepares repeated checks of roots (default "."), relative to
// opts.WorkDir (Progress is not called).
func NewWorkspace(roots []string, opts Options) (*Workspace, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	return &Workspace{roots: absRoots(roots, opts.WorkDir), opts: opts, cache: map[string]*parsedFile{}, seed: maphash.MakeSeed()}, nil
}

// absRoots resolves the scan roots (default ".") against workDir, like the
// printed paths.
func absRoots(roots []string, workDir string) []string {
	if len(roots) == 0 {
		roots = []string{"."}
	}
	abs := make([]string, len(roots))
	for i, r := range roots {
		abs[i] = r
		if !filepath.IsAbs(r) {
			abs[i] = filepath.Join(workDir, r)
		}
	}
	return abs
}

// WorkDir is the directory the report's paths are relative to.
func (w *Workspace) WorkDir() string { return w.opts.WorkDir }

// Invalidate makes the next Check walk the roots again: call it when files
// were created, deleted or renamed.
func (w *Workspace) Invalidate() {
	w.mu.Lock()
	w.walked = false
	w.mu.Unlock()
}

// Check checks the workspace. overlay holds unsaved editor buffers by
// absolute path; they replace the files' contents on disk (a buffer for a
// file that the walk did not find is not read). The report is what Scan
// would give for the same contents.
func (w *Workspace) Check(ctx context.Context, overlay map[string][]byte) (*Report, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.walked {
		if err := w.walk(ctx); err != nil {
			return nil, err
		}
	}
	buffers := displayKeys(w.opts.WorkDir, overlay)
	report := &Report{Errors: slices.Clone(w.problems), FilesScanned: len(w.files)}
	facts := make([]fileFacts, 0, len(w.files))
	project := manifest.NewProject()
	live := make(map[string]bool, len(w.files))
	for _, f := range w.files {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("configcheck: check: %w", err)
		}
		pf := w.parsed(f, buffers)
		live[f.Path] = true
		facts = append(facts, pf.facts)
		if pf.manifest != nil {
			project.Merge(pf.manifest)
		}
		if pf.mErr != nil {
			report.Errors = append(report.Errors, inputErrorOf(f.Path, pf.mErr))
		}
	}
	for p := range w.cache {
		if !live[p] {
			delete(w.cache, p) // deleted or renamed: do not keep it alive
		}
	}
	files := fileAccess{workDir: w.opts.WorkDir, roots: realPaths(w.roots), maxSize: w.opts.MaxFileSize, buffers: buffers}
	inv := newInventoryWith(facts, report, files, project)
	report.Findings, report.Counts = check(inv)
	applySuppressions(report, inv.files)
	report.sort()
	return report, nil
}

func (w *Workspace) walk(ctx context.Context) error {
	w.files, w.problems = nil, nil
	walkOpts := w.opts.walkOptions()
	err := walk.Walk(ctx, w.roots, walkOpts, func(f walk.File) {
		w.files = append(w.files, f)
	}, func(p walk.Problem) {
		w.problems = append(w.problems, InputError{Message: p.Msg, Location: locationOf(source.Pos{File: p.Path})})
	})
	if err != nil {
		return fmt.Errorf("configcheck: scan: %w", err)
	}
	w.walked = true
	return nil
}

// parsed returns f's parse result, from the cache while its stamp matches.
func (w *Workspace) parsed(f walk.File, buffers map[string][]byte) *parsedFile {
	buf, isBuffer := buffers[f.Path]
	var st stamp
	if isBuffer {
		st = stamp{size: int64(len(buf)), sum: maphash.Bytes(w.seed, buf), buffer: true}
	} else if info, err := os.Stat(f.OSPath); err == nil {
		st = stamp{size: info.Size(), mod: info.ModTime()}
	}
	if pf := w.cache[f.Path]; pf != nil && pf.stamp == st && st != (stamp{}) {
		return pf
	}
	pf := &parsedFile{stamp: st}
	data, err := buf, error(nil)
	switch {
	case !isBuffer:
		data, err = readFile(f.OSPath, w.opts.MaxFileSize)
	case int64(len(buf)) > w.opts.MaxFileSize:
		err = fmt.Errorf("skipped: file is larger than %d bytes", w.opts.MaxFileSize)
	}
	if err != nil {
		pf.facts = fileFacts{path: f.Path, errs: []InputError{{Message: err.Error(), Location: locationOf(source.Pos{File: f.Path})}}}
	} else {
		pf.facts = parseFile(f.Path, kindByName(f.Path), data)
	}
	if pf.facts.manifest != nil {
		pf.manifest, pf.mErr = manifest.ParseFile(f.Path, pf.facts.manifest)
		pf.facts.manifest = nil
	}
	w.cache[f.Path] = pf
	return pf
}

// displayKeys re-keys buffers by display path (slash-separated, relative to
// workDir), the form the walk gives.
func displayKeys(workDir string, overlay map[string][]byte) map[string][]byte {
	if len(overlay) == 0 {
		return nil
	}
	out := make(map[string][]byte, len(overlay))
	for p, data := range overlay {
		out[displayPathOf(workDir, p)] = data
	}
	return out
}

func displayPathOf(workDir, p string) string {
	if rel, err := filepath.Rel(workDir, p); err == nil { // as the walk does
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(p)
}
