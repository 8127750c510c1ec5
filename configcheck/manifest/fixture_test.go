package manifest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/twice-lint/twice/configcheck/source"
)

// loadFixture adds every manifest under testdata/<name> to a new Project,
// with paths relative to testdata (e.g. "maven-multimodule/pom.xml").
func loadFixture(t *testing.T, name string) *Project {
	t.Helper()
	p := NewProject()
	root := filepath.Join("testdata", name)
	err := filepath.WalkDir(root, func(file string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel("testdata", file)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if !IsManifest(rel) {
			return nil
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		if err := p.Add(rel, data); err != nil {
			t.Errorf("Add(%s): %v", rel, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// lineOf formats a position as "file:line" ("" for the zero position), the
// granularity the fixtures pin down.
func lineOf(p source.Pos) string {
	if !p.IsValid() {
		return ""
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// depWant is one expected dependency of a module.
type depWant struct {
	module     string // BuildFile
	coord      string // group:artifact
	version    string
	pos        string // file:line of the declaration
	versionPos string // file:line where the version is fixed; "" for none
	scope      string
	locked     bool
	inherited  bool
}

func findDep(mods []Module, buildFile, coord string) (Dependency, bool) {
	for _, m := range mods {
		if m.BuildFile != buildFile {
			continue
		}
		for _, d := range m.Deps {
			if d.Coordinate() == coord {
				return d, true
			}
		}
	}
	return Dependency{}, false
}

func checkDeps(t *testing.T, mods []Module, wants []depWant) {
	t.Helper()
	for _, w := range wants {
		t.Run(w.module+"/"+w.coord, func(t *testing.T) {
			d, ok := findDep(mods, w.module, w.coord)
			if !ok {
				t.Fatalf("dependency %s not found in %s", w.coord, w.module)
			}
			got := depWant{
				module: w.module, coord: d.Coordinate(), version: d.Version,
				pos:        lineOf(d.Pos),
				versionPos: lineOf(d.VersionPos),
				scope:      d.Scope, locked: d.Locked, inherited: d.Inherited,
			}
			if got != w {
				t.Errorf("got  %+v\nwant %+v", got, w)
			}
		})
	}
}

// checkAbsent fails when a module declares coord at version (commented-out
// or inactive declarations must not count).
func checkAbsent(t *testing.T, mods []Module, coord, version string) {
	t.Helper()
	for _, m := range mods {
		for _, d := range append(append([]Dependency(nil), m.Deps...), m.Transitive...) {
			if d.Coordinate() == coord && (version == "" || d.Version == version || d.RawVersion == version) {
				t.Errorf("%s: unexpected %s %s at %s", m.BuildFile, coord, d.Version, d.Pos)
			}
		}
	}
}

func moduleFiles(mods []Module) []string {
	var out []string
	for _, m := range mods {
		out = append(out, m.BuildFile)
	}
	return out
}

func TestMavenMultiModule(t *testing.T) {
	mods := loadFixture(t, "maven-multimodule").Modules()
	wantFiles := []string{
		"maven-multimodule/pom.xml",
		"maven-multimodule/app-server/pom.xml",
		"maven-multimodule/bom/pom.xml",
		"maven-multimodule/worker-api/pom.xml",
	}
	if got := moduleFiles(mods); !slices.Equal(got, wantFiles) {
		t.Fatalf("modules = %q, want %q", got, wantFiles)
	}
	const (
		root   = "maven-multimodule/pom.xml"
		bom    = "maven-multimodule/bom/pom.xml"
		app    = "maven-multimodule/app-server/pom.xml"
		worker = "maven-multimodule/worker-api/pom.xml"
		lock   = "maven-multimodule/worker-api/lockfile.json"
	)
	checkDeps(t, mods, []depWant{
		// version from the BOM imported with ${project.version}: the BOM's <dependency> line
		{app, "tech.powerjob:powerjob-server-starter", "5.1.0", app + ":28", bom + ":15", "", false, false},
		// parent dependencyManagement -> ${client.version} -> ${powerjob.version}: the property that holds the literal
		{app, "tech.powerjob:powerjob-client", "5.1.1", app + ":32", root + ":23", "", false, false},
		// BOM entry using a property of the active-by-default profile of the BOM's parent
		{app, "io.micrometer:micrometer-core", "1.13.0", app + ":36", root + ":59", "", false, false},
		// ${project.groupId} / ${project.version} -> CI-friendly ${revision}
		{app, "com.example.scheduler:worker-api", "2.3.0-SNAPSHOT", app + ":47", root + ":21", "", false, false},
		// inherited from the parent's <dependencies>
		{app, "org.projectlombok:lombok", "1.18.32", root + ":46", "", "provided", false, true},
		{root, "org.projectlombok:lombok", "1.18.32", root + ":46", "", "provided", false, false},
		// the child overrides ${powerjob.version}; inherited management is interpolated in the child
		{worker, "tech.powerjob:powerjob-worker-spring-boot-starter", "4.3.9", worker + ":21", worker + ":15", "", false, false},
		// the lockfile fixes the version of a direct dependency
		{worker, "tech.powerjob:powerjob-client", "4.3.9", worker + ":26", lock + ":18", "", true, false},
	})
	checkAbsent(t, mods, "com.github.kfcfans:powerjob-client", "")                          // inactive profile
	checkAbsent(t, mods, "tech.powerjob:powerjob-worker-spring-boot-starter", "5.0.1-beta") // XML comment

	var workerMod Module
	for _, m := range mods {
		if m.BuildFile == worker {
			workerMod = m
		}
	}
	var transitive []string
	for _, d := range workerMod.Transitive {
		transitive = append(transitive, fmt.Sprintf("%s:%s@%d locked=%v", d.Coordinate(), d.Version, d.Pos.Line, d.Locked))
	}
	// okhttp lost conflict resolution ("included": false) and is not listed
	if want := []string{"tech.powerjob:powerjob-common:4.3.9@29 locked=true"}; !slices.Equal(transitive, want) {
		t.Errorf("worker-api transitive = %q, want %q", transitive, want)
	}
	if workerMod.Group != "com.example.scheduler" || workerMod.Artifact != "worker-api" || workerMod.Version != "2.3.0-SNAPSHOT" || workerMod.System != Maven {
		t.Errorf("worker-api coordinates = %s:%s:%s (%s)", workerMod.Group, workerMod.Artifact, workerMod.Version, workerMod.System)
	}
}

func TestGradleKotlinWithCatalog(t *testing.T) {
	mods := loadFixture(t, "gradle-kotlin").Modules()
	const (
		app   = "gradle-kotlin/app/build.gradle.kts"
		batch = "gradle-kotlin/batch/build.gradle.kts"
		cat   = "gradle-kotlin/gradle/libs.versions.toml"
		lock  = "gradle-kotlin/app/gradle.lockfile"
		props = "gradle-kotlin/gradle.properties"
	)
	checkDeps(t, mods, []depWant{
		// catalog accessor; the lockfile line wins over the catalog
		{app, "tech.powerjob:powerjob-client", "5.1.1", app + ":11", lock + ":7", "implementation", true, false},
		// version.ref to a rich { strictly = … } version
		{app, "org.springframework.boot:spring-boot-starter-web", "3.2.5", app + ":12", cat + ":4", "implementation", false, false},
		// bundle members, one by version.ref, one by an inline "g:a:v"
		{app, "io.micrometer:micrometer-core", "1.13.0", app + ":13", cat + ":5", "implementation", false, false},
		{app, "io.micrometer:micrometer-registry-prometheus", "1.13.0", app + ":13", cat + ":12", "implementation", false, false},
		{app, "com.fasterxml.jackson:jackson-bom", "2.17.1", app + ":14", cat + ":13", "implementation", false, false},
		// `val slf4jVersion: String by project` -> root gradle.properties
		{app, "org.slf4j:slf4j-api", "2.0.13", app + ":15", props + ":4", "implementation", false, false},
		// named arguments with a val; locked
		{app, "com.squareup.okhttp3:okhttp", "4.12.0", app + ":16", lock + ":5", "implementation", true, false},
		// extra["x"] = … used through ${extra["x"]}
		{app, "org.apache.commons:commons-lang3", "3.14.0", app + ":18", app + ":8", "implementation", false, false},
		{app, "org.junit:junit-bom", "5.10.2", app + ":24", "", "testImplementation", false, false},
		// no version written; the lockfile (test classpath) supplies it
		{app, "org.junit.jupiter:junit-jupiter", "5.10.2", app + ":25", lock + ":6", "testImplementation", true, false},
		// alias powerjob_worker used as libs.powerjob.worker is written libs.powerjob_worker here
		{batch, "tech.powerjob:powerjob-worker-spring-boot-starter", "5.1.1", batch + ":2", cat + ":3", "api", false, false},
	})
	checkAbsent(t, mods, "tech.powerjob:powerjob-client", "5.0.1-beta") // // comment
	checkAbsent(t, mods, "tech.powerjob:powerjob-worker", "")           // /* */ comment
	checkAbsent(t, mods, "org.hamcrest:hamcrest-core", "")              // exclude(…) is not a dependency
}

func TestGradleGroovyWithExt(t *testing.T) {
	mods := loadFixture(t, "gradle-groovy").Modules()
	const (
		root    = "gradle-groovy/build.gradle"
		worker  = "gradle-groovy/worker/build.gradle"
		console = "gradle-groovy/console/build.gradle"
		props   = "gradle-groovy/gradle.properties"
		lock    = "gradle-groovy/console/gradle/dependency-locks/compileClasspath.lockfile"
	)
	checkDeps(t, mods, []depWant{
		// ext { } inside buildscript of the root project
		{worker, "tech.powerjob:powerjob-client", "5.0.1-beta", worker + ":4", root + ":3", "implementation", false, false},
		// map notation with a gradle.properties value
		{worker, "tech.powerjob:powerjob-worker-spring-boot-starter", "4.3.9", worker + ":5", props + ":2", "implementation", false, false},
		// multi-line map notation, project.property('…'), "key : value" properties syntax
		{worker, "com.alibaba.nacos:nacos-client", "2.3.2", worker + ":6", props + ":4", "implementation", false, false},
		// map literal entries of an ext property, with and without rootProject.ext
		{worker, "com.alibaba:fastjson", "1.2.83", worker + ":9", root + ":5", "implementation", false, false},
		{worker, "cn.hutool:hutool-all", "5.8.27", worker + ":10", root + ":6", "implementation", false, false},
		{worker, "org.projectlombok:lombok", "1.18.32", worker + ":11", root + ":14", "compileOnly", false, false},
		{worker, "org.mapstruct:mapstruct-processor", "1.5.5.Final", worker + ":12", root + ":15", "annotationProcessor", false, false},
		{worker, "com.fasterxml.jackson.core:jackson-databind", "2.15.4", worker + ":13", worker + ":1", "implementation", false, false},
		// single quotes do not interpolate in Groovy: the version is unknown
		{worker, "org.springframework.boot:spring-boot-starter-web", "", worker + ":14", "", "implementation", false, false},
		// dynamic versions are not one version
		{worker, "io.netty:netty-all", "", worker + ":15", "", "implementation", false, false},
		{worker, "com.google.guava:guava", "33.2.0-jre", worker + ":19", "", "implementation", false, false},
		{root, "org.springframework.boot:spring-boot-gradle-plugin", "2.7.18", root + ":10", props + ":3", "classpath", false, false},
		// two notations in one statement; a legacy per-configuration lockfile fixes one of them
		{console, "cn.hutool:hutool-all", "5.8.28", console + ":2", lock + ":2", "implementation", true, false},
		{console, "com.alibaba:fastjson", "1.2.83", console + ":2", lock + ":3", "implementation", true, false},
	})
	checkAbsent(t, mods, "tech.powerjob:powerjob-client", "5.1.0")
	checkAbsent(t, mods, "tech.powerjob:powerjob-official-processors", "")
	checkAbsent(t, mods, "com.google.code.findbugs:jsr305", "")
}
