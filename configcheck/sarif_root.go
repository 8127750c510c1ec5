package configcheck

import (
	"net/url"
	"path/filepath"
	"strings"

	"github.com/twice-lint/twice/internal/sarif"
)

// artifactLocation is the SARIF location of a report path: relative to
// %SRCROOT% when it is relative (rebase made it so), else an absolute file:
// URI without a base id (a scan root outside the work tree).
func artifactLocation(p string) sarif.ArtifactLocation {
	if filepath.IsAbs(filepath.FromSlash(p)) {
		return sarif.ArtifactLocation{URI: sarif.URI(p, "")}
	}
	return sarif.ArtifactLocation{URI: relativeURI(p), URIBaseID: sarif.SourceRootID}
}

// relativeURI percent-encodes each segment of a slash path, so spaces and
// non-ASCII directory names give a valid URI reference.
func relativeURI(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// rebase returns a copy of the report whose paths, relative to workDir as
// text output prints them, are relative to root (the SARIF %SRCROOT%), or
// absolute when they lie outside it.
func rebase(r *Report, workDir, root string) *Report {
	return mapLocations(r, func(l Location) Location {
		abs := filepath.FromSlash(l.Path)
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(workDir, abs)
		}
		rel, err := filepath.Rel(root, abs)
		switch {
		case err != nil || !filepath.IsLocal(rel):
			l.Path = filepath.ToSlash(abs)
		default:
			l.Path = filepath.ToSlash(rel)
		}
		return l
	})
}
