package configcheck

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/twice-lint/twice/internal/hostile"
)

// TestHostileSmallFiles scans a tree of the small hostile files of issue 14
// next to a real auth-off server: every hostile file is an input error or
// parsed within bounds (the test timeout bounds time; the package tests
// bound allocations), and the real finding is still reported.
func TestHostileSmallFiles(t *testing.T) {
	const off = "--oms.auth.openapi.enable=false"
	forged := "x\n\x1b[31mserver/application.properties:1:1: warning: forged [unauthenticated-openapi]"
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"server/src/main/resources/application.properties": "oms.auth.openapi.enable=false\n",
		"docker/Dockerfile":                   hostile.DockerfileEnvBomb(9, off),
		"k8s/server.yaml":                     hostile.KubernetesEnvBomb(9, off),
		"mvn/pom.xml":                         hostile.PomPropertyBomb(12, "5.1.1"),
		"gradle/build.gradle":                 hostile.GradleVarBomb(12, "5.1.1"),
		"placeholders/application.properties": hostile.PlaceholderBomb(12, "oms.auth.openapi.enable"),
		"yaml/application.yml":                hostile.EmptyYAMLDocuments(40000, "oms:\n  auth.openapi.enable: false\n"),
		"nested/build.gradle":                 hostile.NestedGradleBlocks(256, 100000),
		forged + "/application.properties":    "oms.auth.openapi.enable=false\n",
		"bad\xffname/application.properties":  "oms.auth.openapi.enable=false\n",
	})
	r, err := Scan(context.Background(), nil, Options{WorkDir: root})
	if err != nil {
		t.Fatal(err)
	}
	errorsAt := map[string]string{}
	for _, e := range r.Errors {
		errorsAt[e.Location.Path] = e.Message
	}
	findingsAt := map[string]string{}
	for _, f := range r.Findings {
		findingsAt[f.Location.Path] = f.Rule
	}
	for _, p := range []string{"docker/Dockerfile", "k8s/server.yaml", "mvn/pom.xml", "gradle/build.gradle"} {
		if !strings.Contains(errorsAt[p], "expansion budget") {
			t.Errorf("%s: no expansion budget error (errors: %v)", p, errorsAt)
		}
	}
	for _, p := range []string{
		"server/src/main/resources/application.properties", // the real server
		"docker/Dockerfile", "k8s/server.yaml", // PARAMS next to the refused expansion
		"yaml/application.yml", forged + "/application.properties", "bad\xffname/application.properties",
	} {
		if findingsAt[p] != RuleUnauthenticatedOpenAPI {
			t.Errorf("%q: finding lost next to the hostile files (findings: %v)", p, keys(findingsAt))
		}
	}
	// Placeholders that expand past the budget: unknown, so a note that says why.
	noted := false
	for _, f := range r.Findings {
		if f.Location.Path == "placeholders/application.properties" {
			noted = f.Severity == SeverityNote && strings.Contains(f.Message, "expansion budget")
		}
	}
	if !noted {
		t.Errorf("placeholder bomb: no note naming the expansion budget (findings: %v)", keys(findingsAt))
	}
	if got := r.ExitCode("warning"); got != 1 {
		t.Errorf("exit code %d, want 1 (input errors)", got)
	}
	checkUnforgeable(t, r, forged)
}

// checkUnforgeable: the text output has exactly one well-formed line per
// finding and error whatever the paths hold, no terminal escape reaches
// it, and JSON keeps every path's bytes recoverable.
func checkUnforgeable(t *testing.T, r *Report, forged string) {
	t.Helper()
	var text bytes.Buffer
	if err := WriteText(r, &text); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(text.String(), "\n"), "\n")
	if len(lines) != len(r.Findings)+len(r.Errors) {
		t.Errorf("text output has %d lines for %d findings and errors:\n%s", len(lines), len(r.Findings)+len(r.Errors), text.String())
	}
	for _, l := range lines {
		if !textLine.MatchString(l) {
			t.Errorf("malformed output line %q", l)
		}
		if strings.ContainsAny(l, "\x1b\r") || !isPlain(l) {
			t.Errorf("raw control or invalid byte in %q", l)
		}
	}
	if !strings.Contains(text.String(), `"x\n\x1b[31mserver`) {
		t.Errorf("the forged path is not printed Go-quoted:\n%s", text.String())
	}
	var js bytes.Buffer
	if err := WriteJSON(r, &js); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Findings []struct {
			Location struct {
				Path      string `json:"path"`
				PathBytes string `json:"path_bytes"`
			} `json:"location"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	paths := map[string]bool{}
	for _, f := range doc.Findings {
		p := f.Location.Path
		if f.Location.PathBytes != "" {
			raw, err := base64.StdEncoding.DecodeString(f.Location.PathBytes)
			if err != nil {
				t.Fatalf("path_bytes %q: %v", f.Location.PathBytes, err)
			}
			p = string(raw)
		}
		paths[p] = true
	}
	for _, want := range []string{"bad\xffname/application.properties", forged + "/application.properties"} {
		if !paths[want] {
			t.Errorf("JSON does not let %q be recovered (paths: %q)", want, keys(paths))
		}
	}
}
