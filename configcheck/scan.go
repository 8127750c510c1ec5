package configcheck

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"

	"github.com/twice-lint/twice/configcheck/internal/walk"
	"github.com/twice-lint/twice/configcheck/manifest"
	"github.com/twice-lint/twice/configcheck/source"
)

// DefaultMaxFileSize is the size cap: larger files are reported as skipped.
const DefaultMaxFileSize = 4 << 20

// Options configure a Scan. The zero value is ready to use.
type Options struct {
	// WorkDir is the directory printed paths are relative to; "" means the
	// process's working directory.
	WorkDir string
	// MaxFileSize caps the size of a file that is read; 0 means
	// DefaultMaxFileSize.
	MaxFileSize int64
	// Workers is the number of parallel parsers; 0 means GOMAXPROCS.
	Workers int
	// Exclude are globs (.gitignore syntax) of paths not to read, matched
	// against paths relative to WorkDir; a pattern without "/" matches a
	// name at any depth.
	Exclude []string
	// NoIgnore reads files that the repository's .gitignore files ignore.
	NoIgnore bool
	// IncludeTestdata reads directories named testdata below a scan root
	// (test fixtures, skipped by default as the go command does).
	IncludeTestdata bool
	// Progress, when set, is called after each file is read with the number
	// of files read so far. It is called from one goroutine at a time.
	Progress func(filesRead int)
	// parseAll turns lazy parsing off (tests compare both ways).
	parseAll bool
}

func (o Options) withDefaults() (Options, error) {
	if o.WorkDir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return o, fmt.Errorf("configcheck: working directory: %w", err)
		}
		o.WorkDir = wd
	}
	abs, err := filepath.Abs(o.WorkDir)
	if err != nil {
		return o, fmt.Errorf("configcheck: working directory: %w", err)
	}
	o.WorkDir = abs
	if o.MaxFileSize <= 0 {
		o.MaxFileSize = DefaultMaxFileSize
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	return o, nil
}

// Scan walks roots (default "."), reads the config, build and deployment
// files it finds, and applies the config rules. Malformed or unreadable files
// become Report.Errors; the scan goes on. The returned error is non-nil only
// when the scan itself could not run (cancelled context, no working
// directory).
func Scan(ctx context.Context, roots []string, opts Options) (*Report, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	roots = absRoots(roots, opts.WorkDir)
	facts, problems, err := collect(ctx, roots, opts)
	if err != nil {
		return nil, err
	}
	report := &Report{FilesScanned: len(facts), Errors: problems}
	inv := newInventory(facts, report, fileAccess{workDir: opts.WorkDir, roots: realPaths(roots), maxSize: opts.MaxFileSize})
	report.Findings, report.Counts = check(inv)
	applySuppressions(report, inv.files)
	report.sort()
	return report, nil
}

// realPaths resolves symlinks in the roots (a root that does not resolve is
// dropped: it was reported by the walk).
func realPaths(roots []string) []string {
	var out []string
	for _, r := range roots {
		if real, err := filepath.EvalSymlinks(r); err == nil {
			out = append(out, real)
		}
	}
	return out
}

// job is one file to read, numbered in walk order so that results can be
// put back in that order whatever worker finishes first.
type job struct {
	seq  int
	file walk.File
	kind fileKind
}

type result struct {
	seq   int
	facts fileFacts
	// tooLarge: the reader found the file above the size cap. It is a
	// problem of the walk, as when the walk measures sizes itself (not a
	// file read).
	tooLarge bool
}

// collect walks and parses in parallel. The walker feeds a bounded channel,
// so only the files being parsed are in memory; each worker keeps the facts
// and drops the bytes.
func collect(ctx context.Context, roots []string, opts Options) ([]fileFacts, []InputError, error) {
	jobs := make(chan job, opts.Workers*4)
	results := make(chan result, opts.Workers*4)
	var problems []InputError
	var walkErr error
	go func() {
		defer close(jobs)
		seq := 0
		walkOpts := opts.walkOptions()
		walkOpts.SizeByReader = true // readFile checks the size on the handle
		walkErr = walk.Walk(ctx, roots, walkOpts, func(f walk.File) {
			jobs <- job{seq: seq, file: f, kind: kindByName(f.Path)}
			seq++
		}, func(p walk.Problem) {
			problems = append(problems, InputError{Message: p.Msg, Location: locationOf(source.Pos{File: p.Path})})
		})
	}()
	var wg sync.WaitGroup
	for range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				facts, tooLarge := readAndParse(j, opts.MaxFileSize, opts.parseAll)
				results <- result{seq: j.seq, facts: facts, tooLarge: tooLarge}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var facts []fileFacts
	var tooLarge []int // seqs of files above the size cap
	done := 0
	for r := range results {
		if r.seq >= len(facts) {
			facts = slices.Grow(facts, r.seq+1-len(facts))[:r.seq+1]
		}
		facts[r.seq] = r.facts
		if r.tooLarge {
			tooLarge = append(tooLarge, r.seq)
		}
		done++
		if opts.Progress != nil {
			opts.Progress(done)
		}
	}
	// The walker goroutine has finished: jobs is closed before results.
	if walkErr != nil {
		return nil, nil, fmt.Errorf("configcheck: scan: %w", walkErr)
	}
	if len(tooLarge) > 0 {
		slices.Sort(tooLarge)
		for i := len(tooLarge) - 1; i >= 0; i-- {
			problems = append(problems, facts[tooLarge[i]].errs...)
			facts = slices.Delete(facts, tooLarge[i], tooLarge[i]+1)
		}
	}
	return facts, problems, nil
}

// readAndParse reads one file (bounded by maxSize) and parses it; tooLarge
// reports a file above the cap, whose facts hold only that problem.
func readAndParse(j job, maxSize int64, parseAll bool) (ff fileFacts, tooLarge bool) {
	data, err := readFile(j.file.OSPath, maxSize)
	if err != nil {
		var big *tooLargeError
		return fileFacts{path: j.file.Path, errs: []InputError{{Message: err.Error(), Location: locationOf(source.Pos{File: j.file.Path})}}}, errors.As(err, &big)
	}
	if !parseAll && !mattersAlone(j.file.Path, j.kind, data) {
		return deferredFacts(j.file.Path, j.file.OSPath, j.kind, data), false
	}
	ff = parseFile(j.file.Path, j.kind, data)
	if ff.manifest != nil {
		// Parsed here, by one of the parallel readers, rather than
		// serially when the inventory adds it to the project.
		ff.parsed, ff.manifestErr = manifest.ParseFile(ff.path, ff.manifest)
		ff.manifest = nil
	}
	return ff, false
}

// unwrapPath drops the path from an *os.PathError (it is printed anyway).
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
