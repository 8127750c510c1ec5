package manifest

import (
	"path"
	"strings"

	"github.com/twice-lint/twice/configcheck/source"
)

// Bounds for cross-pom resolution: parent chains and BOM imports are a few
// levels deep in practice; the bounds stop cycles and hostile input.
const (
	maxParentDepth = 32
	maxInterpDepth = 32
)

// mavenResolver resolves the poms of one Project against each other.
type mavenResolver struct {
	poms     map[string]*pomFile           // by path
	cliProps map[string]map[string]posText // .mvn/maven.config -D properties, by project root
	byGA     map[string][]*pomFile         // by "group:artifact" as written
	models   map[*pomFile]*mavenModel
	building map[*pomFile]bool // cycle guard while models are built
	budgets  *budgets          // property expansion, per pom
}

// mavenModel is a pom with its inheritance resolved: effective properties,
// dependencyManagement and the parent model (when the parent is in the
// repository).
type mavenModel struct {
	pom     *pomFile
	parent  *mavenModel
	props   map[string]posText     // own (incl. active profiles) over inherited
	managed map[string]managedDep  // by group:artifact, as written (interpolated lazily)
	imports []pomDep               // BOM imports, own first, then inherited
	order   []string               // keys of managed in precedence order, for determinism
	mdeps   map[string]*managedDep // cache of the resolved view (managed + imported), by interpolated g:a
	// missingBOMs are imports not found in the repository (set by
	// resolvedManaged).
	missingBOMs []pomDep
}

// managedDep is a dependencyManagement entry and the model whose properties
// interpolate it: nil means "the module that uses it" (inherited entries are
// interpolated in the child, as Maven does); a BOM's entries use the BOM.
type managedDep struct {
	dep pomDep
	ctx *mavenModel
}

func newMavenResolver(poms map[string]*pomFile, cliProps map[string]map[string]posText, bud *budgets) *mavenResolver {
	r := &mavenResolver{
		budgets:  bud,
		poms:     poms,
		cliProps: cliProps,
		byGA:     map[string][]*pomFile{},
		models:   map[*pomFile]*mavenModel{},
		building: map[*pomFile]bool{},
	}
	for _, pf := range poms {
		k := rawGroup(pf) + ":" + pf.artifact.text
		r.byGA[k] = append(r.byGA[k], pf)
	}
	return r
}

// rawGroup is the groupId as written, inherited from <parent> when omitted.
func rawGroup(pf *pomFile) string {
	if pf.group.text == "" && pf.parent != nil {
		return pf.parent.group.text
	}
	return pf.group.text
}

// rawVersion is the version element as written, inherited from <parent>.
func rawVersion(pf *pomFile) posText {
	if pf.version.text == "" && pf.parent != nil {
		return pf.parent.version
	}
	return pf.version
}

// model builds (once) the inheritance-resolved model of pf.
func (r *mavenResolver) model(pf *pomFile, depth int) *mavenModel {
	if m, ok := r.models[pf]; ok {
		return m
	}
	if r.building[pf] || depth > maxParentDepth {
		return nil // a parent cycle: treat the parent as outside the repository
	}
	r.building[pf] = true
	defer delete(r.building, pf)

	m := &mavenModel{pom: pf, props: map[string]posText{}, managed: map[string]managedDep{}}
	if pp := r.findParent(pf); pp != nil {
		m.parent = r.model(pp, depth+1)
	}
	if m.parent != nil {
		for k, v := range m.parent.props {
			m.props[k] = v
		}
	}
	for k, v := range pf.props {
		m.props[k] = v
	}
	for _, d := range pf.managed {
		if isImport(d) {
			m.imports = append(m.imports, d)
			continue
		}
		m.addManaged(d, nil)
	}
	if m.parent != nil {
		m.imports = append(m.imports, m.parent.imports...)
		for _, k := range m.parent.order {
			if _, ok := m.managed[k]; !ok {
				m.managed[k] = m.parent.managed[k]
				m.order = append(m.order, k)
			}
		}
	}
	r.models[pf] = m
	return m
}

func (m *mavenModel) addManaged(d pomDep, ctx *mavenModel) {
	k := d.group.text + ":" + d.artifact.text
	if _, ok := m.managed[k]; ok {
		return
	}
	m.managed[k] = managedDep{dep: d, ctx: ctx}
	m.order = append(m.order, k)
}

func isImport(d pomDep) bool { return d.scope == "import" && (d.typ == "pom" || d.typ == "") }

// findParent locates the parent pom inside the repository: first by
// <relativePath> (default ../pom.xml; an empty element disables it), then by
// coordinates among all poms added.
func (r *mavenResolver) findParent(pf *pomFile) *pomFile {
	par := pf.parent
	if par == nil {
		return nil
	}
	if !par.hasRelativePath || par.relativePath != "" {
		rel := par.relativePath
		if !par.hasRelativePath {
			rel = "../pom.xml"
		}
		p := path.Join(pf.dir, rel)
		if !strings.HasSuffix(p, ".xml") {
			p = path.Join(p, "pom.xml")
		}
		if cand := r.poms[p]; cand != nil && cand != pf && parentMatches(cand, par) {
			return cand
		}
	}
	var found *pomFile
	for _, cand := range r.byGA[par.group.text+":"+par.artifact.text] {
		if cand != pf && parentMatches(cand, par) {
			if found != nil {
				return nil // ambiguous: stay silent rather than guess
			}
			found = cand
		}
	}
	return found
}

// parentMatches compares coordinates as written; versions are only compared
// when both are literal (CI-friendly ${revision} on both sides is common).
func parentMatches(cand *pomFile, par *pomParent) bool {
	if rawGroup(cand) != par.group.text || cand.artifact.text != par.artifact.text {
		return false
	}
	cv, pv := rawVersion(cand).text, par.version.text
	if strings.Contains(cv, "${") || strings.Contains(pv, "${") || cv == "" || pv == "" {
		return true
	}
	return cv == pv
}

// resolvedManaged returns the dependencyManagement of m with BOM imports
// applied, keyed by interpolated group:artifact. Own and inherited entries
// win over imported ones; among BOMs the first import wins (Maven's order).
func (r *mavenResolver) resolvedManaged(m *mavenModel, depth int) map[string]*managedDep {
	if m.mdeps != nil {
		return m.mdeps
	}
	out := map[string]*managedDep{}
	m.mdeps = out // set before imports: a BOM importing itself sees a partial view, not a loop
	for _, k := range m.order {
		md := m.managed[k]
		ctx := md.ctx
		if ctx == nil {
			ctx = m
		}
		g, _, _ := r.interp(md.dep.group.text, ctx)
		a, _, _ := r.interp(md.dep.artifact.text, ctx)
		if _, ok := out[g+":"+a]; !ok {
			out[g+":"+a] = &managedDep{dep: md.dep, ctx: ctx}
		}
	}
	if depth > maxParentDepth {
		return out
	}
	for _, imp := range m.imports {
		bom := r.findPOM(imp, m)
		if bom == nil {
			m.missingBOMs = append(m.missingBOMs, imp)
			continue
		}
		bm := r.model(bom, 0)
		if bm == nil {
			continue
		}
		for k, md := range r.resolvedManaged(bm, depth+1) {
			if _, ok := out[k]; !ok {
				out[k] = md
			}
		}
	}
	return out
}

// findPOM finds the pom a dependency (a BOM import) refers to, by
// interpolated coordinates, among the poms of the repository.
func (r *mavenResolver) findPOM(d pomDep, m *mavenModel) *pomFile {
	g, _, gok := r.interp(d.group.text, m)
	a, _, aok := r.interp(d.artifact.text, m)
	v, _, vok := r.interp(d.version.text, m)
	if !gok || !aok {
		return nil
	}
	var found *pomFile
	for _, pf := range r.poms {
		cm := r.model(pf, 0)
		if cm == nil {
			continue
		}
		cg, _, _ := r.interp(rawGroup(pf), cm)
		ca, _, _ := r.interp(pf.artifact.text, cm)
		if cg != g || ca != a {
			continue
		}
		if cv, _, cvok := r.interp(rawVersion(pf).text, cm); vok && cvok && cv != v {
			continue
		}
		if found != nil {
			return nil // ambiguous
		}
		found = pf
	}
	return found
}

// module resolves one pom into a Module.
func (r *mavenResolver) module(pf *pomFile) Module {
	mod := Module{Dir: pf.dir, BuildFile: pf.path, System: Maven}
	m := r.model(pf, 0)
	if m == nil {
		return mod
	}
	mod.Group, _, _ = r.interp(rawGroup(pf), m)
	mod.Artifact, _, _ = r.interp(pf.artifact.text, m)
	if v, _, ok := r.interp(rawVersion(pf).text, m); ok {
		mod.Version = v
	}
	managed := r.resolvedManaged(m, 0)
	seen := map[string]bool{}
	inherited := false
	for cur, depth := m, 0; cur != nil && depth <= maxParentDepth; cur, depth = cur.parent, depth+1 {
		for _, d := range cur.pom.deps {
			dep := r.dependency(d, m, managed)
			k := dep.Coordinate()
			if seen[k] {
				continue // a child's declaration overrides the inherited one
			}
			seen[k] = true
			dep.Inherited = inherited
			mod.Deps = append(mod.Deps, dep)
		}
		inherited = true
	}
	return mod
}

// dependency resolves one <dependency> of module m.
func (r *mavenResolver) dependency(d pomDep, m *mavenModel, managed map[string]*managedDep) Dependency {
	g, _, _ := r.interp(d.group.text, m)
	a, _, _ := r.interp(d.artifact.text, m)
	dep := Dependency{Group: g, Artifact: a, RawVersion: d.version.text, Pos: d.pos, Scope: d.scope}
	md := managed[g+":"+a]
	if dep.Scope == "" && md != nil {
		dep.Scope = md.dep.scope
	}
	switch {
	case d.version.text != "":
		if v, p, ok := r.interp(d.version.text, m); ok {
			dep.Version, dep.VersionPos = v, p
		}
	case md != nil:
		dep.RawVersion = md.dep.version.text
		if v, p, ok := r.interp(md.dep.version.text, md.ctx); ok && v != "" {
			dep.Version, dep.VersionPos = v, p
			if !p.IsValid() {
				dep.VersionPos = md.dep.declPos
			}
		}
	}
	switch {
	case isVersionRange(dep.Version):
		// Not one version: keep the range and where it is written (the
		// <version> line, or the property or managed entry that holds it).
		dep.Dynamic = dep.Version
		dep.Version = ""
		if !dep.VersionPos.IsValid() {
			dep.VersionPos = versionLine(d, md)
		}
	case dep.Version == "":
		dep.VersionFrom = r.versionFrom(d, m, md)
	}
	return dep
}

// versionLine is the <version> element of a declaration, else of the
// managed entry that versions it.
func versionLine(d pomDep, md *managedDep) source.Pos {
	if d.version.text != "" {
		return d.version.pos
	}
	if md != nil {
		return md.dep.version.pos
	}
	return source.Pos{}
}

// isVersionRange reports Maven range syntax ("[5.0,5.2)"), which is not one
// version; the resolved one cannot be known without a repository.
func isVersionRange(v string) bool {
	return strings.ContainsAny(v, "[]()")
}
