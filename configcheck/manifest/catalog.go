package manifest

import (
	"path"
	"strings"

	"github.com/twice-lint/twice/configcheck/source"
)

// versionCatalog is a parsed Gradle version catalog (gradle/libs.versions.toml).
// Aliases are stored under their accessor path: Gradle turns the separators
// '-', '_' and '.' of an alias into '.', so "powerjob-client" is used as
// libs.powerjob.client.
type versionCatalog struct {
	path      string
	name      string // accessor root: "libs" for libs.versions.toml
	versions  map[string]posText
	libraries map[string]catalogLib
	bundles   map[string][]string // bundle accessor -> library accessors
}

// catalogLib is one [libraries] entry.
type catalogLib struct {
	group, artifact string
	pos             source.Pos // the line of the library's key
	version         string     // a literal version ("" when absent or a range)
	versionPos      source.Pos // where the literal is written
	versionRef      string     // version.ref alias (accessor form)
}

// parseVersionCatalog reads a *.versions.toml file.
func parseVersionCatalog(file string, data []byte) (*versionCatalog, error) {
	root, err := parseTOML(file, data)
	if err != nil {
		return nil, err
	}
	vc := &versionCatalog{
		path:      file,
		name:      strings.TrimSuffix(path.Base(file), ".versions.toml"),
		versions:  map[string]posText{},
		libraries: map[string]catalogLib{},
		bundles:   map[string][]string{},
	}
	if t := tableOf(root.get("versions")); t != nil {
		for _, k := range t.keys {
			v := t.vals[k]
			if s, p, ok := richVersion(v); ok {
				vc.versions[accessorPath(k)] = posText{text: s, pos: p}
			}
		}
	}
	if t := tableOf(root.get("libraries")); t != nil {
		for _, k := range t.keys {
			if lib, ok := catalogLibrary(t.vals[k]); ok {
				vc.libraries[accessorPath(k)] = lib
			}
		}
	}
	if t := tableOf(root.get("bundles")); t != nil {
		for _, k := range t.keys {
			v := t.vals[k]
			if v.kind != tomlArray {
				continue
			}
			var members []string
			for _, e := range v.arr {
				if e.kind == tomlString {
					members = append(members, accessorPath(e.str))
				}
			}
			vc.bundles[accessorPath(k)] = members
		}
	}
	return vc, nil
}

func tableOf(v *tomlValue) *tomlTable {
	if v == nil || v.kind != tomlTableKind {
		return nil
	}
	return v.table
}

// accessorPath normalises an alias to its accessor form (separators to '.').
func accessorPath(alias string) string {
	return strings.NewReplacer("-", ".", "_", ".").Replace(alias)
}

// memberPos is the position of a value's key, or of the value itself.
func memberPos(v *tomlValue) source.Pos {
	if v.keyPos.IsValid() {
		return v.keyPos
	}
	return v.pos
}

// richVersion reads a version: a string, or a table with strictly / require
// / prefer (the first that names one version wins; failing that, the first
// range or dynamic selector, which the rules judge by what it admits).
func richVersion(v *tomlValue) (string, source.Pos, bool) {
	if v == nil {
		return "", source.Pos{}, false
	}
	if v.kind == tomlString {
		return v.str, memberPos(v), !isDynamicVersion(v.str) || IsDynamicVersion(v.str)
	}
	t := tableOf(v)
	for _, k := range []string{"strictly", "require", "prefer"} {
		if s := t.get(k); s != nil && s.kind == tomlString && !isDynamicVersion(s.str) {
			return s.str, memberPos(s), true
		}
	}
	for _, k := range []string{"strictly", "require", "prefer"} {
		if s := t.get(k); s != nil && s.kind == tomlString && IsDynamicVersion(s.str) {
			return s.str, memberPos(s), true
		}
	}
	return "", source.Pos{}, false
}

// isDynamicVersion reports Maven/Gradle ranges and dynamic selectors, which
// do not name one version.
func isDynamicVersion(v string) bool {
	return v == "" || isVersionRange(v) || strings.HasSuffix(v, "+") ||
		strings.HasPrefix(v, "latest.") || strings.Contains(v, "$")
}

// catalogLibrary reads one [libraries] entry: "g:a:v", "g:a", or a table
// with module / group+name and version / version.ref.
func catalogLibrary(v *tomlValue) (catalogLib, bool) {
	lib := catalogLib{pos: memberPos(v)}
	switch v.kind {
	case tomlString:
		parts := strings.Split(v.str, ":")
		if len(parts) < 2 || len(parts) > 3 {
			return lib, false
		}
		lib.group, lib.artifact = parts[0], parts[1]
		if len(parts) == 3 && (!isDynamicVersion(parts[2]) || IsDynamicVersion(parts[2])) {
			lib.version, lib.versionPos = parts[2], v.pos
		}
		return lib, lib.group != "" && lib.artifact != ""
	case tomlTableKind:
	default:
		return lib, false
	}
	t := v.table
	if m := t.get("module"); m != nil && m.kind == tomlString {
		lib.group, lib.artifact, _ = strings.Cut(m.str, ":")
	} else {
		lib.group, lib.artifact = stringMember(t, "group"), stringMember(t, "name")
	}
	if lib.group == "" || lib.artifact == "" {
		return lib, false
	}
	ver := t.get("version")
	if ref := tableOf(ver).get("ref"); ref != nil && ref.kind == tomlString {
		lib.versionRef = accessorPath(ref.str)
	} else if s, p, ok := richVersion(ver); ok {
		lib.version, lib.versionPos = s, p
	}
	return lib, true
}

func stringMember(t *tomlTable, key string) string {
	if v := t.get(key); v != nil && v.kind == tomlString {
		return v.str
	}
	return ""
}

// libraryVersion resolves a library's version: its literal, or the
// [versions] entry it refers to. RawVersion follows the build-script
// spelling (libs.versions.x) for references.
func (vc *versionCatalog) libraryVersion(lib catalogLib) (version, raw string, pos source.Pos) {
	if lib.versionRef != "" {
		raw = vc.name + ".versions." + lib.versionRef
		if v, ok := vc.versions[lib.versionRef]; ok {
			return v.text, raw, v.pos
		}
		return "", raw, source.Pos{}
	}
	return lib.version, lib.version, lib.versionPos
}
