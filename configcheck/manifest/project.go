package manifest

import (
	"fmt"
	"path"
	"sort"
	"strings"
)

// fileKind is what Add does with a file, decided by its name.
type fileKind int

const (
	kindNone fileKind = iota
	kindPOM
	kindGradleBuild
	kindGradleSettings
	kindGradleProperties
	kindVersionCatalog
	kindGradleLock
	kindBuildscriptLock
	kindLegacyGradleLock
	kindMavenLock
	kindMavenConfig
)

// classify decides by name which manifest a path is.
func classify(p string) fileKind {
	p = path.Clean(p)
	base := path.Base(p)
	switch base {
	case "pom.xml":
		return kindPOM
	case "build.gradle", "build.gradle.kts":
		return kindGradleBuild
	case "settings.gradle", "settings.gradle.kts":
		return kindGradleSettings
	case "gradle.properties":
		return kindGradleProperties
	case "gradle.lockfile":
		return kindGradleLock
	case "buildscript-gradle.lockfile":
		return kindBuildscriptLock
	case "lockfile.json":
		return kindMavenLock
	}
	switch {
	case base == "maven.config" && path.Base(path.Dir(p)) == ".mvn":
		return kindMavenConfig
	case strings.HasSuffix(base, ".versions.toml") && len(base) > len(".versions.toml"):
		return kindVersionCatalog
	case strings.HasSuffix(base, ".lockfile") && strings.HasSuffix(path.Dir(p), "gradle/dependency-locks"):
		return kindLegacyGradleLock
	}
	return kindNone
}

func (p *Project) add(name string, data []byte) error {
	name = path.Clean(name)
	dir := dirOf(name)
	var err error
	switch classify(name) {
	case kindPOM:
		var pf *pomFile
		if pf, err = parsePOM(name, data); err == nil {
			p.poms[name] = pf
		}
	case kindGradleBuild:
		var gs *gradleScript
		if gs, err = parseGradleScript(name, data); err == nil {
			p.gradle[name] = gs
		}
	case kindGradleSettings:
		if err = checkInput(name, data); err == nil {
			p.settingsDirs[dir] = true
		}
	case kindGradleProperties:
		var gp *gradleProps
		if gp, err = parseGradleProperties(name, data); err == nil {
			p.props[dir] = gp
		}
	case kindVersionCatalog:
		var vc *versionCatalog
		if vc, err = parseVersionCatalog(name, data); err == nil {
			p.catalogs[name] = vc
		}
	case kindGradleLock, kindBuildscriptLock:
		err = p.addLock(name, dir, data, classify(name) == kindBuildscriptLock, "")
	case kindLegacyGradleLock:
		conf := strings.TrimSuffix(path.Base(name), ".lockfile")
		moduleDir := dirOf(dirOf(dir)) // <module>/gradle/dependency-locks/<conf>.lockfile
		err = p.addLock(name, moduleDir, data, conf == "classpath", conf)
	case kindMavenConfig:
		var props map[string]posText
		if props, err = parseMavenConfig(name, data); err == nil {
			p.mavenConfigs[dirOf(dir)] = props
		}
	case kindMavenLock:
		var entries []lockEntry
		if entries, err = parseMavenLockfile(name, data); err == nil && len(entries) > 0 {
			p.locks[name] = &lockfile{path: name, moduleDir: dir, entries: entries}
		}
	}
	if err != nil {
		return fmt.Errorf("reading build manifest: %w", err)
	}
	return nil
}

func (p *Project) addLock(name, moduleDir string, data []byte, buildscript bool, legacyConf string) error {
	entries, err := parseGradleLockfile(name, data, legacyConf)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		p.locks[name] = &lockfile{path: name, moduleDir: moduleDir, buildscript: buildscript, entries: entries}
	}
	return nil
}

func (p *Project) modules() ([]Module, []error) {
	var mods []Module
	bud := newBudgets()
	mr := newMavenResolver(p.poms, p.mavenConfigs, bud)
	for _, pf := range p.poms {
		mod := mr.module(pf)
		applyLockfiles(&mod, p.locksFor(mod.Dir, true))
		mods = append(mods, mod)
	}
	gr := newGradleResolver(p, bud)
	for _, gs := range p.gradle {
		mod := gr.module(gs)
		applyLockfiles(&mod, p.locksFor(mod.Dir, false))
		mods = append(mods, mod)
	}
	mods = append(mods, p.lockOnlyModules()...)
	sort.Slice(mods, func(i, j int) bool {
		if mods[i].Dir != mods[j].Dir {
			return mods[i].Dir < mods[j].Dir
		}
		return mods[i].BuildFile < mods[j].BuildFile
	})
	return mods, bud.errors()
}

// locksFor returns the lockfiles of a module directory, sorted by path:
// lockfile.json for Maven modules, Gradle lockfiles for Gradle modules.
func (p *Project) locksFor(dir string, maven bool) []*lockfile {
	var out []*lockfile
	for _, lf := range p.locks {
		if lf.moduleDir == dir && (path.Base(lf.path) == "lockfile.json") == maven {
			out = append(out, lf)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out
}

// lockOnlyModules turns lockfiles whose directory has no matching build file
// into modules of their own: the lockfile still tells what the build resolves.
func (p *Project) lockOnlyModules() []Module {
	byDir := map[string][]*lockfile{}
	for _, lf := range p.locks {
		maven := path.Base(lf.path) == "lockfile.json"
		if maven && p.poms[path.Join(lf.moduleDir, "pom.xml")] != nil {
			continue
		}
		if !maven && (p.gradle[path.Join(lf.moduleDir, "build.gradle")] != nil || p.gradle[path.Join(lf.moduleDir, "build.gradle.kts")] != nil) {
			continue
		}
		key := lf.moduleDir + "\x00" + fmt.Sprint(maven)
		byDir[key] = append(byDir[key], lf)
	}
	var mods []Module
	for _, locks := range byDir {
		sort.Slice(locks, func(i, j int) bool { return locks[i].path < locks[j].path })
		mod := Module{Dir: locks[0].moduleDir, BuildFile: locks[0].path, System: Gradle}
		if path.Base(locks[0].path) == "lockfile.json" {
			mod.System = Maven
			mod.Deps = directLockedDeps(locks)
		}
		applyLockfiles(&mod, locks)
		mods = append(mods, mod)
	}
	return mods
}

// directLockedDeps lists the top-level entries of Maven lockfiles as direct
// dependencies; applyLockfiles then marks them locked.
func directLockedDeps(locks []*lockfile) []Dependency {
	var deps []Dependency
	for _, lf := range locks {
		for _, e := range lf.entries {
			if e.direct {
				deps = append(deps, Dependency{Group: e.group, Artifact: e.artifact, RawVersion: e.version, Pos: e.pos, Scope: e.configs})
			}
		}
	}
	return deps
}
