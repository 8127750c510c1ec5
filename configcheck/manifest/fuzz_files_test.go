package manifest

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/twice-lint/twice/configcheck/source"
)

// Fuzz targets for the manifest parsers that had none: lockfiles, the
// position-recording JSON reader, .mvn/maven.config and gradle.properties.
// Seeds (realistic files and the hostile shapes of issue 14) live in
// testdata/fuzz/<FuzzName>/. Each execution parses one small input, so the
// fixed execution count of .ci/run stays fast.

// addAndResolve adds data as name next to a build file that uses what it
// defines, and checks the shared contract (checkFuzzResult).
func addAndResolve(t *testing.T, name string, data []byte, buildFile, build string) {
	t.Helper()
	p := NewProject()
	if err := p.Add(buildFile, []byte(build)); err != nil {
		t.Fatal(err)
	}
	err := p.Add(name, data)
	checkFuzzResult(t, p, name, err)
	if _, errs := p.Resolve(); len(errs) > 0 {
		for _, e := range errs {
			var se *source.Error
			if !errors.As(e, &se) || se.Pos.Line < 1 {
				t.Fatalf("resolution error %v is not a *source.Error at a line", e)
			}
		}
	}
}

const gradleUsingLock = "dependencies {\n implementation \"tech.powerjob:powerjob-client:5.+\"\n}\n"

func FuzzGradleLockfile(f *testing.F) {
	f.Add([]byte("# This is a Gradle generated file for dependency locking.\ntech.powerjob:powerjob-client:5.1.1=compileClasspath,runtimeClasspath\nempty=annotationProcessor\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		addAndResolve(t, "gradle.lockfile", data, "build.gradle", gradleUsingLock)
	})
}

func FuzzMavenLockfile(f *testing.F) {
	f.Add([]byte(`{"artifactId":"a","groupId":"g","version":"1","lockFileVersion":1,"dependencies":[{"groupId":"tech.powerjob","artifactId":"powerjob-client","version":"5.1.1","scope":"compile","children":[]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		addAndResolve(t, "lockfile.json", data, "pom.xml",
			"<project><groupId>g</groupId><artifactId>a</artifactId><version>1</version><dependencies><dependency><groupId>tech.powerjob</groupId><artifactId>powerjob-client</artifactId></dependency></dependencies></project>")
	})
}

// FuzzJSON holds the position-recording reader to encoding/json: it accepts
// only valid JSON, and every value it reads lies inside the input.
func FuzzJSON(f *testing.F) {
	f.Add([]byte(`{"a":[1,2,{"b":null}],"c":"\u00e9"}`))
	f.Add([]byte("\ufeff{\"a\":1}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := parseJSON("lockfile.json", data)
		if err != nil {
			var se *source.Error
			if !errors.As(err, &se) || se.Pos.Line < 1 {
				t.Fatalf("error %v is not a *source.Error at a line", err)
			}
			return
		}
		if !json.Valid(trimBOM(data)) {
			t.Fatalf("accepted invalid JSON %q", data)
		}
		checkJSONPositions(t, v, countLines(data), 0)
	})
}

func trimBOM(data []byte) []byte {
	if len(data) >= 3 && string(data[:3]) == "\ufeff" {
		return data[3:]
	}
	return data
}

func countLines(data []byte) int {
	n := 1
	for _, c := range data {
		if c == '\n' {
			n++
		}
	}
	return n
}

func checkJSONPositions(t *testing.T, v *jsonVal, lines, depth int) {
	t.Helper()
	if v == nil || depth > maxJSONDepth+1 {
		return
	}
	if v.pos.Line < 1 || v.pos.Line > lines {
		t.Fatalf("value at line %d of a %d-line input", v.pos.Line, lines)
	}
	for _, c := range v.elems {
		checkJSONPositions(t, c, lines, depth+1)
	}
	for _, c := range v.members {
		checkJSONPositions(t, c.val, lines, depth+1)
	}
}

func FuzzMavenConfig(f *testing.F) {
	f.Add([]byte("-Drevision=5.1.1 -T 1C\n-D sha1=abc\n--batch-mode\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		addAndResolve(t, ".mvn/maven.config", data, "pom.xml",
			"<project><groupId>g</groupId><artifactId>a</artifactId><version>${revision}</version><dependencies><dependency><groupId>tech.powerjob</groupId><artifactId>powerjob-client</artifactId><version>${revision}</version></dependency></dependencies></project>")
	})
}

func FuzzGradleProperties(f *testing.F) {
	f.Add([]byte("powerjobVersion=5.1.1\norg.gradle.jvmargs=-Xmx2g \\\n  -Dfile.encoding=UTF-8\nkey\\:x = v\\u00e9\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		addAndResolve(t, "gradle.properties", data, "build.gradle",
			"dependencies {\n implementation \"tech.powerjob:powerjob-client:${powerjobVersion}\"\n}\n")
	})
}
