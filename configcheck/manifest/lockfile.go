package manifest

import (
	"bytes"
	"strings"

	"github.com/twice-lint/twice/configcheck/source"
)

// lockEntry is one resolved artifact listed in a lockfile.
type lockEntry struct {
	group, artifact, version string
	configs                  string     // Gradle configurations (comma-separated) or Maven scope
	pos                      source.Pos // the line that fixes the version
	direct                   bool       // Maven lockfile: a top-level (direct) dependency
}

// lockfile is a parsed lockfile and the module directory it belongs to.
type lockfile struct {
	path, moduleDir string
	buildscript     bool // buildscript-gradle.lockfile: the build's own classpath
	entries         []lockEntry
}

// parseGradleLockfile reads a gradle.lockfile (lines "g:a:v=conf1,conf2",
// "empty=conf…", comments starting with #) or a legacy per-configuration
// lockfile (gradle/dependency-locks/<conf>.lockfile, lines "g:a:v").
func parseGradleLockfile(file string, data []byte, legacyConf string) ([]lockEntry, error) {
	if err := checkInput(file, data); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	var out []lockEntry
	line := 0
	for rest := data; len(rest) > 0; {
		var raw []byte
		raw, rest, _ = bytes.Cut(rest, []byte("\n"))
		line++
		text := strings.TrimSpace(string(raw))
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		coord, confs, hasConfs := strings.Cut(text, "=")
		if coord == "empty" && hasConfs {
			continue
		}
		if !hasConfs {
			confs = legacyConf
		}
		parts := strings.Split(coord, ":")
		if len(parts) < 3 || parts[0] == "" || parts[1] == "" || parts[2] == "" {
			col := 1 + len(raw) - len(bytes.TrimLeft(raw, " \t"))
			return nil, source.Errorf(source.Pos{File: file, Line: line, Col: col}, "malformed lockfile entry %s, want group:artifact:version=configurations", source.QuoteCapped(text, 80))
		}
		out = append(out, lockEntry{
			group: parts[0], artifact: parts[1], version: parts[2], configs: confs,
			pos: source.Pos{File: file, Line: line, Col: 1},
		})
	}
	return out, nil
}

// parseMavenLockfile reads a lockfile.json written by chains-project's
// maven-lockfile plugin: {"groupId",…, "dependencies": [ {groupId,
// artifactId, version, scope, selectedVersion, included, children: […]} ]}.
// Top-level entries are the module's direct dependencies; children are
// transitive. Valid JSON of another shape yields no entries (other tools
// use the name too). Entries with "included": false lost Maven's conflict
// resolution and are skipped.
func parseMavenLockfile(file string, data []byte) ([]lockEntry, error) {
	root, err := parseJSON(file, data)
	if err != nil {
		return nil, err
	}
	deps := root.get("dependencies")
	if !root.isObj || deps == nil || !deps.isArr {
		// Valid JSON of another shape: some other tool's lockfile.json, not
		// ours to judge.
		return nil, nil
	}
	var out []lockEntry
	var walk func(list *jsonVal, direct bool, depth int)
	walk = func(list *jsonVal, direct bool, depth int) {
		if list == nil || !list.isArr || depth > maxJSONDepth {
			return
		}
		for _, e := range list.elems {
			if !e.isObj {
				continue
			}
			if e.text("included") != "false" && e.text("groupId") != "" && e.text("artifactId") != "" {
				v, vpos := e.text("version"), e.keyPos("version")
				if sv := e.text("selectedVersion"); sv != "" {
					v = sv
				}
				if !vpos.IsValid() {
					vpos = e.pos
				}
				out = append(out, lockEntry{
					group: e.text("groupId"), artifact: e.text("artifactId"), version: v,
					configs: e.text("scope"), pos: vpos, direct: direct,
				})
			}
			walk(e.get("children"), false, depth+1)
		}
	}
	walk(deps, true, 0)
	return out, nil
}

// applyLockfiles fixes the versions of direct dependencies from the module's
// lockfile entries and records the remaining entries as transitive.
func applyLockfiles(mod *Module, locks []*lockfile) {
	used := map[*lockEntry]bool{}
	for i := range mod.Deps {
		d := &mod.Deps[i]
		if e := pickLockEntry(d, locks); e != nil {
			used[e] = true
			d.Version, d.VersionPos, d.Locked = e.version, e.pos, true
			d.Dynamic, d.VersionFrom = "", "" // the lockfile decides
		}
	}
	seen := map[string]bool{}
	for _, d := range mod.Deps {
		seen[d.Coordinate()] = true
	}
	for _, lf := range locks {
		for i := range lf.entries {
			e := &lf.entries[i]
			k := e.group + ":" + e.artifact
			if used[e] || seen[k] {
				continue
			}
			seen[k] = true
			mod.Transitive = append(mod.Transitive, Dependency{
				Group: e.group, Artifact: e.artifact, Version: e.version, RawVersion: e.version,
				Pos: e.pos, VersionPos: e.pos, Scope: e.configs, Locked: true,
			})
		}
	}
}

// pickLockEntry finds the lockfile entry that fixes d's version: the same
// group:artifact, from the buildscript lockfile only for buildscript
// classpath dependencies, preferring an entry locked for a configuration
// that d's configuration feeds (implementation → compileClasspath, …).
func pickLockEntry(d *Dependency, locks []*lockfile) *lockEntry {
	var first *lockEntry
	for _, lf := range locks {
		if lf.buildscript != (d.Scope == "classpath") {
			continue
		}
		for i := range lf.entries {
			e := &lf.entries[i]
			if e.group != d.Group || e.artifact != d.Artifact {
				continue
			}
			if feedsConfig(d.Scope, e.configs) {
				return e
			}
			if first == nil {
				first = e
			}
		}
	}
	return first
}

// feedsConfig reports whether a declared configuration (or Maven scope)
// contributes to one of the resolved configurations in configs.
func feedsConfig(scope, configs string) bool {
	test := strings.HasPrefix(strings.ToLower(scope), "test")
	for _, c := range strings.Split(configs, ",") {
		c = strings.TrimSpace(c)
		if c == scope {
			return true
		}
		if strings.HasSuffix(c, "Classpath") && strings.HasPrefix(strings.ToLower(c), "test") == test {
			return true
		}
	}
	return false
}
