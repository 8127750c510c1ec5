package manifest

import (
	"path"
	"strings"
)

// BuildRoots maps each module directory that belongs to a multi-module
// build to that build's root directory: for Maven, the topmost pom whose
// <modules> chain reaches the module's pom (the reactor that builds them
// together); for Gradle, the nearest directory at or above the module that
// holds settings.gradle(.kts). A module in no multi-module build is absent.
// Two modules with the same root are built together (the same product, as
// far as the build can tell).
func (p *Project) BuildRoots() map[string]string {
	aggregator := map[string]string{} // child pom dir -> dir of the pom listing it
	for name, pf := range p.poms {
		dir := dirOf(name)
		for _, m := range pf.modules {
			child := path.Clean(path.Join(dir, strings.TrimSpace(m)))
			if strings.HasSuffix(child, ".xml") { // <module>sub/pom-alt.xml</module>
				child = dirOf(child)
			}
			if child != dir {
				aggregator[child] = dir
			}
		}
	}
	pomDirs := map[string]bool{}
	for name := range p.poms {
		pomDirs[dirOf(name)] = true
	}
	roots := map[string]string{}
	for name := range p.poms {
		dir := dirOf(name)
		root, steps := dir, 0
		for steps <= len(aggregator) { // bounds a cycle of <modules>
			up, ok := aggregator[root]
			if !ok {
				up, ok = listedAncestor(root, aggregator, pomDirs)
			}
			if !ok {
				break
			}
			root, steps = up, steps+1
		}
		if steps > 0 || hasModules(p.poms[name]) {
			roots[dir] = root
		}
	}
	for name := range p.gradle {
		for dir := dirOf(name); ; dir = dirOf(dir) {
			if p.settingsDirs[dir] {
				roots[dirOf(name)] = dir
				break
			}
			if dir == "." || dir == "/" || dir == "" {
				break
			}
		}
	}
	return roots
}

// listedAncestor handles a reactor whose intermediate pom is not in the
// tree (ruoyi-modules/ listed by the root pom, ruoyi-modules/pom.xml not
// committed or not scanned): the nearest ancestor directory that has no
// pom of its own but is listed as a module leads to its aggregator.
func listedAncestor(dir string, aggregator map[string]string, pomDirs map[string]bool) (string, bool) {
	for d := dirOf(dir); d != "." && d != "/" && d != ""; d = dirOf(d) {
		if pomDirs[d] {
			return "", false // a pom that does not list us: not in its reactor
		}
		if up, ok := aggregator[d]; ok {
			return up, true
		}
	}
	return "", false
}

func hasModules(pf *pomFile) bool { return pf != nil && len(pf.modules) > 0 }
