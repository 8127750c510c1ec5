package manifest

import (
	"path"
	"strings"
)

type fileKind int

const (
	kindNone fileKind = iota
	kindPOM
)

func manifestKind(p string) fileKind {
	if strings.EqualFold(path.Base(p), "pom.xml") {
		return kindPOM
	}
	return kindNone
}

func (p *Project) add(path string, data []byte) error {
	if manifestKind(path) == kindNone {
		return nil
	}
	p.files[path] = data
	return nil
}

func (p *Project) modules() []Module { return nil }

// CompareVersions compares two versions in Maven's ComparableVersion order
// and returns -1, 0 or +1.
func CompareVersions(a, b string) int { return strings.Compare(a, b) }
