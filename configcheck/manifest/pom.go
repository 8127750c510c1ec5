package manifest

import (
	"strings"

	"github.com/twice-lint/twice/configcheck/source"
)

// posText is a string value read from a file together with where it is.
type posText struct {
	text string
	pos  source.Pos
}

// pomDep is one <dependency> as written (not yet interpolated).
type pomDep struct {
	group, artifact, version posText
	scope, typ               string
	pos                      source.Pos // the <artifactId> line (Dependency.Pos)
	declPos                  source.Pos // the <dependency> line (VersionPos for managed versions)
}

// pomParent is the <parent> reference of a pom.
type pomParent struct {
	group, artifact, version posText
	relativePath             string
	hasRelativePath          bool // <relativePath> present (possibly empty: "look it up by coordinates")
}

// pomFile is what the resolver needs from one pom.xml. Properties, dependencies
// and dependencyManagement of profiles that are <activeByDefault>true are merged
// in (profile properties override the pom's own); other profiles are ignored
// because their activation cannot be known statically.
type pomFile struct {
	path, dir                string
	group, artifact, version posText
	parent                   *pomParent
	props                    map[string]posText
	deps                     []pomDep
	managed                  []pomDep
	modules                  []string
}

// parsePOM reads one pom.xml.
func parsePOM(file string, data []byte) (*pomFile, error) {
	root, err := parseXML(file, data)
	if err != nil {
		return nil, err
	}
	if root.name != "project" {
		return nil, source.Errorf(root.pos, "pom root element is <%s>, want <project>", root.name)
	}
	pf := &pomFile{
		path:     file,
		dir:      dirOf(file),
		group:    elemText(root.child("groupId")),
		artifact: elemText(root.child("artifactId")),
		version:  elemText(root.child("version")),
		props:    map[string]posText{},
	}
	if p := root.child("parent"); p != nil {
		rp := p.child("relativePath")
		pf.parent = &pomParent{
			group:           elemText(p.child("groupId")),
			artifact:        elemText(p.child("artifactId")),
			version:         elemText(p.child("version")),
			hasRelativePath: rp != nil,
		}
		if rp != nil {
			pf.parent.relativePath = rp.text
		}
	}
	pf.addSection(root)
	for _, m := range root.child("modules").all("module") {
		pf.modules = append(pf.modules, m.text)
	}
	for _, prof := range root.child("profiles").all("profile") {
		if strings.EqualFold(prof.child("activation").textOf("activeByDefault"), "true") {
			pf.addSection(prof)
		}
	}
	return pf, nil
}

// addSection merges the properties, dependencies and dependencyManagement of
// a <project> or <profile> element.
func (pf *pomFile) addSection(sec *xmlElem) {
	if props := sec.child("properties"); props != nil {
		for _, p := range props.children {
			pf.props[p.name] = posText{text: p.text, pos: p.pos}
		}
	}
	for _, d := range sec.child("dependencies").all("dependency") {
		pf.deps = append(pf.deps, readPOMDep(d))
	}
	for _, d := range sec.child("dependencyManagement").child("dependencies").all("dependency") {
		pf.managed = append(pf.managed, readPOMDep(d))
	}
}

func readPOMDep(d *xmlElem) pomDep {
	dep := pomDep{
		group:    elemText(d.child("groupId")),
		artifact: elemText(d.child("artifactId")),
		version:  elemText(d.child("version")),
		scope:    d.textOf("scope"),
		typ:      d.textOf("type"),
		pos:      d.pos,
		declPos:  d.pos,
	}
	if a := d.child("artifactId"); a != nil {
		dep.pos = a.pos
	}
	return dep
}

func elemText(e *xmlElem) posText {
	if e == nil {
		return posText{}
	}
	return posText{text: e.text, pos: e.pos}
}

// dirOf returns the directory of a slash path ("." for a bare name).
func dirOf(p string) string {
	i := strings.LastIndexByte(p, '/')
	switch {
	case i < 0:
		return "."
	case i == 0:
		return "/"
	}
	return p[:i]
}
