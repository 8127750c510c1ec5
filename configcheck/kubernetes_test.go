package configcheck

import (
	"context"
	"fmt"
	"slices"
	"testing"
)

// k8sServer is a Deployment of the official server image 5.1.2 with the
// given container env/args YAML (indented for the container) that mounts
// the ConfigMap powerjob-config at /config/ (a default Spring location under
// the image's working directory /) when one is defined.
func k8sServer(container string) string {
	return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: powerjob-server\nspec:\n  template:\n    spec:\n" +
		"      containers:\n        - name: server\n          image: powerjob/powerjob-server:5.1.2\n" + container +
		"          volumeMounts:\n            - name: config\n              mountPath: /config\n" +
		"      volumes:\n        - name: config\n          configMap:\n            name: powerjob-config\n"
}

// configMap is a ConfigMap powerjob-config whose data is the given YAML
// (indented for data), followed by a document separator. Its first data key
// is on line 6.
func configMap(data string) string {
	return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: powerjob-config\ndata:\n" + data + "---\n"
}

// TestKubernetesValuesAndPositions covers what a Kubernetes manifest leaves
// open or places inexactly: command-line words that expand $(VAR) of a
// variable from a Secret (the value is unknown, not the literal "$(AUTH)"),
// and config files in ConfigMap values that are not literal blocks, whose
// lines cannot be mapped to the manifest's lines (findings and errors are
// placed at the data key, never at a line the value does not cover).
func TestKubernetesValuesAndPositions(t *testing.T) {
	const javaCommand = "          command: [\"java\", \"-jar\", \"/powerjob-server.jar\"]\n"
	const secretAuth = "          env:\n            - name: AUTH\n              valueFrom:\n                secretKeyRef:\n                  name: powerjob\n                  key: openapi-auth\n"
	tests := []struct {
		name     string
		manifest string
		want     []string // unauthenticated-openapi findings as severity@line:col
		wantErrs []string // input errors as line:col
	}{
		// args reach java only where the entrypoint is replaced (command:).
		{"$(VAR) from a Secret in args: unknown", k8sServer(secretAuth + javaCommand +
			"          args:\n            - --oms.auth.openapi.enable=$(AUTH)\n"),
			[]string{"note@19:15"}, nil},
		{"$(VAR) from a Secret in a -D option of JVMOPTIONS: unknown", k8sServer(secretAuth +
			"            - name: JVMOPTIONS\n              value: -Xmx1g -Doms.auth.openapi.enable=$(AUTH)\n"),
			[]string{"note@17:15"}, nil},
		{"$(VAR) with a literal value in args: resolved", k8sServer(
			"          env:\n            - name: AUTH\n              value: \"false\"\n" + javaCommand +
				"          args:\n            - --oms.auth.openapi.enable=$(AUTH)\n"),
			[]string{"warning@16:15"}, nil},
		{"args without a replaced entrypoint never reach Spring", k8sServer(
			"          args:\n            - --oms.auth.openapi.enable=true\n"),
			[]string{"warning@10:18"}, nil},
		{"literal block: exact line and column", configMap(
			"  application.properties: |\n    oms.mongodb.enable=false\n    oms.auth.openapi.enable=false\n") + k8sServer(""),
			[]string{"warning@8:5"}, nil},
		{"double-quoted value with \\n escapes: at the data key", configMap(
			"  application.properties: \"oms.mongodb.enable=false\\noms.auth.openapi.enable=false\\n\"\n") + k8sServer(""),
			[]string{"warning@6:3"}, nil},
		{"double-quoted value wrapped over lines (kubectl -o yaml): at the data key", configMap(
			"  application.properties: \"spring.datasource.core.username=powerjob  \\noms.mongodb.enable=false\n    \\ \\noms.auth.openapi.enable=false\\n\"\n") + k8sServer(""),
			[]string{"warning@6:3"}, nil},
		{"folded YAML file: at the data key", configMap(
			"  application.yml: >\n    oms.auth.openapi.enable: false\n") + k8sServer(""),
			[]string{"warning@6:3"}, nil},
		{"malformed YAML in a quoted value: error at the data key", configMap(
			"  application.yml: \"oms:\\n  auth: [\\n\"\n") + k8sServer(""),
			[]string{"warning@17:18"}, []string{"6:3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			writeTree(t, root, map[string]string{"k8s/powerjob.yaml": tt.manifest})
			r, err := Scan(context.Background(), nil, Options{WorkDir: root})
			if err != nil {
				t.Fatal(err)
			}
			var got, gotErrs []string
			for _, f := range r.Findings {
				if f.Rule == RuleUnauthenticatedOpenAPI {
					got = append(got, fmt.Sprintf("%s@%d:%d", f.Severity, f.Location.Line, f.Location.Column))
				}
			}
			for _, e := range r.Errors {
				gotErrs = append(gotErrs, fmt.Sprintf("%d:%d", e.Location.Line, e.Location.Column))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
			if !slices.Equal(gotErrs, tt.wantErrs) {
				t.Errorf("input errors = %q (%+v), want %q", gotErrs, r.Errors, tt.wantErrs)
			}
		})
	}
}
