package configcheck

import (
	"fmt"
	"strings"

	"github.com/twice-lint/twice/configcheck/manifest"
)

// Versions as the rules judge them (issue 10, item 5): a range or dynamic
// version by what it admits, a pre-release as a build of its release line,
// and a version the repository does not resolve as a note naming where it
// comes from.

// Version bounds of the client lines the rules care about.
const (
	clientLine51  = "5.1.0"
	clientLine6   = "6"
	clientLine50  = "5.0"
	clientLine50e = "5.1.0"
)

// classifyClient says whether a powerjob-client dependency is a 5.x client
// and how to name its version in messages. A single version is named as
// it is; a range or dynamic selector is a 5.1.x client when it admits a
// 5.1-or-later 5.x version, else a 5.0.x client when it admits one, and is
// named with what it admits.
func classifyClient(d manifest.Dependency) (label string, is5, is50 bool) {
	if d.Version != "" {
		is50 = strings.HasPrefix(d.Version, "5.0.") || d.Version == "5.0"
		return d.Version, is50 || strings.HasPrefix(d.Version, "5."), is50
	}
	if d.Dynamic == "" {
		return "", false, false
	}
	if ok, known := manifest.Admits(d.Dynamic, clientLine51, clientLine6); ok && known {
		return fmt.Sprintf("%s (a dynamic version that admits 5.1.x)", d.Dynamic), true, false
	}
	if ok, known := manifest.Admits(d.Dynamic, clientLine50, clientLine50e); ok && known {
		return fmt.Sprintf("%s (a dynamic version that admits 5.0.x)", d.Dynamic), true, true
	}
	return "", false, false
}

// judgeServerVersion compares a server version with the versions that
// matter, a pre-release as a build of its release line: 5.1.0-SNAPSHOT has
// the 5.1.0 auth interceptor (not "no auth at all") and not the 5.1.0-bugfix
// header fix; 5.1.1-RC1 has both.
func judgeServerVersion(v string) (old, fixed bool) {
	line := manifest.ReleaseLine(v)
	return manifest.CompareVersions(line, firstAuthVersion) < 0, manifest.CompareVersions(line, headerFixVersion) >= 0
}

// unresolvedClientNotes gives a note for each direct powerjob-client whose
// version the repository does not resolve (an external parent or BOM, a
// property defined elsewhere), naming where it comes from — when some
// server of the scan could double its requests, or there is none to judge.
func unresolvedClientNotes(inv *inventory, judged []*judgedServer) []Finding {
	risky := len(judged) == 0
	for _, s := range judged {
		risky = risky || s.risky()
	}
	if !risky {
		return nil
	}
	var out []Finding
	seen := map[Location]bool{}
	for _, m := range inv.modules {
		if isPowerJobServerModule(m) {
			continue
		}
		for _, d := range m.Deps {
			if d.Group != powerjobGroup || d.Artifact != clientArtifact || d.Inherited ||
				d.Version != "" || d.Dynamic != "" || d.VersionFrom == "" {
				continue
			}
			loc := locationOf(d.Pos)
			if seen[loc] {
				continue
			}
			seen[loc] = true
			tree := "mvn dependency:tree"
			if m.System == manifest.Gradle {
				tree = "gradle dependencies"
			}
			out = append(out, Finding{
				Rule: RuleDuplicateOpenAPIRequest, Severity: SeverityNote, Location: loc,
				Message: fmt.Sprintf("cannot tell which powerjob-client version this is: it comes from the %s; if it resolves to 5.1.x and its PowerJob server has OpenAPI auth disabled, server 5.1.0 answers without X-POWERJOB-AUTH-PASSED and the client re-sends every saveJob/runJob/…, so each job is created twice; check the resolved version (%s) and run server 5.1.1 or later or set %s=true",
					d.VersionFrom, tree, settingDisplayKey),
				Related: []Related{},
			})
		}
	}
	return out
}
