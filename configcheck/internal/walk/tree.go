package walk

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
)

// walkTree walks like filepath.WalkDir (lexical order, the same calls to
// step, fs.SkipDir honoured) with one difference: a directory is listed
// before anything inside it is judged, so enterDir learns from the listing
// whether the directory holds a .gitignore instead of trying to open one
// in every directory (a quarter of the walk's time on a large tree).
// chain is the .gitignore files that apply at the root (outerIgnores).
func (w *walker) walkTree(ctx context.Context, root string, chain ignoreChain) error {
	info, err := os.Lstat(root)
	if err != nil {
		if err := w.step(root, nil, err, chain); err != nil && err != fs.SkipDir {
			return err
		}
		return nil
	}
	err = w.walkDir(ctx, root, fs.FileInfoToDirEntry(info), chain)
	if err == fs.SkipDir || err == fs.SkipAll {
		return nil
	}
	return err
}

// chain is the .gitignore files that apply in p's directory.
func (w *walker) walkDir(ctx context.Context, p string, d fs.DirEntry, chain ignoreChain) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := w.step(p, d, nil, chain); err != nil || !d.IsDir() {
		if err == fs.SkipDir && d.IsDir() {
			err = nil // skip this directory only
		}
		return err
	}
	entries, err := os.ReadDir(p)
	if err != nil {
		// As filepath.WalkDir: a second call with the error; the entries
		// read before it are still walked unless step skips the directory.
		if err := w.step(p, d, err, chain); err != nil {
			if err == fs.SkipDir {
				err = nil
			}
			return err
		}
	}
	hasIgnore := false
	for _, e := range entries {
		hasIgnore = hasIgnore || e.Name() == ".gitignore"
	}
	inner := w.enterDir(p, hasIgnore, chain)
	for _, e := range entries {
		if err := w.walkDir(ctx, filepath.Join(p, e.Name()), e, inner); err != nil {
			if err == fs.SkipDir {
				break // a file asked to skip the rest of its directory
			}
			return err
		}
	}
	return nil
}
