package deploy

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/twice-lint/twice/configcheck/source"
)

func TestParseKubernetesDeploymentWithConfigMap(t *testing.T) {
	const f = "testdata/k8s/powerjob-server.yaml"
	data := readFixture(t, f)
	cs, files, err := ParseKubernetes(f, data)
	if err != nil {
		t.Fatal(err)
	}
	props := "# database\nspring.datasource.core.jdbc-url=jdbc:mysql://mysql:3306/powerjob-product\n\noms.auth.openapi.enable=false\n"
	assertEqual(t, "embedded files", files, []EmbeddedFile{{
		Name: "application-product.properties", Data: []byte(props), File: f,
		LineOffset: 9, ColOffset: 4, Exact: true, KeyPos: at(f, 9, 3), ConfigMap: "powerjob-server-config",
	}})

	var names []string
	for _, c := range cs {
		names = append(names, c.Name)
	}
	assertEqual(t, "containers (init containers excluded)", names, []string{"powerjob-server/server", "powerjob-server/log-shipper"})

	server := findContainer(t, cs, "powerjob-server/server")
	assertEqual(t, "server", launchless(server), Container{
		File: f, Kind: KindKubernetes, Name: "powerjob-server/server",
		Namespace: "scheduling", Labels: map[string]string{"app": "powerjob-server"},
		Image: "docker.io/powerjob/powerjob-server:5.1.1", ImagePos: at(f, 35, 18),
		Env: []EnvVar{
			{Name: "SPRING_PROFILES_ACTIVE", Value: "product", Pos: at(f, 8, 3)},
			{Name: "application-product.properties", Value: props, Pos: at(f, 9, 3)},
			{Name: "logback.xml", Value: "<configuration/>", Pos: at(f, 14, 3)},
			{Name: "JVMOPTIONS", Value: "-Xms1g -Xmx1g", Pos: at(f, 42, 15)},
			{Name: "AUTH", Value: "false", Pos: at(f, 44, 15)},
			{Name: "DB_PASSWORD", Pos: at(f, 46, 15), Unknown: true},
			{Name: "PARAMS", Value: "--oms.auth.openapi.enable=false --spring.datasource.core.password=$(DB_PASSWORD)",
				Pos: at(f, 49, 15), Unknown: true, Unresolved: []string{"$(DB_PASSWORD)"}},
		},
		EnvFromConfigMaps: []string{"powerjob-server-config"},
		EnvFromSecrets:    []string{"powerjob-db"},
		Args: []Arg{
			{Text: "--server.port=7700", Pos: at(f, 51, 18)},
			{Text: "--oms.auth.openapi.enable=false", Pos: at(f, 51, 40)},
		},
		Mounts: []Mount{{
			Source: "configmap:powerjob-server-config", Target: "/config/application-product.properties",
			SubPath: "application-product.properties", Pos: at(f, 53, 15),
		}},
	})
	assertEqual(t, "PARAMS words", server.Env[6].Words(), []Arg{
		{Text: "--oms.auth.openapi.enable=false", Pos: at(f, 49, 15)},
		{Text: "--spring.datasource.core.password=$(DB_PASSWORD)", Pos: at(f, 49, 15), Unknown: true},
	})

	// The embedded file's offsets map its lines back to the manifest.
	lines := strings.Split(string(data), "\n")
	for i, l := range strings.Split(strings.TrimSuffix(props, "\n"), "\n") {
		fileLine := lines[i+files[0].LineOffset]
		if l != "" && fileLine[files[0].ColOffset:] != l {
			t.Errorf("data line %d = %q, file line %d = %q", i+1, l, i+1+files[0].LineOffset, fileLine)
		}
	}
}

func TestParseKubernetesHelmTemplateIsSkipped(t *testing.T) {
	const f = "testdata/k8s/helm-deployment.yaml"
	data := readFixture(t, f)
	if !LooksLikeKubernetes(data) {
		t.Fatal("the template looks like a manifest; the skip must come from the template check")
	}
	cs, files, err := ParseKubernetes(f, data)
	if cs != nil || files != nil || err != nil {
		t.Errorf("got (%v, %v, %v), want (nil, nil, nil)", cs, files, err)
	}
}

func TestParseKubernetesListAndCronJob(t *testing.T) {
	const f = "testdata/k8s/cronjob-list.yaml"
	cs, files, err := ParseKubernetes(f, readFixture(t, f))
	if err != nil {
		t.Fatal(err)
	}
	if files != nil {
		t.Errorf("unexpected embedded files %v", files)
	}
	assertEqual(t, "containers", launchlessAll(cs), []Container{
		{
			File: f, Kind: KindKubernetes, Name: "nightly-report/report",
			Image: "registry.example.com/tools/report:2.0", ImagePos: at(f, 17, 26),
			Args: []Arg{
				{Text: "java", Pos: at(f, 18, 29)}, {Text: "-jar", Pos: at(f, 18, 35)}, {Text: "/report.jar", Pos: at(f, 18, 41)},
				{Text: "--powerjob.server=http://powerjob-server:7700", Pos: at(f, 20, 23)},
			},
		},
		{File: f, Kind: KindKubernetes, Name: "debug/shell", Image: "powerjob/powerjob-server", ImagePos: at(f, 28, 18)},
	})
}

func TestParseKubernetesShapes(t *testing.T) {
	const f = "deploy/k8s.yaml"
	tests := []struct {
		name  string
		src   string
		want  []Container
		files []EmbeddedFile
	}{
		{
			name: "not kubernetes",
			src:  "spring:\n  application:\n    name: x\nkind: of\n",
		},
		{
			name: "helm template is skipped",
			src:  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  containers: {{ toYaml .Values.containers | nindent 4 }}\n",
		},
		{
			name: "sh -c script is split; $$ escapes",
			src: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: powerjob/powerjob-server:5.1.0\n" +
				"    command: [/bin/sh, -ec, \"exec java $$(JVMOPTIONS) -jar /powerjob-server.jar --oms.auth.openapi.enable=true\"]\n",
			want: []Container{{File: f, Kind: KindKubernetes, Name: "p/c", Image: "powerjob/powerjob-server:5.1.0", ImagePos: at(f, 7, 12),
				Args: []Arg{
					{Text: "/bin/sh", Pos: at(f, 8, 15)}, {Text: "-ec", Pos: at(f, 8, 24)},
					{Text: "exec", Pos: at(f, 8, 29)}, {Text: "java", Pos: at(f, 8, 29)}, {Text: "$(JVMOPTIONS)", Pos: at(f, 8, 29)},
					{Text: "-jar", Pos: at(f, 8, 29)}, {Text: "/powerjob-server.jar", Pos: at(f, 8, 29)},
					{Text: "--oms.auth.openapi.enable=true", Pos: at(f, 8, 29)},
				}}},
		},
		{
			name: "folded config is not exact; yml and multiple documents",
			src: "---\n# nothing\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  application.yml: >\n    oms: {auth: {openapi: {enable: true}}}\n" +
				"  bootstrap.yaml: |-\n      spring:\n        profiles:\n          active: product\n",
			files: []EmbeddedFile{
				{Name: "application.yml", Data: []byte("oms: {auth: {openapi: {enable: true}}}\n"), File: f, LineOffset: 8, KeyPos: at(f, 9, 3), ConfigMap: "cfg"},
				{Name: "bootstrap.yaml", Data: []byte("spring:\n  profiles:\n    active: product"), File: f, LineOffset: 11, ColOffset: 6, Exact: true, KeyPos: at(f, 11, 3), ConfigMap: "cfg"},
			},
		},
		{
			name: "CRLF manifest keeps exact offsets",
			src:  "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: cfg\r\ndata:\r\n  application.properties: |\r\n    a=1\r\n    oms.auth.openapi.enable=false\r\n",
			files: []EmbeddedFile{
				{Name: "application.properties", Data: []byte("a=1\noms.auth.openapi.enable=false\n"), File: f, LineOffset: 6, ColOffset: 4, Exact: true, KeyPos: at(f, 6, 3), ConfigMap: "cfg"},
			},
		},
		{
			name: "Argo Rollout",
			src:  "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: powerjob/powerjob-server:5.1.1}]\n",
			want: []Container{{File: f, Kind: KindKubernetes, Name: "r/c", Image: "powerjob/powerjob-server:5.1.1", ImagePos: at(f, 7, 37)}},
		},
		{
			name: "StatefulSet, env without value, valueFrom field ref in args",
			src: "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s}\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: tjqq/powerjob-server:5.1.0\n" +
				"        env:\n        - name: EMPTY\n        - name: POD_IP\n          valueFrom: {fieldRef: {fieldPath: status.podIP}}\n        args: [\"-Dpowerjob.network.external.address=$(POD_IP)\"]\n",
			want: []Container{{File: f, Kind: KindKubernetes, Name: "s/c", Image: "tjqq/powerjob-server:5.1.0", ImagePos: at(f, 9, 16),
				Env:  []EnvVar{{Name: "EMPTY", Pos: at(f, 11, 11)}, {Name: "POD_IP", Pos: at(f, 12, 11), Unknown: true}},
				Args: []Arg{{Text: "-Dpowerjob.network.external.address=$(POD_IP)", Pos: at(f, 14, 16), Unknown: true}},
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, files, err := ParseKubernetes(f, []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			assertEqual(t, "containers", launchlessAll(cs), tt.want)
			assertEqual(t, "embedded files", files, tt.files)
		})
	}
}

func TestParseKubernetesBadInput(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		wantLine int // 0: any line
		wantMsg  string
	}{
		{"merge conflict", "apiVersion: v1\nkind: Pod\n<<<<<<< ours\nmetadata: {name: a}\n=======\nmetadata: {name: b}\n>>>>>>> theirs\n", 3, "merge conflict marker"},
		{"broken second document", "apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n   image: b\n", 9, "invalid YAML"},
		{"merge bomb", mergeBomb("apiVersion: v1\nkind: List\n", 60), 0, "alias expansion limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ParseKubernetes("k8s/app.yaml", []byte(tt.src))
			var se *source.Error
			if !errors.As(err, &se) {
				t.Fatalf("got %v, want *source.Error", err)
			}
			if (tt.wantLine != 0 && se.Pos.Line != tt.wantLine) || se.Pos.Line < 1 || se.Pos.File != "k8s/app.yaml" {
				t.Errorf("error at %v, want line %d", se.Pos, tt.wantLine)
			}
			if !strings.Contains(se.Msg, tt.wantMsg) {
				t.Errorf("error %q, want it to mention %q", se.Msg, tt.wantMsg)
			}
		})
	}
}

// mergeBomb builds mappings that each merge the previous one twice: a
// naive expansion of the last one visits 2^levels nodes.
func mergeBomb(prefix string, levels int) string {
	var b strings.Builder
	b.WriteString(prefix)
	b.WriteString("x0: &x0 {kind: Pod, spec: {containers: [{name: x, image: y}]}}\n")
	for i := 1; i <= levels; i++ {
		cur, prev := "x"+strconv.Itoa(i), "*x"+strconv.Itoa(i-1)
		b.WriteString(cur + ": &" + cur + " {<<: [" + prev + ", " + prev + "]}\n")
	}
	b.WriteString("items: [*x" + strconv.Itoa(levels) + "]\n")
	return b.String()
}

func TestLooksLikeKubernetes(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"apiVersion: v1\nkind: ConfigMap\n", true},
		{"\xef\xbb\xbfkind: Service\napiVersion: v1\n", true},
		{"# comment\n---\napiVersion: v1\n---\nkind: Pod\n", false}, // split across documents
		{"spring:\n  kind: x\n  apiVersion: y\n", false},
		{"services:\n  web:\n    image: nginx\n", false},
		{"apiVersion : v1\nkind : Pod\n", true},
	}
	for _, tt := range tests {
		if got := LooksLikeKubernetes([]byte(tt.src)); got != tt.want {
			t.Errorf("LooksLikeKubernetes(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}
