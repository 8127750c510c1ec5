package deploy

import (
	"bytes"
	"path"
	"strings"
)

// IsComposeFile reports whether path names a docker compose file:
// docker-compose*.yml/.yaml or compose*.yml/.yaml (e.g.
// docker-compose.prod.yml, compose.override.yaml).
func IsComposeFile(p string) bool {
	base := strings.ToLower(path.Base(toSlash(p)))
	ext := path.Ext(base)
	if ext != ".yml" && ext != ".yaml" {
		return false
	}
	return strings.HasPrefix(base, "docker-compose") || strings.HasPrefix(base, "compose")
}

// IsDockerfile reports whether path names a Dockerfile: Dockerfile,
// Dockerfile.<suffix> (Dockerfile.prod) or <name>.Dockerfile (the name is
// matched case-insensitively, as some repositories write "dockerfile").
func IsDockerfile(p string) bool {
	base := strings.ToLower(path.Base(toSlash(p)))
	if strings.HasSuffix(base, ".dockerignore") { // BuildKit's per-Dockerfile ignore file
		return false
	}
	return base == "dockerfile" ||
		(strings.HasPrefix(base, "dockerfile.") && len(base) > len("dockerfile.")) ||
		(strings.HasSuffix(base, ".dockerfile") && len(base) > len(".dockerfile"))
}

func toSlash(p string) string { return strings.ReplaceAll(p, `\`, "/") }

// LooksLikeKubernetes reports whether some YAML document in data has both
// `apiVersion:` and `kind:` as top-level keys. It only looks at lines, so it
// is cheap enough to run on every YAML file of a repository.
func LooksLikeKubernetes(data []byte) bool {
	hasAPI, hasKind := false, false
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf")) // BOM
		switch {
		case bytes.HasPrefix(line, []byte("---")):
			hasAPI, hasKind = false, false // a new document
		case isTopLevelKey(line, "apiVersion"):
			hasAPI = true
		case isTopLevelKey(line, "kind"):
			hasKind = true
		}
		if hasAPI && hasKind {
			return true
		}
	}
	return false
}

// isTopLevelKey reports whether line starts (in column 1) with key followed
// by optional blanks and a colon.
func isTopLevelKey(line []byte, key string) bool {
	if !bytes.HasPrefix(line, []byte(key)) {
		return false
	}
	rest := bytes.TrimLeft(line[len(key):], " \t")
	return len(rest) > 0 && rest[0] == ':'
}
