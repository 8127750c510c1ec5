// Package hostile generates the small hostile files of issue 14 — inputs
// far under the size cap that used to crash, stall or exhaust the memory of
// `twice config` — for tests, fuzz seeds and bench/. Each generator returns
// the file's content; sizes are parameters so that tests can check growth.
package hostile

import (
	"fmt"
	"strings"
)

// Chain writes defs definitions through line (a format with the name and
// the value), each value repeating the previous name ten times through ref
// (a format such as "${%s}"): 10^defs bytes once expanded, from a few
// hundred bytes of text. The first value is "0123456789"; names are V0, V1…
func Chain(defs int, line, ref string) string {
	var b strings.Builder
	for i := range defs {
		val := "0123456789"
		if i > 0 {
			val = strings.Repeat(fmt.Sprintf(ref, fmt.Sprintf("V%d", i-1)), 10)
		}
		fmt.Fprintf(&b, line, fmt.Sprintf("V%d", i), val)
	}
	return b.String()
}

// DockerfileEnvBomb is a Dockerfile of the PowerJob server image whose ENV
// values each expand the previous one ten times, then sets PARAMS.
func DockerfileEnvBomb(defs int, params string) string {
	return "FROM powerjob/powerjob-server:5.1.0\n" + Chain(defs, "ENV %s=%s\n", "${%s}") +
		"ENV PARAMS=" + params + "\n"
}

// KubernetesEnvBomb is a Deployment whose env values each expand the
// previous one ten times through $(VAR), then sets PARAMS.
func KubernetesEnvBomb(defs int, params string) string {
	return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: s}\nspec:\n  template:\n    spec:\n      containers:\n" +
		"      - name: server\n        image: powerjob/powerjob-server:5.1.0\n        env:\n" +
		Chain(defs, "        - name: %s\n          value: \"%s\"\n", "$(%s)") +
		"        - name: PARAMS\n          value: " + params + "\n"
}

// PomPropertyBomb is a pom whose properties each repeat the previous one
// ten times, used as the version of artifact x:bomb, next to a
// powerjob-client whose version is the plain property powerjob.version.
func PomPropertyBomb(defs int, clientVersion string) string {
	return "<project>\n<groupId>g</groupId><artifactId>a</artifactId><version>1</version>\n<properties>\n" +
		Chain(defs, "<%[1]s>%[2]s</%[1]s>\n", "${%s}") +
		"<powerjob.version>" + clientVersion + "</powerjob.version>\n</properties>\n<dependencies>\n" +
		fmt.Sprintf("<dependency><groupId>x</groupId><artifactId>bomb</artifactId><version>${V%d}</version></dependency>\n", defs-1) +
		"<dependency><groupId>tech.powerjob</groupId><artifactId>powerjob-client</artifactId><version>${powerjob.version}</version></dependency>\n" +
		"</dependencies>\n</project>\n"
}

// GradleVarBomb is a build script whose def variables each repeat the
// previous one ten times, used by x:bomb, next to a powerjob-client whose
// version is a plain variable.
func GradleVarBomb(defs int, clientVersion string) string {
	return Chain(defs, "def %s = \"%s\"\n", "${%s}") +
		"def pj = \"" + clientVersion + "\"\ndependencies {\n" +
		fmt.Sprintf("  implementation \"x:bomb:${V%d}\"\n", defs-1) +
		"  implementation \"tech.powerjob:powerjob-client:$pj\"\n}\n"
}

// PlaceholderBomb is an application.properties whose placeholders each
// repeat the previous one ten times, ending with a key that uses the last.
func PlaceholderBomb(defs int, key string) string {
	return Chain(defs, "%s=%s\n", "${%s}") + fmt.Sprintf("%s=${V%d}\n", key, defs-1)
}

// EmptyYAMLDocuments is n empty YAML documents followed by body.
func EmptyYAMLDocuments(n int, body string) string {
	return strings.Repeat("---\n", n) + body
}

// NestedGradleBlocks is depth open blocks, statements one-token statements
// at that depth, and the closing braces.
func NestedGradleBlocks(depth, statements int) string {
	return strings.Repeat("a {\n", depth) + strings.Repeat("x\n", statements) + strings.Repeat("}\n", depth)
}
