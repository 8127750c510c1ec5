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

// IsDockerfile reports whether path names a Dockerfile the way Docker names
// them: Dockerfile (or dockerfile), Dockerfile.<suffix> (Dockerfile.prod) or
// <name>.Dockerfile (server.Dockerfile, server.dockerfile). A suffix that is
// another language's or a document's extension (dockerfile.go, Dockerfile.md)
// is not a Dockerfile. The name only selects candidates: the content must
// also look like one (LooksLikeDockerfile).
func IsDockerfile(p string) bool {
	base := path.Base(toSlash(p))
	lower := strings.ToLower(base)
	if lower == "dockerfile" {
		return true
	}
	if rest, ok := strings.CutPrefix(lower, "dockerfile."); ok {
		return rest != "" && !notDockerSuffix[rest]
	}
	stem, ok := strings.CutSuffix(lower, ".dockerfile")
	return ok && stem != ""
}

// notDockerSuffix are suffixes after "Dockerfile." that name some other kind
// of file: source code, documents, BuildKit's per-Dockerfile ignore file.
var notDockerSuffix = map[string]bool{
	"dockerignore": true,
	"go":           true, "java": true, "kt": true, "py": true, "rb": true, "rs": true, "js": true, "ts": true,
	"sh": true, "bash": true, "ps1": true, "bat": true, "c": true, "h": true, "cc": true, "cpp": true,
	"md": true, "markdown": true, "txt": true, "rst": true, "adoc": true, "html": true, "pdf": true,
	"json": true, "yml": true, "yaml": true, "toml": true, "xml": true, "properties": true,
	"orig": true, "rej": true, "bak": true, "swp": true, "patch": true, "diff": true, "lock": true,
	"png": true, "svg": true, "jpg": true, "gif": true, "zip": true, "gz": true, "tar": true,
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

// dockerInstructions are the Dockerfile instruction keywords.
var dockerInstructions = map[string]bool{
	"from": true, "arg": true, "run": true, "cmd": true, "label": true, "maintainer": true,
	"expose": true, "env": true, "add": true, "copy": true, "entrypoint": true, "volume": true,
	"user": true, "workdir": true, "onbuild": true, "stopsignal": true, "healthcheck": true,
	"shell": true,
}

// LooksLikeDockerfile reports whether data reads as a Dockerfile: its first
// line that is not blank or a comment (parser directives are comments)
// starts with an instruction keyword, or is a merge-conflict marker (a
// conflicted Dockerfile, reported by the parser). A file named like a
// Dockerfile that is something else (a README, a script) is not read.
func LooksLikeDockerfile(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		if bytes.HasPrefix(line, []byte("<<<<<<<")) {
			return true
		}
		word := line
		if i := bytes.IndexAny(line, " \t"); i >= 0 {
			word = line[:i]
		}
		return dockerInstructions[strings.ToLower(string(word))]
	}
	return false
}
