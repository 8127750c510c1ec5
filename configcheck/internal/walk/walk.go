// Package walk finds the files the config checker reads under a set of scan
// roots. It owns the safety rules for the file system: which directories are
// skipped, how symbolic links are treated, and the size cap.
//
// Symbolic links: a link to a regular file that stays inside the scan root is
// read (through its resolved path); a link to a directory is never descended,
// and a link that leaves the root, dangles or loops is ignored. This keeps a
// scan finite (no loops) and inside the tree the user named.
package walk

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// File is one file to read.
type File struct {
	// OSPath is the path to open (a resolved path for a symlinked file).
	OSPath string
	// Path is the display path: slash-separated and relative to the working
	// directory (or absolute when no relative form exists).
	Path string
}

// Problem is a file or root that could not be walked or is skipped for a
// reason the user should hear about (missing root, unreadable directory,
// oversized file).
type Problem struct {
	Path string // display path
	Msg  string
}

// Options configure a walk.
type Options struct {
	// WorkDir is the directory display paths are relative to (absolute).
	WorkDir string
	// MaxSize is the largest file reported through File; larger wanted files
	// become a Problem.
	MaxSize int64
	// Want reports whether a file (display path) is worth reading.
	Want func(path string) bool
	// WantName, when set, is a cheaper test on the base name alone that
	// must accept every name Want may accept: files it refuses are dropped
	// before their display path is computed (most files of a repository).
	WantName func(name string) bool
	// Exclude are globs in .gitignore syntax matched against display paths
	// (relative to WorkDir); a matching directory is not descended.
	Exclude []string
	// NoIgnore reads files that .gitignore files ignore.
	NoIgnore bool
	// IncludeTestdata descends directories named testdata, which hold test
	// fixtures (the go command skips them too).
	IncludeTestdata bool
	// SizeByReader says the caller's reader measures every file on the
	// handle it opens and reports an oversized one with TooLarge, so the
	// walk does not stat each file: the reader's fstat is needed anyway
	// (to check the type of what it opened), and the walk is the serial
	// part of a scan.
	SizeByReader bool
}

// TooLarge is the problem reported for a wanted file above the size cap.
func TooLarge(maxSize, size int64) string {
	return fmt.Sprintf("skipped: file is larger than %s (%d bytes)", formatSize(maxSize), size)
}

// ValidateExcludes reports the first malformed -exclude glob.
func ValidateExcludes(globs []string) error {
	_, err := compileExcludes("", globs)
	return err
}

// skippedDirs are never descended: VCS metadata, dependency caches and IDE
// state hold no deployment config of the project itself, and can be huge.
var skippedDirs = map[string]bool{
	".git": true, "node_modules": true, "vendor": true, ".gradle": true, ".idea": true,
	".svn": true, ".hg": true,
}

// Walk visits every wanted file under roots, in lexical order per root, and
// reports problems. It stops early only when ctx is cancelled.
func Walk(ctx context.Context, roots []string, opts Options, visit func(File), problem func(Problem)) error {
	for _, root := range roots {
		if err := walkRoot(ctx, root, opts, visit, problem); err != nil {
			return err
		}
	}
	return nil
}

func walkRoot(ctx context.Context, root string, opts Options, visit func(File), problem func(Problem)) error {
	absRoot, err := filepath.Abs(root)
	if err != nil {
		problem(Problem{Path: filepath.ToSlash(root), Msg: fmt.Sprintf("cannot resolve path: %v", err)})
		return nil
	}
	disp := func(p string) string { return displayPath(opts.WorkDir, p) }
	if _, err := os.Stat(absRoot); err != nil {
		problem(Problem{Path: disp(absRoot), Msg: describeOSError(err)})
		return nil
	}
	// Walk the resolved root so that a root given through a symlink works,
	// but print paths under the name the user gave.
	realRoot, err := filepath.EvalSymlinks(absRoot)
	if err != nil {
		problem(Problem{Path: disp(absRoot), Msg: describeOSError(err)})
		return nil
	}
	shown := func(p string) string {
		if realRoot == absRoot {
			return disp(p) // the root is no symlink: nothing to map back
		}
		rel, err := filepath.Rel(realRoot, p)
		if err != nil {
			return disp(p)
		}
		return disp(filepath.Join(absRoot, rel))
	}
	exclude, err := compileExcludes(opts.WorkDir, opts.Exclude)
	if err != nil {
		return err
	}
	w := walker{opts: opts, realRoot: realRoot, shown: shown, visit: visit, problem: problem, exclude: exclude}
	var chain ignoreChain
	if !opts.NoIgnore {
		chain = outerIgnores(realRoot, opts.MaxSize)
	}
	return w.walkTree(ctx, realRoot, chain)
}

type walker struct {
	opts     Options
	realRoot string
	shown    func(string) string
	visit    func(File)
	problem  func(Problem)
	exclude  *ignoreList
}

// step judges one entry; chain is the .gitignore files that apply in its
// directory (nil when they are not honoured).
func (w *walker) step(p string, d fs.DirEntry, err error, chain ignoreChain) error {
	if err != nil {
		// An unreadable directory (or a file that vanished): report and go on.
		w.problem(Problem{Path: w.shown(p), Msg: describeOSError(err)})
		if d != nil && d.IsDir() {
			return fs.SkipDir
		}
		return nil
	}
	if d.IsDir() {
		if p != w.realRoot && (skipDir(p, d.Name()) || (d.Name() == "testdata" && !w.opts.IncludeTestdata) || w.skipped(p, true, chain)) {
			return fs.SkipDir
		}
		return nil // walkDir lists it, then enterDir
	}
	if w.opts.WantName != nil && !w.opts.WantName(d.Name()) {
		return nil
	}
	display := w.shown(p)
	if !w.opts.Want(display) || w.skipped(p, false, chain) {
		return nil
	}
	osPath := p
	if d.Type()&fs.ModeSymlink != 0 {
		target, ok := w.symlinkTarget(p)
		if !ok {
			return nil
		}
		osPath = target
	} else if !d.Type().IsRegular() {
		return nil // sockets, devices, fifos: never opened
	}
	if w.opts.SizeByReader {
		w.visit(File{OSPath: osPath, Path: display})
		return nil
	}
	info, err := os.Stat(osPath)
	if err != nil {
		w.problem(Problem{Path: display, Msg: describeOSError(err)})
		return nil
	}
	if info.Size() > w.opts.MaxSize {
		w.problem(Problem{Path: display, Msg: TooLarge(w.opts.MaxSize, info.Size())})
		return nil
	}
	w.visit(File{OSPath: osPath, Path: display})
	return nil
}

// symlinkTarget resolves a symlinked file. It accepts only a regular file
// inside the scan root; loops, dangling links, directories and anything
// outside the root are refused silently (not following them is the design,
// not a defect of the input).
func (w *walker) symlinkTarget(p string) (string, bool) {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", false
	}
	if !within(w.realRoot, target) {
		return "", false
	}
	info, err := os.Stat(target)
	if err != nil || !info.Mode().IsRegular() {
		return "", false
	}
	return target, true
}

// skipDir decides whether a directory is excluded. Build output directories
// are skipped only next to the build file that produces them, because a
// folder named build/ elsewhere often holds real deployment files.
func skipDir(p, name string) bool {
	if skippedDirs[name] {
		return true
	}
	parent := filepath.Dir(p)
	switch name {
	case "target":
		return exists(filepath.Join(parent, "pom.xml"))
	case "build":
		return exists(filepath.Join(parent, "build.gradle")) || exists(filepath.Join(parent, "build.gradle.kts"))
	}
	return false
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

func within(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return false
	}
	return rel == "." || (rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)))
}

// displayPath makes p relative to workDir with forward slashes; it falls back
// to the absolute path when no relative form exists (another volume).
func displayPath(workDir, p string) string {
	// Fast path for the common case, a path under workDir: both are clean
	// (walked paths come from filepath.Join), so the part after workDir and
	// a separator is exactly what filepath.Rel would return.
	if rest, ok := strings.CutPrefix(p, workDir); ok && workDir != "" && len(rest) > 1 &&
		rest[0] == filepath.Separator && !strings.HasSuffix(workDir, string(filepath.Separator)) {
		return filepath.ToSlash(rest[1:])
	}
	if workDir != "" {
		if rel, err := filepath.Rel(workDir, p); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(p)
}

// describeOSError turns a *fs.PathError into its cause alone, because the
// path is printed separately.
func describeOSError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

func formatSize(n int64) string {
	const mib = 1 << 20
	if n%mib == 0 {
		return fmt.Sprintf("%d MiB", n/mib)
	}
	return fmt.Sprintf("%d bytes", n)
}
