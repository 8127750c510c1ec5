package configcheck

import (
	"bytes"
	"path"
	"strings"

	"github.com/twice-lint/twice/configcheck/deploy"
	"github.com/twice-lint/twice/configcheck/springconf"
)

// Lazy parsing (issue 11: linear cost on a monorepo). Every wanted file is
// read — that is the floor — but a file is parsed only when a cheap probe of
// its bytes says it can matter on its own: it mentions PowerJob or oms
// keys. The others are deferred: they keep their name and are parsed in a
// second pass (loadDeferred) only when a file that did matter makes them
// matter — the other config files of a server's module, the files mounted
// into a server container, the parent poms of a build file that mentions
// PowerJob, the Dockerfile a server's compose service builds, the
// deployment files of a client module, Services next to a server. In a
// repository where a few percent of the modules use PowerJob, a few percent
// of the files are parsed.

// probeTerms are the lower-case byte strings that make a file matter on its
// own: PowerJob names (images, artifacts, POWERJOB_* variables, client
// addresses) and oms keys (oms. / oms: / OMS_*).
var probeTerms = [][]byte{[]byte("powerjob"), []byte("oms")}

// mattersAlone reports whether a file must be parsed now. Build files that
// aggregate modules are parsed too: the build a client belongs to is
// pairing evidence. Gradle settings, properties and version catalogs are
// small and few.
func mattersAlone(p string, kind fileKind, data []byte) bool {
	for _, t := range probeTerms {
		if containsFold(data, t) {
			return true
		}
	}
	switch kind {
	case kindManifest:
		base := path.Base(p)
		return strings.HasPrefix(base, "settings.gradle") || base == "gradle.properties" ||
			strings.HasSuffix(base, ".versions.toml") || bytes.Contains(data, []byte("<modules>"))
	case kindSpring:
		// spring.datasource.core.* is server evidence without "oms".
		return containsFold(data, []byte("datasource")) && containsFold(data, []byte("core"))
	}
	return false
}

// containsFold reports whether data contains the lower-case ASCII term in
// any case, without copying data (the probe runs on every file read).
func containsFold(data, term []byte) bool {
	next := func(c byte, from int) int { // next index of c at or after from, or len(data)
		if k := bytes.IndexByte(data[from:], c); k >= 0 {
			return from + k
		}
		return len(data)
	}
	lower, upper := term[0], term[0]-'a'+'A'
	nl, nu := next(lower, 0), next(upper, 0) // each is searched again only once passed: linear
	for {
		i := min(nl, nu)
		if i+len(term) > len(data) {
			return false
		}
		if bytes.EqualFold(data[i:i+len(term)], term) {
			return true
		}
		if i == nl {
			nl = next(lower, i+1)
		} else {
			nu = next(upper, i+1)
		}
	}
}

// mayBeWantedName is kindByName on a base name alone (walk.Options.WantName),
// also accepting the names whose kind depends on their directory
// (.mvn/maven.config, gradle/dependency-locks/*.lockfile).
func mayBeWantedName(name string) bool {
	return kindByName(name) != kindNone || name == "maven.config" || strings.HasSuffix(name, ".lockfile")
}

// deferredFile is a file read but not parsed.
type deferredFile struct {
	path string
	// osPath is the path the walk vetted (a regular file inside the scan
	// root, symlinks resolved): the second pass opens it directly.
	osPath string
	kind   fileKind
	// endpoints: the bytes name a Kubernetes Service or Ingress, which may
	// give a server its address.
	endpoints bool
}

// deferredFacts are the facts of a deferred file: Spring files still exist
// (a committed Nacos data-id without keys means "absent", not "remote"),
// with no entries until loaded.
func deferredFacts(p, osPath string, kind fileKind, data []byte) fileFacts {
	ff := fileFacts{path: p, kind: kind, deferred: &deferredFile{path: p, osPath: osPath, kind: kind,
		endpoints: bytes.Contains(data, []byte("kind: Service")) || bytes.Contains(data, []byte("kind: Ingress"))}}
	if kind == kindSpring {
		role, profile, isYAML := springName(p)
		if role != roleOther || !deploy.LooksLikeKubernetes(data) {
			ff.spring = []*springFile{{path: p, role: role, profile: profile, yaml: isYAML, file: &springconf.File{Path: p}, deferred: role != roleOther}}
		}
	}
	return ff
}
