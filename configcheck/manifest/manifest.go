// Package manifest reads the build manifests of a repository — Maven pom.xml,
// Gradle build scripts (Groovy and Kotlin DSL), gradle.properties, Gradle
// version catalogs, Gradle and Maven lockfiles — and resolves them together
// into build modules with their declared dependencies and the versions those
// dependencies resolve to.
//
// Nothing is executed and nothing is fetched: a version that depends on a
// file outside the repository (a parent pom or BOM from a remote repository,
// a Gradle plugin, a computed expression) resolves to "" (unknown) rather
// than to a guess.
//
// Usage: create a Project, Add every file for which IsManifest is true, then
// read Modules. Positions point at the line that names the artifact (Pos) and
// at the line that fixes its version when that is elsewhere (VersionPos).
package manifest

import (
	"github.com/twice-lint/twice/configcheck/source"
)

// Dependency is one declared (or locked) dependency of a build module.
type Dependency struct {
	Group, Artifact string
	// Version is the resolved version; "" when it cannot be determined from
	// the repository (remote parent/BOM, computed expression, dynamic range
	// without a lockfile).
	Version string
	// RawVersion is the version as written (e.g. "${powerjob.version}",
	// "libs.versions.powerjob", "$powerjobVersion"); "" when none is written.
	RawVersion string
	// Pos is the line that names the artifact: the <artifactId> of a pom
	// <dependency>, the Gradle declaration line, or the lockfile line for a
	// dependency known only from a lockfile.
	Pos source.Pos
	// VersionPos is where the resolved version is fixed when that is another
	// line: a property definition (pom, .mvn/maven.config, gradle.properties,
	// ext/val), a parent or BOM dependencyManagement <dependency>, a catalog
	// [versions] or [libraries] line, a Gradle constraint, or a lockfile
	// line. For a chain of properties it is the one that holds the literal.
	// Zero when the version is written in the declaration itself or is
	// unknown.
	VersionPos source.Pos
	// Dynamic is the range or dynamic selector the version is written as
	// ("[5.0,6.0)", "5.+", "latest.release") when no lockfile fixes it;
	// Version is then "" and VersionPos the line that writes it. Judge it
	// with Admits.
	Dynamic string
	// VersionFrom says, for a version the repository does not resolve,
	// where it comes from: "parent g:a:v (not in the repository)", "BOM
	// g:a:v imported at pom.xml:12 (not in the repository)", "property
	// ${x}, not defined in the repository". "" otherwise.
	VersionFrom string
	// Scope is the Maven scope ("" means compile) or the Gradle configuration
	// (implementation, api, testImplementation, …). For lockfile-only entries
	// it is the comma-separated configuration list of the lockfile line.
	Scope string
	// Locked reports that Version comes from a lockfile entry.
	Locked bool
	// Inherited reports a Maven dependency declared in a parent pom (inside
	// the repository) rather than in this module's own pom; Maven adds it to
	// the module, but the declaration (Pos) is in the parent, shared by all
	// its children (and also listed, not Inherited, in the parent's own
	// module): report at Pos once, not once per child.
	Inherited bool
}

// Coordinate returns "group:artifact".
func (d Dependency) Coordinate() string { return d.Group + ":" + d.Artifact }

// BuildSystem names the tool a module is built with.
type BuildSystem string

// Build systems.
const (
	Maven  BuildSystem = "maven"
	Gradle BuildSystem = "gradle"
)

// Module is one build module: a directory with a pom.xml or a
// build.gradle(.kts) (or, failing both, with a lockfile).
type Module struct {
	Dir       string      // slash path of the module directory, as given ("." for a root given as "pom.xml")
	BuildFile string      // path of pom.xml / build.gradle(.kts); the lockfile when the module has no build file
	System    BuildSystem // Maven or Gradle

	// Group, Artifact and Version are the module's own coordinates when they
	// are known (Maven: from the pom and its parent, interpolated). Gradle
	// modules leave them "" (not modelled).
	Group, Artifact, Version string

	// Deps are the direct dependencies, in declaration order. A lockfile
	// entry for a direct dependency fixes its Version (Locked, VersionPos =
	// lockfile line) but does not add a second entry.
	Deps []Dependency
	// Transitive are the lockfile entries that are not direct dependencies
	// (all Locked). Transitive dependencies are otherwise not modelled.
	Transitive []Dependency
}

// Project collects the build files of one scan and resolves them together
// (parents and BOMs inside the repository, version catalogs,
// gradle.properties, lockfiles). The zero value is not usable; call
// NewProject. A Project is not safe for concurrent use.
type Project struct {
	poms         map[string]*pomFile           // by path
	gradle       map[string]*gradleScript      // build.gradle(.kts), by path
	settingsDirs map[string]bool               // directories holding settings.gradle(.kts)
	props        map[string]*gradleProps       // gradle.properties, by directory
	catalogs     map[string]*versionCatalog    // *.versions.toml, by path
	locks        map[string]*lockfile          // lockfiles, by path
	mavenConfigs map[string]map[string]posText // -D properties of .mvn/maven.config, by project root
}

// NewProject returns an empty Project.
func NewProject() *Project {
	return &Project{
		poms:         map[string]*pomFile{},
		gradle:       map[string]*gradleScript{},
		settingsDirs: map[string]bool{},
		props:        map[string]*gradleProps{},
		catalogs:     map[string]*versionCatalog{},
		locks:        map[string]*lockfile{},
		mavenConfigs: map[string]map[string]posText{},
	}
}

// IsManifest reports whether Add wants the file at path (judged by name).
func IsManifest(path string) bool {
	return classify(path) != kindNone
}

// Add records one file, given by its slash path (cleaned with path.Clean;
// positions and Module paths use the cleaned form). It dispatches on the
// name: pom.xml, .mvn/maven.config, build.gradle, build.gradle.kts,
// settings.gradle(.kts), gradle.properties, *.versions.toml,
// gradle.lockfile, buildscript-gradle.lockfile,
// gradle/dependency-locks/*.lockfile and Maven lockfile.json. It returns a
// *source.Error (file:line:col) for malformed input; the file is then
// ignored. Files for which IsManifest is false, and a lockfile.json that is
// valid JSON of another tool's shape, are ignored without error. Adding the
// same path again replaces the file.
func (p *Project) Add(path string, data []byte) error {
	return p.add(path, data)
}

// Modules resolves everything added so far and returns the build modules in
// a deterministic order (by Dir, then BuildFile).
func (p *Project) Modules() []Module {
	mods, _ := p.modules()
	return mods
}

// Resolve is Modules that also returns the input errors found while
// resolving, sorted by position: expansions of properties or variables that
// exceeded the expansion budget (that value is then unknown; the rest is
// resolved as usual). Each is a *source.Error at the definition or
// declaration being expanded.
func (p *Project) Resolve() ([]Module, []error) {
	return p.modules()
}
