package manifest

import (
	"regexp"
	"strings"
)

// versionFrom says where the version of a Maven dependency comes from when
// the repository does not resolve it: a property nobody in the repository
// defines, a BOM import or a parent that is not in the repository. The
// rules turn this into a note naming it, instead of staying silent.
func (r *mavenResolver) versionFrom(d pomDep, m *mavenModel, md *managedDep) string {
	if ref := firstPlaceholder(d.version.text); ref != "" {
		return "property " + ref + ", which the repository does not define (a parent outside it, the command line or settings.xml may)"
	}
	if md != nil {
		if ref := firstPlaceholder(md.dep.version.text); ref != "" {
			return "property " + ref + " of its dependencyManagement entry at " + md.dep.declPos.String() + ", which the repository does not define"
		}
	}
	for _, imp := range m.missingBOMs {
		g, _, _ := r.interp(imp.group.text, m)
		a, _, _ := r.interp(imp.artifact.text, m)
		v, _, _ := r.interp(imp.version.text, m)
		return "BOM " + g + ":" + a + ":" + v + " imported at " + imp.declPos.String() + " (not in the repository)"
	}
	for cur := m; cur != nil; cur = cur.parent {
		if p := cur.pom.parent; p != nil && cur.parent == nil {
			return "parent " + p.group.text + ":" + p.artifact.text + ":" + p.version.text + " of " + cur.pom.path + " (not in the repository)"
		}
	}
	return ""
}

var placeholderRE = regexp.MustCompile(`\$\{[^}]*\}`)

// firstPlaceholder returns the first ${…} in s, or "".
func firstPlaceholder(s string) string {
	if !strings.Contains(s, "${") {
		return ""
	}
	return placeholderRE.FindString(s)
}
