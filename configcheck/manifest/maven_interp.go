package manifest

// Maven property interpolation: ${…} in a pom, resolved through the
// model's properties, its parents, the project coordinates and the
// user properties of .mvn/maven.config.

import (
	"strings"

	"github.com/twice-lint/twice/configcheck/source"
)

// interp expands ${…} references in s in the context of model m. It returns
// the expanded text, the position of the definition that fixed the value
// (zero if s held no reference) and whether every reference resolved.
func (r *mavenResolver) interp(s string, m *mavenModel) (string, source.Pos, bool) {
	return r.interpDepth(s, m, &interpState{active: map[string]bool{}}, 0)
}

// maxInterpSteps bounds the references expanded for one value: a chain of
// properties that each reference the next one twice would otherwise take
// exponential time.
const maxInterpSteps = 10000

// interpState is the bookkeeping of one interpolation.
type interpState struct {
	active map[string]bool // properties being expanded (cycle guard)
	steps  int             // references expanded so far
	at     source.Pos      // the definition whose text is being expanded (for budget errors)
}

func (r *mavenResolver) interpDepth(s string, m *mavenModel, st *interpState, depth int) (string, source.Pos, bool) {
	if !strings.Contains(s, "${") {
		return s, source.Pos{}, true
	}
	if depth > maxInterpDepth {
		return "", source.Pos{}, false
	}
	var b strings.Builder
	var first source.Pos
	ok := true
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		name := s[i+2 : i+j]
		s = s[i+j+1:]
		def, found := r.lookup(name, m)
		st.steps++
		if !found || st.active[name] || st.steps > maxInterpSteps {
			ok = false
			continue
		}
		st.active[name] = true
		outer := st.at
		st.at = def.pos
		v, p, vok := r.interpDepth(def.text, m, st, depth+1)
		st.at = outer
		delete(st.active, name)
		if !vok {
			ok = false
			continue
		}
		if !p.IsValid() {
			p = def.pos
		}
		at := st.at // the definition that repeats ${name}; the reference itself at top level
		if !at.IsValid() {
			at = def.pos
		}
		if !r.budgets.spend(m.pom.path, len(v), b.Len()+len(v), at, "property ${"+name+"}") {
			return "", source.Pos{}, false // too big to know: unknown
		}
		if !first.IsValid() {
			first = p
		}
		b.WriteString(v)
	}
	return b.String(), first, ok
}

// lookup finds the definition of one ${name}: project model values, then
// properties (own over inherited). Environment and system properties are
// unknown statically.
func (r *mavenResolver) lookup(name string, m *mavenModel) (posText, bool) {
	pf := m.pom
	switch name {
	case "project.version", "pom.version", "version":
		v := rawVersion(pf)
		return v, v.text != ""
	case "project.groupId", "pom.groupId", "groupId":
		if pf.group.text != "" {
			return pf.group, true
		}
		if pf.parent != nil {
			return pf.parent.group, pf.parent.group.text != ""
		}
		return posText{}, false
	case "project.artifactId", "pom.artifactId", "artifactId":
		return pf.artifact, pf.artifact.text != ""
	case "project.parent.version", "parent.version":
		if pf.parent != nil {
			return pf.parent.version, pf.parent.version.text != ""
		}
		return posText{}, false
	case "project.parent.groupId", "parent.groupId":
		if pf.parent != nil {
			return pf.parent.group, pf.parent.group.text != ""
		}
		return posText{}, false
	}
	if v, ok := r.userProperty(pf.dir, name); ok {
		return v, true
	}
	v, ok := m.props[name]
	return v, ok
}

// userProperty finds a -D property of the nearest .mvn/maven.config above
// dir (Maven reads the one of the top-level project); like a command-line
// property it wins over the properties of the poms.
func (r *mavenResolver) userProperty(dir, name string) (posText, bool) {
	for _, d := range ancestors(dir, "") {
		if props, ok := r.cliProps[d]; ok {
			v, found := props[name]
			return v, found
		}
	}
	return posText{}, false
}
