// Package parsers benchmarks the throughput (MB/s, through b.SetBytes) of
// every parser `twice config` uses, on inputs from internal/configtree that are
// shaped like real files but large enough that a benchmark measures parsing,
// not set-up:
//
//	go -C bench test -run '^$' -bench . -benchmem ./parsers
//
// The tests check that every benchmark input parses cleanly and yields what a
// real file of that kind yields, so a benchmark never measures the
// error path by accident.
package parsers

import (
	"testing"

	"github.com/twice-lint/twice/configcheck/deploy"
	"github.com/twice-lint/twice/configcheck/manifest"
	"github.com/twice-lint/twice/configcheck/springconf"
	"github.com/twice-lint/twice/internal/configtree"
)

// input is one benchmark: a file name (parsers dispatch on it), the bytes
// and the parse function, which returns the number of items it found
// (entries, dependencies, containers) so that tests can check them.
type input struct {
	name  string
	path  string
	data  []byte
	parse func(path string, data []byte) (items int, err error)
	// want is the number of items the parse must yield.
	want int
}

func inputs() []input {
	return []input{
		{"properties", "src/main/resources/application.properties", configtree.Properties(2000, true), parseSpring(springconf.ParseProperties), 4 + 2000/7*5},
		{"yaml", "src/main/resources/application.yml", configtree.YAML(3000, true), parseSpring(springconf.ParseYAML), yamlEntries(3000)},
		{"pom", "pom.xml", configtree.Pom(300, true), parseManifest, 301},
		{"gradle", "build.gradle", configtree.Gradle(300, true), parseManifest, 301},
		{"toml", "gradle/libs.versions.toml", configtree.VersionCatalog(500), parseCatalog, 1},
		{"compose", "docker-compose.yml", configtree.Compose(150, true), parseContainers(deploy.ParseCompose), 151},
		{"kubernetes", "k8s/services.yaml", configtree.Kubernetes(100), parseKubernetes, 100},
		{"dockerfile", "Dockerfile", configtree.Dockerfile(300), parseContainers(deploy.ParseDockerfile), 1},
	}
}

// yamlEntries is the number of leaf entries configtree.YAML(n, true) has:
// the base document's fixed keys and per-module leaves (enabled, url, two
// timeouts, two tags), then the profile document's activation key and two
// overrides (the anchor and its alias) per entry.
func yamlEntries(n int) int {
	base := 2 + 2 + n*2/3/7*6
	profile := 1 + n/3/4*2
	return base + profile
}

func parseSpring(parse func(string, []byte) (*springconf.File, error)) func(string, []byte) (int, error) {
	return func(path string, data []byte) (int, error) {
		f, err := parse(path, data)
		if err != nil {
			return 0, err
		}
		n := 0
		for _, d := range f.Docs {
			n += len(d.Entries)
		}
		return n, nil
	}
}

// parseManifest adds the file to a fresh project and resolves it, as the
// checker does; it returns the number of direct dependencies.
func parseManifest(path string, data []byte) (int, error) {
	p := manifest.NewProject()
	if err := p.Add(path, data); err != nil {
		return 0, err
	}
	n := 0
	for _, m := range p.Modules() {
		n += len(m.Deps)
	}
	return n, nil
}

// catalogUser is the build script that makes a version catalog matter: the
// catalog alone declares no dependency.
const catalogUser = "dependencies {\n    implementation libs.powerjob.client\n}\n"

// parseCatalog adds the catalog and a one-line build.gradle that uses it,
// and returns the dependencies resolved through the catalog.
func parseCatalog(path string, data []byte) (int, error) {
	p := manifest.NewProject()
	if err := p.Add(path, data); err != nil {
		return 0, err
	}
	if err := p.Add("build.gradle", []byte(catalogUser)); err != nil {
		return 0, err
	}
	n := 0
	for _, m := range p.Modules() {
		for _, d := range m.Deps {
			if d.Version == "5.1.0" {
				n++
			}
		}
	}
	return n, nil
}

func parseContainers(parse func(string, []byte) ([]deploy.Container, error)) func(string, []byte) (int, error) {
	return func(path string, data []byte) (int, error) {
		cs, err := parse(path, data)
		return len(cs), err
	}
}

func parseKubernetes(path string, data []byte) (int, error) {
	cs, _, err := deploy.ParseKubernetes(path, data)
	return len(cs), err
}

// TestInputsParse checks every benchmark input parses without error and
// yields the expected number of items.
func TestInputsParse(t *testing.T) {
	for _, in := range inputs() {
		t.Run(in.name, func(t *testing.T) {
			got, err := in.parse(in.path, in.data)
			if err != nil {
				t.Fatalf("parse %s: %v", in.path, err)
			}
			if got != in.want {
				t.Errorf("parse %s: %d items, want %d", in.path, got, in.want)
			}
			if len(in.data) < 16<<10 {
				t.Errorf("input %s is %d bytes; want at least 16 KiB so the benchmark measures parsing", in.name, len(in.data))
			}
		})
	}
}

// BenchmarkParse reports each parser's throughput in MB/s.
func BenchmarkParse(b *testing.B) {
	for _, in := range inputs() {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := in.parse(in.path, in.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
