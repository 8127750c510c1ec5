package manifest

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestParseTOMLValues(t *testing.T) {
	doc := "# catalog\n" +
		"[versions]\n" +
		"a = \"1.0\" # trailing comment\n" +
		"'b.c' = 'lit\\eral'\n" +
		"d = \"\"\"\nmulti\\\n   line\"\"\"\n" +
		"[libraries.x]\n" +
		"module = \"g:x\"\n" +
		"version.ref = \"a\"\n" +
		"[libraries]\n" +
		"y = { group = \"g\", name = \"y\", version = { strictly = \"[1,2)\", prefer = \"1.5\" } }\n" +
		"e = \"\\u00e9\"\n"
	root, err := parseTOML("libs.versions.toml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	versions := tableOf(root.get("versions"))
	libs := tableOf(root.get("libraries"))
	tests := []struct {
		name string
		v    *tomlValue
		want string // value@line:col of the key
	}{
		{"basic string", versions.get("a"), "1.0@3:1"},
		{"quoted key, literal string keeps backslash", versions.get("b.c"), "lit\\eral@4:1"},
		{"multi-line string with line-ending backslash", versions.get("d"), "multiline@5:1"},
		{"dotted key under a table header", tableOf(tableOf(libs.get("x")).get("version")).get("ref"), "a@10:1"},
		{"inline table nested", tableOf(tableOf(libs.get("y")).get("version")).get("prefer"), "1.5@12:64"},
		{"unicode escape", libs.get("e"), "é@13:1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.v == nil {
				t.Fatal("value missing")
			}
			if got := fmt.Sprintf("%s@%d:%d", tc.v.str, tc.v.keyPos.Line, tc.v.keyPos.Col); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
	vc, err := parseVersionCatalog("gradle/libs.versions.toml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	// the rich version's strictly is a range, so prefer decides
	if lib := vc.libraries["y"]; lib.version != "1.5" || lib.artifact != "y" {
		t.Errorf("library y = %+v, want version 1.5 from prefer", lib)
	}
	if v, raw, p := vc.libraryVersion(vc.libraries["x"]); v != "1.0" || raw != "libs.versions.a" || p.Line != 3 {
		t.Errorf("library x version = %q %q %v, want 1.0 libs.versions.a line 3", v, raw, p)
	}
}

func TestGradleLexerComments(t *testing.T) {
	tests := []struct {
		name   string
		kotlin bool
		src    string
		want   []string // string literals the lexer sees, in order
	}{
		{"line comment", false, "a 'x' // 'y'\n'z'", []string{"x", "z"}},
		{"comment markers inside strings", false, "'http://h/p' \"/* not */\" '''//'''", []string{"http://h/p", "/* not */", "//"}},
		{"block comment", false, "/* 'x'\n 'y' */ 'z'", []string{"z"}},
		{"groovy block comments do not nest", false, "/* /* */ 'x' /* */", []string{"x"}},
		{"kotlin block comments nest", true, "/* /* */ \"x\" */ \"y\"", []string{"y"}},
		{"escaped quote", false, `'it\'s' "say \"hi\""`, []string{"it's", `say "hi"`}},
		{"single quotes do not interpolate", false, `'$v' "${v}" "$a.b"`, []string{"$v", "${v}", "${a.b}"}},
		{"kotlin $a.b interpolates a only", true, `"$a.b"`, []string{"${a}.b"}},
		{"escaped dollar", false, `"\$v"`, []string{"$v"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks, _, err := lexGradle("build.gradle", []byte(tc.src), tc.kotlin)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, tk := range toks {
				if tk.kind == gString {
					got = append(got, stringSource(tk))
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("strings = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestGradleProperties(t *testing.T) {
	src := "# comment\n! also a comment\n" +
		"plain=1\n" +
		"  spaced : 2 \n" +
		"blank 3\n" +
		"multi=a,\\\n    b\n" +
		"escaped\\ key=\\u0041\\t\n" +
		"empty=\n"
	gp, err := parseGradleProperties("gradle.properties", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ key, want string }{
		{"plain", "1@3:1"},
		{"spaced", "2@4:3"},
		{"blank", "3@5:1"},
		{"multi", "a,b@6:1"},
		{"escaped key", "A@8:1"},
		{"empty", "@9:1"},
	}
	for _, tc := range tests {
		v, ok := gp.values[tc.key]
		if got := fmt.Sprintf("%s@%d:%d", v.text, v.pos.Line, v.pos.Col); !ok || got != tc.want {
			t.Errorf("%q = %s (present %v), want %s", tc.key, got, ok, tc.want)
		}
	}
}

// TestResolutionEdgeCases covers resolution rules that need no fixture tree.
func TestResolutionEdgeCases(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // "buildFile coord=version@versionPos file:line" for every direct dependency
	}{
		{
			name: "property cycle stays unknown",
			files: map[string]string{"pom.xml": `<project><groupId>g</groupId><artifactId>a</artifactId><version>1</version>
<properties><x>${y}</x><y>${x}</y></properties>
<dependencies><dependency><groupId>tech.powerjob</groupId><artifactId>powerjob-client</artifactId><version>${x}</version></dependency></dependencies></project>`},
			want: []string{"pom.xml tech.powerjob:powerjob-client=@"},
		},
		{
			name: "parent outside the repository leaves managed versions unknown",
			files: map[string]string{"pom.xml": `<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.2.5</version></parent>
<artifactId>a</artifactId>
<dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>`},
			want: []string{"pom.xml org.springframework.boot:spring-boot-starter-web=@"},
		},
		{
			name: "parent found by coordinates when relativePath is empty",
			files: map[string]string{
				"parent/pom.xml": "<project><groupId>g</groupId><artifactId>p</artifactId><version>1</version>\n<properties>\n<pj>5.1.2</pj></properties></project>",
				"svc/pom.xml": `<project><parent><groupId>g</groupId><artifactId>p</artifactId><version>1</version><relativePath/></parent><artifactId>s</artifactId>
<dependencies><dependency><groupId>tech.powerjob</groupId><artifactId>powerjob-client</artifactId><version>${pj}</version></dependency></dependencies></project>`,
			},
			want: []string{"svc/pom.xml tech.powerjob:powerjob-client=5.1.2@parent/pom.xml:3"},
		},
		{
			name: "version range is not a version",
			files: map[string]string{"pom.xml": `<project><artifactId>a</artifactId>
<dependencies><dependency><groupId>tech.powerjob</groupId><artifactId>powerjob-client</artifactId><version>[5.0,5.2)</version></dependency></dependencies></project>`},
			// No Version; Dynamic keeps the range and VersionPos its <version> line.
			want: []string{"pom.xml tech.powerjob:powerjob-client=@pom.xml:2"},
		},
		{
			name:  "gradle script with a byte-order mark keeps its first line",
			files: map[string]string{"build.gradle": "\uFEFFext.pj = '5.1.0'\ndependencies { implementation \"tech.powerjob:powerjob-client:$pj\" }\n"},
			want:  []string{"build.gradle tech.powerjob:powerjob-client=5.1.0@build.gradle:1"},
		},
		{
			name:  "kotlin script with a byte-order mark and a one-line dependencies block",
			files: map[string]string{"build.gradle.kts": "\uFEFFdependencies { implementation(\"tech.powerjob:powerjob-client:5.1.1\") }\n"},
			want:  []string{"build.gradle.kts tech.powerjob:powerjob-client=5.1.1@"},
		},
		{
			name:  "gradle variable cycle stays unknown",
			files: map[string]string{"build.gradle": "ext { a = \"$b\"; b = \"$a\" }\ndependencies { implementation \"g:x:$a\" }\n"},
			want:  []string{"build.gradle g:x=@"},
		},
		{
			name: "gradle string concatenation and subproject property override",
			files: map[string]string{
				"settings.gradle":           "include 'svc'\n",
				"gradle.properties":         "pj=5.0.0\n",
				"svc/gradle.properties":     "pj=5.1.1\n",
				"svc/build.gradle":          "dependencies {\n  implementation 'tech.powerjob:powerjob-client:' + pj\n}\n",
				"gradle/libs.versions.toml": "[versions]\nunused = \"1\"\n",
			},
			want: []string{"svc/build.gradle tech.powerjob:powerjob-client=5.1.1@svc/gradle.properties:1"},
		},
		{
			name: "kotlin constraints and catalog version accessors",
			files: map[string]string{
				"settings.gradle.kts":       "include(\"app\")\n",
				"gradle/libs.versions.toml": "[versions]\npowerjob = \"5.1.1\"\n",
				"app/build.gradle.kts": "dependencies {\n" +
					"    implementation(\"tech.powerjob:powerjob-client\")\n" +
					"    implementation(\"tech.powerjob:powerjob-worker:${libs.versions.powerjob.get()}\")\n" +
					"    implementation(\"tech.powerjob:powerjob-common\")\n" +
					"    constraints {\n" +
					"        implementation(\"tech.powerjob:powerjob-client:5.0.1-beta\") { because(\"server not upgraded\") }\n" +
					"    }\n" +
					"}\n",
			},
			want: []string{
				"app/build.gradle.kts tech.powerjob:powerjob-client=5.0.1-beta@app/build.gradle.kts:6",
				"app/build.gradle.kts tech.powerjob:powerjob-worker=5.1.1@gradle/libs.versions.toml:2",
				"app/build.gradle.kts tech.powerjob:powerjob-common=@",
			},
		},
		{
			name: "maven.config -D properties win over pom properties",
			files: map[string]string{
				".mvn/maven.config": "-B --no-transfer-progress\n-Drevision=3.0.0 -D powerjob.version=5.1.2\n",
				"pom.xml": `<project><groupId>g</groupId><artifactId>a</artifactId><version>${revision}</version>
<properties><revision>0-SNAPSHOT</revision><powerjob.version>5.1.0</powerjob.version></properties>
<dependencies><dependency><groupId>tech.powerjob</groupId><artifactId>powerjob-client</artifactId><version>${powerjob.version}</version></dependency>
<dependency><groupId>g</groupId><artifactId>b</artifactId><version>${project.version}</version></dependency></dependencies></project>`,
			},
			want: []string{"pom.xml tech.powerjob:powerjob-client=5.1.2@.mvn/maven.config:2", "pom.xml g:b=3.0.0@.mvn/maven.config:2"},
		},
		{
			name: "block brace on the next line",
			files: map[string]string{"build.gradle": "dependencies\n\n{\n    implementation 'tech.powerjob:powerjob-client:5.1.1'\n}\n" +
				"configurations\n\n{\n    implementation 'not:a-dependency:1'\n}\n"},
			want: []string{"build.gradle tech.powerjob:powerjob-client=5.1.1@"},
		},
		{
			name:  "exponential property chain is cut off",
			files: map[string]string{"pom.xml": expChainPOM(40)},
			want:  []string{"pom.xml g:x=@"},
		},
		{
			name:  "exponential gradle variable chain is cut off",
			files: map[string]string{"build.gradle": expChainGradle(40)},
			want:  []string{"build.gradle g:x=@"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := NewProject()
			for name, content := range tc.files {
				if err := p.Add(name, []byte(content)); err != nil {
					t.Fatalf("Add(%s): %v", name, err)
				}
			}
			var got []string
			for _, m := range p.Modules() {
				for _, d := range m.Deps {
					got = append(got, fmt.Sprintf("%s %s=%s@%s", m.BuildFile, d.Coordinate(), d.Version, lineOf(d.VersionPos)))
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestIsManifest(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"pom.xml", true},
		{"svc/pom.xml", true},
		{"build.gradle", true},
		{"app/build.gradle.kts", true},
		{"settings.gradle.kts", true},
		{"gradle.properties", true},
		{"gradle/libs.versions.toml", true},
		{"gradle/deps.versions.toml", true},
		{".versions.toml", false},
		{"gradle.lockfile", true},
		{"buildscript-gradle.lockfile", true},
		{"app/gradle/dependency-locks/compileClasspath.lockfile", true},
		{"app/compileClasspath.lockfile", false},
		{"svc/lockfile.json", true},
		{".mvn/maven.config", true},
		{"maven.config", false},
		{"application.properties", false},
		{"pom.xml.bak", false},
		{"Dockerfile", false},
	}
	for _, tc := range tests {
		if got := IsManifest(tc.path); got != tc.want {
			t.Errorf("IsManifest(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

// expChainPOM builds properties p0 = ${p1}${p1}, p1 = ${p2}${p2}, … whose
// naive expansion takes 2^n steps.
func expChainPOM(n int) string {
	var b strings.Builder
	b.WriteString("<project><artifactId>a</artifactId><properties>")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "<p%d>${p%d}${p%d}</p%d>", i, i+1, i+1, i)
	}
	fmt.Fprintf(&b, "<p%d>1</p%d></properties>", n, n)
	b.WriteString("<dependencies><dependency><groupId>g</groupId><artifactId>x</artifactId><version>${p0}</version></dependency></dependencies></project>")
	return b.String()
}

// expChainGradle is expChainPOM for ext variables.
func expChainGradle(n int) string {
	var b strings.Builder
	b.WriteString("ext {\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  p%d = \"${p%d}${p%d}\"\n", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "  p%d = '1'\n}\ndependencies {\n  implementation \"g:x:$p0\"\n}\n", n)
	return b.String()
}
