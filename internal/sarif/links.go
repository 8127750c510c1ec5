package sarif

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// SourceRootID is the base id that twice's artifact URIs are relative to.
const SourceRootID = "%SRCROOT%"

// SourceRoot is the directory that %SRCROOT% stands for when the tool runs
// in dir: the top of the version-control work tree holding dir (the
// nearest directory with a .git entry), so that URIs are relative to the
// repository root, as code scanning expects, even when a module lives in a
// subfolder and the tool runs there; dir itself outside a work tree.
func SourceRoot(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	for d := abs; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return abs
		}
		d = parent
	}
}

// DirURI is the file: URI of a directory with the trailing slash SARIF
// requires of an originalUriBaseIds entry.
func DirURI(dir string) string {
	s := URI(dir, "")
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s
}

// SourceLocation is an artifact location for the file at path: relative to
// root with uriBaseId %SRCROOT% when it is inside root, else an absolute
// file: URI without a base id (a file in the module cache or GOROOT).
func SourceLocation(path, root string) ArtifactLocation {
	uri := URI(path, root)
	if strings.HasPrefix(uri, "file:") {
		return ArtifactLocation{URI: uri}
	}
	return ArtifactLocation{URI: uri, URIBaseID: SourceRootID}
}

// LinkRelated appends to a result message a link to each related location,
// "[message](id)" in SARIF's embedded-link syntax, so that viewers such as
// code scanning show where each related place is from the message itself.
// Brackets and backslashes in the linked text are escaped (SARIF §3.11.6).
func LinkRelated(text string, related []Location) string {
	var links []string
	for _, r := range related {
		if r.ID == nil {
			continue
		}
		label := "related location"
		if r.Message != nil && strings.TrimSpace(r.Message.Text) != "" {
			label = r.Message.Text
		}
		links = append(links, "["+escapeLinkText(label)+"]("+strconv.Itoa(*r.ID)+")")
	}
	if len(links) == 0 {
		return text
	}
	return escapeLinkText(text) + " (see " + strings.Join(links, ", ") + ")"
}

func escapeLinkText(s string) string {
	return strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`).Replace(s)
}
