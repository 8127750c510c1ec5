package walk

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
)

// skipped reports whether an -exclude glob or a .gitignore file excludes p
// (an OS path under the walked root); chain holds the .gitignore files that
// apply in p's directory.
func (w *walker) skipped(p string, isDir bool, chain ignoreChain) bool {
	if len(w.exclude.patterns) > 0 {
		if _, ignored := w.exclude.matchRel(w.shown(p), isDir); ignored {
			return true
		}
	}
	return chain.ignored(p, isDir)
}

// enterDir returns the .gitignore files that apply inside dir: its
// parent's (chain) plus its own .gitignore, if any. hasIgnore says whether
// the directory's listing holds a .gitignore, so that directories without
// one (nearly all) cost no open. The chain is handed down the recursion,
// not looked up by path: the walk is the serial part of a scan.
func (w *walker) enterDir(dir string, hasIgnore bool, chain ignoreChain) ignoreChain {
	// The root's own .gitignore is already in outerIgnores.
	if !w.opts.NoIgnore && dir != w.realRoot && hasIgnore {
		if l := readIgnore(dir, w.opts.MaxSize); l != nil {
			chain = append(chain[:len(chain):len(chain)], l) // copy: siblings share the parent's chain
		}
	}
	return chain
}

// outerIgnores are the ignore files that apply at the scan root: when the
// root is inside a git work tree, .git/info/exclude and every .gitignore
// from the top of the work tree down to the root; otherwise the root's own
// .gitignore only.
func outerIgnores(root string, maxSize int64) ignoreChain {
	dirs := []string{root}
	top := ""
	for d := root; ; {
		if exists(filepath.Join(d, ".git")) {
			top = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	if top != "" {
		dirs = nil
		for d := root; ; d = filepath.Dir(d) {
			dirs = append([]string{d}, dirs...)
			if d == top {
				break
			}
		}
	}
	var chain ignoreChain
	if top != "" {
		if data, ok := readSmall(filepath.Join(top, ".git", "info", "exclude"), maxSize); ok {
			chain = append(chain, parseIgnore(top, data))
		}
	}
	for _, d := range dirs {
		if l := readIgnore(d, maxSize); l != nil {
			chain = append(chain, l)
		}
	}
	return chain
}

// readIgnore parses dir/.gitignore, or returns nil when there is none (or
// it cannot be read: a .gitignore is a hint, not input to report on).
func readIgnore(dir string, maxSize int64) *ignoreList {
	data, ok := readSmall(filepath.Join(dir, ".gitignore"), maxSize)
	if !ok {
		return nil
	}
	return parseIgnore(dir, data)
}

// readSmall reads a regular file of at most maxSize bytes. It opens without
// blocking and checks the type on the handle, so a FIFO or device put in
// place of a .gitignore cannot stall the walk.
func readSmall(p string, maxSize int64) ([]byte, bool) {
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() > maxSize {
		return nil, false
	}
	data, err := io.ReadAll(io.LimitReader(f, maxSize))
	return data, err == nil
}
