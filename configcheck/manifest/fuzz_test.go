package manifest

import (
	"errors"
	"testing"

	"github.com/twice-lint/twice/configcheck/source"
)

// checkFuzzResult asserts the contract shared by every parser: an error is
// a *source.Error naming the file, and Modules never panics.
func checkFuzzResult(t *testing.T, p *Project, name string, err error) {
	t.Helper()
	if err != nil {
		var se *source.Error
		if !errors.As(err, &se) || se.Pos.File != name || se.Pos.Line < 1 {
			t.Fatalf("error %v is not a *source.Error at a line of %s", err, name)
		}
	}
	for _, m := range p.Modules() {
		for _, d := range m.Deps {
			if d.Pos.File == "" {
				t.Fatalf("dependency %s without a position", d.Coordinate())
			}
		}
	}
}

func FuzzPOM(f *testing.F) {
	f.Add([]byte(`<project><parent><groupId>g</groupId><artifactId>p</artifactId><version>1</version></parent>
<artifactId>a</artifactId><properties><v>${v}</v><w>${w.x}</w><w.x>${w}</w.x></properties>
<dependencies><dependency><groupId>tech.powerjob</groupId><artifactId>powerjob-client</artifactId><version>${w}</version></dependency></dependencies></project>`))
	f.Add([]byte("<project>\n<<<<<<< HEAD\n</project>"))
	f.Add([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><project><dependencyManagement><dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId><version>1</version><type>pom</type><scope>import</scope></dependency></dependencies></dependencyManagement></project>`))
	parent := []byte(`<project><groupId>g</groupId><artifactId>p</artifactId><version>1</version><properties><powerjob.version>5.1.1</powerjob.version></properties>
<dependencyManagement><dependencies><dependency><groupId>tech.powerjob</groupId><artifactId>powerjob-client</artifactId><version>${powerjob.version}</version></dependency></dependencies></dependencyManagement></project>`)
	f.Fuzz(func(t *testing.T, data []byte) {
		p := NewProject()
		if err := p.Add("pom.xml", parent); err != nil {
			t.Fatal(err)
		}
		err := p.Add("child/pom.xml", data)
		checkFuzzResult(t, p, "child/pom.xml", err)
	})
}

func FuzzGradle(f *testing.F) {
	f.Add([]byte("def v = '5.1.1'\ndependencies {\n implementation \"tech.powerjob:powerjob-client:$v\"\n}\n"), false)
	f.Add([]byte("val v by extra(\"1\")\ndependencies {\n implementation(group = \"g\", name = \"a\", version = v)\n // implementation(\"x:y:1\")\n}\n"), true)
	f.Add([]byte("ext { a = \"${b}\"; b = \"${a}\" }\ndependencies { api \"g:a:${a}\" }"), false)
	f.Add([]byte("dependencies { implementation(libs.powerjob.client); implementation(libs.bundles.x) }"), true)
	f.Add([]byte("/* /* nested */ */ dependencies { implementation \"\"\"g:a:${\"1\"}\"\"\" }"), true)
	catalog := []byte("[versions]\np = \"5.1.1\"\n[libraries]\npowerjob-client = { module = \"tech.powerjob:powerjob-client\", version.ref = \"p\" }\n[bundles]\nx = [\"powerjob-client\"]\n")
	f.Fuzz(func(t *testing.T, data []byte, kotlin bool) {
		p := NewProject()
		if err := p.Add("gradle/libs.versions.toml", catalog); err != nil {
			t.Fatal(err)
		}
		name := "app/build.gradle"
		if kotlin {
			name += ".kts"
		}
		err := p.Add(name, data)
		checkFuzzResult(t, p, name, err)
	})
}

func FuzzVersionCatalog(f *testing.F) {
	f.Add([]byte("[versions]\np = \"5.1.1\"\ns = { strictly = \"1.0\" }\n[libraries]\na = { module = \"g:a\", version.ref = \"p\" }\nb = \"g:b:1\"\nc = { group = \"g\", name = \"c\", version = { require = \"2\" } }\n[bundles]\nx = [\n \"a\", # c\n \"b\",\n]\n"))
	f.Add([]byte("a.b.c = '''\nx'''\n[[t]]\nk = 1979-05-27T07:32:00Z\n[[t]]\nk = +inf\n"))
	f.Add([]byte("x = \"\\u00e9\\U0001F600\"\ny = \"\"\"a\\\n  b\"\"\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := NewProject()
		err := p.Add("gradle/libs.versions.toml", data)
		checkFuzzResult(t, p, "gradle/libs.versions.toml", err)
		if err == nil {
			if err := p.Add("build.gradle.kts", []byte("dependencies { implementation(libs.a); implementation(libs.bundles.x) }")); err != nil {
				t.Fatal(err)
			}
			p.Modules()
		}
	})
}

func FuzzCompareVersions(f *testing.F) {
	for _, s := range [][2]string{{"5.1.0-SNAPSHOT", "5.1.0"}, {"5.1.0-bugfix", "5.1.1"}, {"1.0a1", "1.0-alpha-1"}, {"1-1.1", "1.1-1"}, {"..--", "-.-"}, {"1.x2", "1.2x"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		ab, ba := CompareVersions(a, b), CompareVersions(b, a)
		if ab != -ba {
			t.Fatalf("not antisymmetric: Compare(%q,%q)=%d, Compare(%q,%q)=%d", a, b, ab, b, a, ba)
		}
		if ab < -1 || ab > 1 {
			t.Fatalf("Compare(%q,%q)=%d, want -1, 0 or 1", a, b, ab)
		}
		if CompareVersions(a, a) != 0 {
			t.Fatalf("Compare(%q,%q) != 0", a, a)
		}
	})
}
