package configtree

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/twice-lint/twice/configcheck/deploy"
	"github.com/twice-lint/twice/configcheck/manifest"
)

// FloorResult is what Floor read.
type FloorResult struct {
	Files int
	Bytes int64
}

// Floor is the baseline `twice config` is measured against: it walks roots
// exactly as the checker does (same pruned directories, same file names
// wanted) and reads every file the checker would read, with the same number
// of parallel readers, but parses nothing. The difference between a Scan and
// a Floor over the same tree is the cost of parsing and checking.
// workers <= 0 means one reader.
func Floor(ctx context.Context, roots []string, workers int) (FloorResult, error) {
	workers = max(workers, 1)
	paths := make(chan string, workers*4)
	var (
		mu      sync.Mutex
		res     FloorResult
		readErr error
		wg      sync.WaitGroup
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range paths {
				data, err := os.ReadFile(p)
				mu.Lock()
				if err != nil && readErr == nil {
					readErr = err
				}
				res.Files++
				res.Bytes += int64(len(data))
				mu.Unlock()
			}
		}()
	}
	var walkErr error
	for _, root := range roots {
		walkErr = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if ctxErr := ctx.Err(); ctxErr != nil {
				return ctxErr
			}
			if d.IsDir() {
				if p != root && prunedDir(p, d.Name()) {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && Wanted(p) {
				paths <- p
			}
			return nil
		})
		if walkErr != nil {
			break
		}
	}
	close(paths)
	wg.Wait()
	if walkErr != nil {
		return res, fmt.Errorf("configtree: floor walk: %w", walkErr)
	}
	if readErr != nil {
		return res, fmt.Errorf("configtree: floor read: %w", readErr)
	}
	return res, nil
}

// Wanted reports whether the config checker reads the file at p, by name:
// build manifests, compose files, Dockerfiles and any .properties/.yml/.yaml.
// It mirrors the checker's own choice (a test in configcheck compares the
// two on a generated tree).
func Wanted(p string) bool {
	p = filepath.ToSlash(p)
	switch strings.ToLower(path.Ext(p)) {
	case ".properties", ".yml", ".yaml":
		return true
	}
	return manifest.IsManifest(p) || deploy.IsComposeFile(p) || deploy.IsDockerfile(p)
}

// prunedDir mirrors the checker's pruning: VCS metadata, dependency caches,
// IDE state, and build outputs beside the build file that produces them.
func prunedDir(p, name string) bool {
	switch name {
	case ".git", "node_modules", "vendor", ".gradle", ".idea", ".svn", ".hg":
		return true
	case "target":
		return exists(filepath.Join(filepath.Dir(p), "pom.xml"))
	case "build":
		parent := filepath.Dir(p)
		return exists(filepath.Join(parent, "build.gradle")) || exists(filepath.Join(parent, "build.gradle.kts"))
	}
	return false
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}
