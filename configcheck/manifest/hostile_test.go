package manifest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/twice-lint/twice/configcheck/internal/growth"
	"github.com/twice-lint/twice/configcheck/source"
	"github.com/twice-lint/twice/internal/hostile"
)

// Hostile build files far under the size cap (issue 14).

func TestExpansionBudget(t *testing.T) {
	tests := []struct {
		name, file, data string
		wantErrFile      string
		wantErrLine      int
	}{
		{"maven properties", "pom.xml", hostile.PomPropertyBomb(12, "5.1.1"), "pom.xml", 8},          // <p4>: 10×p3 passes 64 KiB
		{"gradle variables", "build.gradle", hostile.GradleVarBomb(12, "5.1.1"), "build.gradle", 15}, // the declaration that uses the bomb
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := NewProject()
			if err := p.Add(tt.file, []byte(tt.data)); err != nil {
				t.Fatal(err)
			}
			mods, errs := p.Resolve()
			if len(errs) == 0 {
				t.Fatal("no input error for a 10^12-byte expansion")
			}
			var se *source.Error
			if !errors.As(errs[0], &se) || se.Pos.File != tt.wantErrFile || se.Pos.Line != tt.wantErrLine ||
				!strings.Contains(se.Msg, "expansion budget") {
				t.Errorf("error = %v, want an expansion budget error at %s:%d", errs[0], tt.wantErrFile, tt.wantErrLine)
			}
			if len(mods) != 1 {
				t.Fatalf("got %d modules, want 1", len(mods))
			}
			got := map[string]string{}
			for _, d := range mods[0].Deps {
				got[d.Artifact] = d.Version
				if len(d.Version) > 64<<10 {
					t.Errorf("%s version is %d bytes: not capped", d.Artifact, len(d.Version))
				}
			}
			if got["powerjob-client"] != "5.1.1" {
				t.Errorf("powerjob-client version = %q, want 5.1.1 resolved next to the bomb (deps %v)", got["powerjob-client"], got)
			}
			if got["bomb"] != "" {
				t.Errorf("the bomb's version should be unknown, got %d bytes", len(got["bomb"]))
			}
		})
	}
}

// TestParsersLinear: doubling the input at most doubles the cost (see
// package growth); nested Gradle blocks used to copy the open-block list
// per statement.
func TestParsersLinear(t *testing.T) {
	tests := []struct {
		name, file string
		n          int
		gen        func(n int) string
	}{
		{"gradle nested blocks", "build.gradle", 60, func(n int) string {
			// n groups of 256-deep nesting with a statement at every level.
			var b strings.Builder
			for range n {
				for d := range 256 {
					fmt.Fprintf(&b, "b%d {\nx = %d\n", d, d)
				}
				b.WriteString(strings.Repeat("}\n", 256))
			}
			return b.String()
		}},
		{"gradle dependencies", "build.gradle.kts", 3000, repeatLine(
			"val v = \"1\"\ndependencies {\n",
			"  implementation(\"g:a%d:$v\")\n",
			"}\n")},
		{"pom dependencies", "pom.xml", 2000, repeatLine(
			"<project><groupId>g</groupId><artifactId>a</artifactId><version>1</version><properties><v>1</v></properties><dependencies>\n",
			"<dependency><groupId>g</groupId><artifactId>a%d</artifactId><version>${v}</version></dependency>\n",
			"</dependencies></project>\n")},
		{"version catalog", "gradle/libs.versions.toml", 3000, func(n int) string {
			var b strings.Builder
			b.WriteString("[versions]\n")
			for i := range n {
				fmt.Fprintf(&b, "v%d = \"1.%d\"\n", i, i)
			}
			b.WriteString("[libraries]\n")
			for i := range n {
				fmt.Fprintf(&b, "l%d = { module = \"g:a%d\", version.ref = \"v%d\" }\n", i, i, i)
			}
			return b.String()
		}},
		{"maven lockfile", "lockfile.json", 2000, func(n int) string {
			var b strings.Builder
			b.WriteString(`{"groupId":"g","artifactId":"a","version":"1","dependencies":[`)
			for i := range n {
				if i > 0 {
					b.WriteString(",")
				}
				fmt.Fprintf(&b, `{"groupId":"g","artifactId":"a%d","version":"1.%d","scope":"compile","children":[{"groupId":"t","artifactId":"c%d","version":"2"}]}`, i, i, i)
			}
			b.WriteString("]}\n")
			return b.String()
		}},
		{"maven.config", ".mvn/maven.config", 5000, repeatLine("", "-Dp%[1]d=%[1]d -D q%[1]d=x\n", "")},
		{"gradle.properties", "gradle.properties", 5000, repeatLine("", "k%[1]d = v\\\n  continued%[1]d\n", "")},
		{"gradle lockfile", "gradle.lockfile", 5000, repeatLine("", "g:a%[1]d:1.%[1]d=compileClasspath,runtimeClasspath\n", "")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			growth.Linear(t, tt.n, func(n int) []byte { return []byte(tt.gen(n)) }, func(d []byte) {
				p := NewProject()
				if err := p.Add(tt.file, d); err != nil {
					t.Fatalf("%s: %v", tt.file, err)
				}
				_ = p.Modules()
			})
		})
	}
}

// repeatLine generates head, then line formatted with each i from 0 to n-1
// (%[1]d refers to i again), then foot.
func repeatLine(head, line, foot string) func(n int) string {
	return func(n int) string {
		var b strings.Builder
		b.WriteString(head)
		for i := range n {
			fmt.Fprintf(&b, line, i)
		}
		b.WriteString(foot)
		return b.String()
	}
}

// TestNestedBlocksMemory: a script of nested blocks costs a bounded number
// of bytes per input byte (each statement used to copy the whole stack of
// open blocks: 2 MB of nesting took 5 GB; that shape cost ~2,800 bytes per
// input byte, it now costs ~450: tokens and statements).
func TestNestedBlocksMemory(t *testing.T) {
	// 256 open blocks, then many one-token statements at that depth.
	data := []byte(hostile.NestedGradleBlocks(256, 20000))
	cost := growth.Measure(func() { _, _ = parseGradleScript("build.gradle", data) })
	if perByte := float64(cost.Bytes) / float64(len(data)); perByte > 1000 {
		t.Errorf("parsing %d bytes of nested blocks allocated %d bytes (%.0f per input byte, limit 1000)", len(data), cost.Bytes, perByte)
	}
}
