package configcheck

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/twice-lint/twice/configcheck/deploy"
	"github.com/twice-lint/twice/configcheck/source"
)

// fileAccess reads the few files that are named by other files rather than
// found by the walk (compose env_file). It only reads regular files inside
// the scan roots, bounded in size, so a reference cannot make the scan leave
// the tree.
type fileAccess struct {
	workDir string
	roots   []string // absolute, symlinks resolved
	maxSize int64
	buffers map[string][]byte // unsaved editor buffers by display path (Workspace)
}

// read returns the file at display path p, or ok=false when it is missing,
// outside the roots, not a regular file, too large or unreadable.
func (fa fileAccess) read(p string) ([]byte, bool) {
	full := filepath.Join(fa.workDir, filepath.FromSlash(p))
	if _, err := os.Lstat(full); err != nil {
		// Missing (a compose file's .env usually is): one system call
		// instead of resolving every component of the path.
		return nil, false
	}
	real, err := filepath.EvalSymlinks(full)
	if err != nil || !fa.inRoots(real) {
		return nil, false
	}
	if data, ok := fa.buffers[p]; ok {
		return data, true
	}
	info, err := os.Stat(real)
	if err != nil || !info.Mode().IsRegular() || info.Size() > fa.maxSize {
		return nil, false
	}
	data, err := readFile(real, fa.maxSize)
	return data, err == nil
}

func (fa fileAccess) inRoots(p string) bool {
	for _, r := range fa.roots {
		rel, err := filepath.Rel(r, p)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// envFileVars reads a compose env_file. A file that cannot be read (often
// .env is not committed) may set anything: it is returned as one unknown
// variable that the caller turns into an unknown environment.
func (fa fileAccess) envFileVars(p string) ([]deploy.EnvVar, bool) {
	data, ok := fa.read(p)
	if !ok {
		return nil, false
	}
	return parseEnvFile(p, data), true
}

// parseEnvFile reads KEY=VALUE lines as docker compose does: # comments and
// blank lines skipped, an optional "export ", values optionally quoted.
func parseEnvFile(p string, data []byte) []deploy.EnvVar {
	var out []deploy.EnvVar
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), len(data)+1)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		text = strings.TrimPrefix(text, "export ")
		name, value, found := strings.Cut(text, "=")
		name = strings.TrimSpace(name)
		if !found || name == "" {
			continue
		}
		value = strings.TrimSpace(value)
		if len(value) >= 2 && (value[0] == '"' || value[0] == '\'') && value[len(value)-1] == value[0] {
			value = value[1 : len(value)-1]
		}
		out = append(out, deploy.EnvVar{Name: name, Value: value, Pos: source.Pos{File: p, Line: line, Col: 1}})
	}
	return out
}

// withEnvFiles puts the variables of a container's env files before its own
// environment entries (which win), and reports the files it could not read.
func (fa fileAccess) withEnvFiles(c deploy.Container) (deploy.Container, []string) {
	var fromFiles []deploy.EnvVar
	var missing []string
	for _, p := range c.EnvFiles {
		vars, ok := fa.envFileVars(p)
		if !ok {
			missing = append(missing, p)
			continue
		}
		fromFiles = append(fromFiles, vars...)
	}
	if len(fromFiles) > 0 {
		c.Env = append(fromFiles, c.Env...)
	}
	return c, missing
}

func describeMissingEnvFiles(missing []string) string {
	return fmt.Sprintf("the environment comes partly from env_file %s, which is not in the scanned paths", strings.Join(missing, ", "))
}
