// Command genhostile writes the small hostile files of issue 14 — inputs far
// under the size cap that once crashed, stalled or exhausted `twice config`
// — as a repository tree next to a real auth-off PowerJob server, and as
// fuzz seeds for the parsers' fuzz targets.
//
//	genhostile -tree DIR    full-size shapes (160 KB of empty YAML documents,
//	                        2 MB of nested Gradle blocks, expansion bombs, …);
//	                        `twice config DIR` must exit 1 within seconds,
//	                        reporting the server and an error per bomb.
//	genhostile -seeds ROOT  small versions of the same shapes as seed files
//	                        under ROOT/configcheck/*/testdata/fuzz/<Fuzz>/.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/twice-lint/twice/internal/hostile"
)

func main() {
	tree := flag.String("tree", "", "write the hostile repository tree into this directory")
	seeds := flag.String("seeds", "", "write fuzz seeds under this repository root")
	flag.Parse()
	if *tree == "" && *seeds == "" {
		fmt.Fprintln(os.Stderr, "usage: genhostile -tree DIR | -seeds REPO_ROOT")
		os.Exit(2)
	}
	var err error
	if *tree != "" {
		err = write(*tree, treeFiles())
	}
	if err == nil && *seeds != "" {
		err = write(*seeds, seedFiles())
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genhostile:", err)
		os.Exit(1)
	}
}

const authOff = "--oms.auth.openapi.enable=false"

// treeFiles is the hostile tree at full size, by slash path.
func treeFiles() map[string]string {
	return map[string]string{
		"server/src/main/resources/application.properties": "oms.auth.openapi.enable=false\n",
		"docker/Dockerfile":                   hostile.DockerfileEnvBomb(12, authOff),
		"k8s/server.yaml":                     hostile.KubernetesEnvBomb(12, authOff),
		"mvn/pom.xml":                         hostile.PomPropertyBomb(14, "5.1.1"),
		"gradle/build.gradle":                 hostile.GradleVarBomb(14, "5.1.1"),
		"placeholders/application.properties": hostile.PlaceholderBomb(14, "oms.auth.openapi.enable"),
		"yaml/application.yml":                hostile.EmptyYAMLDocuments(40000, "oms:\n  auth.openapi.enable: false\n"),
		"nested/build.gradle":                 hostile.NestedGradleBlocks(256, 1<<20-1024),
	}
}

// seedFiles are small versions of the shapes, in the fuzz corpus format,
// by slash path from the repository root.
func seedFiles() map[string]string {
	deploy, manifest, spring := "configcheck/deploy/testdata/fuzz/", "configcheck/manifest/testdata/fuzz/", "configcheck/springconf/testdata/fuzz/"
	return map[string]string{
		deploy + "FuzzParseDockerfile/hostile-env-chain":    corpus(hostile.DockerfileEnvBomb(7, authOff)),
		deploy + "FuzzParseKubernetes/hostile-var-chain":    corpus(hostile.KubernetesEnvBomb(7, authOff)),
		manifest + "FuzzPOM/hostile-property-chain":         corpus(hostile.PomPropertyBomb(8, "5.1.1")),
		manifest + "FuzzGradle/hostile-variable-chain":      corpus(hostile.GradleVarBomb(8, "5.1.1"), false),
		manifest + "FuzzGradle/hostile-nested-blocks":       corpus(hostile.NestedGradleBlocks(300, 50), true),
		manifest + "FuzzJSON/hostile-deep-arrays":           corpus(strings.Repeat("[", 300) + strings.Repeat("]", 300)),
		manifest + "FuzzGradleProperties/hostile-continued": corpus(strings.Repeat("k=v\\\n", 500) + "powerjobVersion=5.1.1\n"),
		manifest + "FuzzMavenConfig/hostile-pending-d":      corpus(strings.Repeat("-D ", 300) + "-Drevision=5.1.1\n"),
		manifest + "FuzzGradleLockfile/hostile-configs":     corpus("tech.powerjob:powerjob-client:5.1.1=" + strings.Repeat("c,", 500) + "\n"),
		manifest + "FuzzMavenLockfile/hostile-deep-children": corpus(`{"dependencies":[` + strings.Repeat(`{"groupId":"g","artifactId":"a","version":"1","children":[`, 100) +
			strings.Repeat("]}", 100) + "]}"),
		spring + "FuzzParseYAML/hostile-empty-documents":    corpus(hostile.EmptyYAMLDocuments(500, "oms:\n  auth.openapi.enable: false\n")),
		spring + "FuzzParseProperties/hostile-placeholders": corpus(hostile.PlaceholderBomb(8, "oms.auth.openapi.enable")),
		spring + "FuzzProfileExpr/hostile-deep-parens":      corpus(strings.Repeat("(", 100)+"prod"+strings.Repeat(")", 100), "prod"),
		spring + "FuzzProfileExpr/hostile-negations":        corpus(strings.Repeat("!", 200)+"prod", "prod"),
	}
}

// corpus encodes fuzz arguments in the `go test fuzz v1` format: strings
// for string parameters, []byte for a first argument otherwise (the
// parsers' targets take []byte).
func corpus(args ...any) string {
	var b strings.Builder
	b.WriteString("go test fuzz v1\n")
	for i, a := range args {
		switch v := a.(type) {
		case string:
			if i == 0 && !isStringTarget(args) {
				fmt.Fprintf(&b, "[]byte(%q)\n", v)
			} else {
				fmt.Fprintf(&b, "string(%q)\n", v)
			}
		case bool:
			fmt.Fprintf(&b, "bool(%v)\n", v)
		}
	}
	return b.String()
}

// isStringTarget: targets whose arguments are all strings (FuzzProfileExpr).
func isStringTarget(args []any) bool {
	for _, a := range args {
		if _, ok := a.(string); !ok {
			return false
		}
	}
	return len(args) > 1
}

func write(root string, files map[string]string) error {
	for p, content := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			return err
		}
	}
	return nil
}
