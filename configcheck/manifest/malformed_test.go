package manifest

import (
	"errors"
	"strings"
	"testing"

	"github.com/twice-lint/twice/configcheck/source"
)

func TestMalformedInput(t *testing.T) {
	tests := []struct {
		name, path, content string
		wantPos             string // file:line:col of the *source.Error
		wantMsg             string
	}{
		{"pom merge conflict", "svc/pom.xml",
			"<project>\n  <version>1</version>\n<<<<<<< HEAD\n  <x/>\n=======\n  <y/>\n>>>>>>> feature\n</project>\n",
			"svc/pom.xml:3:1", "merge-conflict marker"},
		{"pom unclosed element", "svc/pom.xml",
			"<project>\n  <dependencies>\n    <dependency>\n  </dependencies>\n</project>\n",
			"svc/pom.xml:4:", "malformed XML"},
		{"pom truncated inside an element: end of the last line", "svc/pom.xml",
			"<project>\n  <dependencies>\n    <dependency>\n      <groupId>tech.powerjob</groupId>\n", "svc/pom.xml:4:39", "unexpected EOF"},
		{"pom truncated without final newline", "svc/pom.xml",
			"<project>\n  <dependencies>", "svc/pom.xml:2:17", "unexpected EOF"},
		{"pom wrong root", "svc/pom.xml", "<?xml version=\"1.0\"?>\n<settings/>\n", "svc/pom.xml:2:1", "want <project>"},
		{"pom empty", "pom.xml", "", "pom.xml:1:1", "no XML root"},
		{"pom unknown entity", "pom.xml", "<project>\n<name>&nbsp;</name></project>", "pom.xml:2:", "malformed XML"},
		{"catalog unterminated string", "gradle/libs.versions.toml",
			"[versions]\npowerjob = \"5.1.1\n", "gradle/libs.versions.toml:2:18", "basic strings cannot have new lines"},
		{"catalog duplicate key", "gradle/libs.versions.toml",
			"[versions]\npowerjob = \"5.1.1\"\npowerjob = \"5.1.2\"\n", "gradle/libs.versions.toml:3:1", "duplicate key"},
		{"catalog missing equals", "gradle/libs.versions.toml",
			"[libraries]\npowerjob-client { module = \"tech.powerjob:powerjob-client\" }\n", "gradle/libs.versions.toml:2:17", "expected '='"},
		{"catalog garbage after value", "gradle/libs.versions.toml",
			"[versions]\na = \"1\" b\n", "gradle/libs.versions.toml:2:9", "expected newline but got U+0062 'b'"},
		{"catalog table twice", "gradle/libs.versions.toml",
			"[versions]\n[versions]\n", "gradle/libs.versions.toml:2:", "defined twice"},
		{"catalog unclosed array", "gradle/libs.versions.toml",
			"[bundles]\nx = [\"a\",\n", "gradle/libs.versions.toml:2:10", "array is incomplete"},
		{"gradle unterminated string", "app/build.gradle",
			"dependencies {\n    implementation 'tech.powerjob:powerjob-client:5.1.1\n}\n", "app/build.gradle:2:20", "unterminated string"},
		{"gradle unterminated comment", "app/build.gradle.kts",
			"dependencies {\n/* implementation(\"a:b:1\")\n}\n", "app/build.gradle.kts:2:1", "unterminated /*"},
		{"gradle merge conflict", "build.gradle",
			"ext {\n<<<<<<< ours\n  v = '1'\n=======\n  v = '2'\n>>>>>>> theirs\n}\n", "build.gradle:2:1", "merge-conflict marker"},
		{"properties merge conflict", "gradle.properties",
			"a=1\n=======\n", "gradle.properties:2:1", "merge-conflict marker"},
		{"gradle lockfile bad line", "app/gradle.lockfile",
			"# comment\ntech.powerjob:powerjob-client=compileClasspath\n", "app/gradle.lockfile:2:1", "malformed lockfile entry"},
		{"maven lockfile bad json", "lockfile.json",
			"{\n  \"dependencies\": [\n    {\"groupId\": \"a\",,}\n  ]\n}\n", "lockfile.json:3:", "malformed JSON"},
		{"maven lockfile truncated", "lockfile.json", "{\n  \"dependencies\": [\n", "lockfile.json:", "malformed JSON"},
		{"file too large", "pom.xml", "<project>" + strings.Repeat(" ", maxFileSize) + "</project>", "pom.xml:1:1", "too large"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := NewProject()
			err := p.Add(tc.path, []byte(tc.content))
			var se *source.Error
			if !errors.As(err, &se) {
				t.Fatalf("Add = %v, want a *source.Error", err)
			}
			if !strings.HasPrefix(se.Pos.String(), tc.wantPos) || !strings.Contains(se.Msg, tc.wantMsg) {
				t.Errorf("error = %s, want position %s… and message containing %q", se, tc.wantPos, tc.wantMsg)
			}
			if mods := p.Modules(); len(mods) != 0 {
				t.Errorf("a malformed file must be ignored, got modules %+v", mods)
			}
		})
	}
}

// TestTolerated lists inputs that look odd but are valid and must not error.
func TestTolerated(t *testing.T) {
	tests := []struct{ name, path, content string }{
		{"pom with BOM and CRLF", "pom.xml", "\ufeff<?xml version=\"1.0\"?>\r\n<project>\r\n<artifactId>a</artifactId>\r\n</project>\r\n"},
		{"pom in latin-1", "pom.xml", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<project><name>Caf\xe9</name></project>\n"},
		{"gradle with unbalanced braces", "build.gradle", "dependencies {\n implementation 'a:b:1'\n}\n}\n"},
		{"gradle slashes in strings", "build.gradle.kts", "val u = \"http://x//y\"\nval v = '/'\n"},
		{"empty catalog", "gradle/libs.versions.toml", "# nothing yet\n"},
		{"lockfile with only empty", "gradle.lockfile", "empty=compileClasspath\n"},
		{"properties with odd lines", "gradle.properties", "\\\nkey\n=value\n\\u12\n"},
		{"not a manifest", "README.md", "<<<<<<< HEAD\n"},
		{"another tool's lockfile.json", "web/lockfile.json", "{\"packages\": {\"left-pad\": \"1.3.0\"}}\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := NewProject().Add(tc.path, []byte(tc.content)); err != nil {
				t.Errorf("Add(%s) = %v, want nil", tc.path, err)
			}
		})
	}
}
