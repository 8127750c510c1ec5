package deploy

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/twice-lint/twice/configcheck/source"
)

func TestParseComposeOfficialQuickStart(t *testing.T) {
	const f = "testdata/compose/docker-compose.yml"
	cs, err := ParseCompose(f, readFixture(t, f))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range cs {
		names = append(names, c.Name)
	}
	assertEqual(t, "service order", names, []string{"powerjob-mysql", "powerjob-server", "powerjob-worker-samples"})

	assertEqual(t, "mysql", launchless(findContainer(t, cs, "powerjob-mysql")), Container{
		File: f, Kind: KindCompose, Name: "powerjob-mysql", Hosts: []string{"powerjob-mysql"}, // container_name
		Image: "powerjob/powerjob-mysql:latest", ImagePos: at(f, 10, 12),
		Env: []EnvVar{
			{Name: "TZ", Value: "Asia/Shanghai", Pos: at(f, 6, 7)},
			{Name: "MYSQL_ROOT_PASSWORD", Value: "No1Bug2Please3!", Pos: at(f, 7, 7)},
		},
		Args:   []Arg{{Text: "--lower_case_table_names=1", Pos: at(f, 15, 14)}},
		Mounts: []Mount{{Source: "~/powerjob-data/powerjob-mysql", Target: "/var/lib/mysql", Pos: at(f, 14, 9)}},
	})
	assertEqual(t, "server", launchless(findContainer(t, cs, "powerjob-server")), Container{
		File: f, Kind: KindCompose, Name: "powerjob-server", Hosts: []string{"powerjob-server"},
		Image: "powerjob/powerjob-server:5.1.0", ImagePos: at(f, 19, 12),
		Env: []EnvVar{
			{Name: "PARAMS", Value: "--oms.mongodb.enable=false --spring.datasource.core.jdbc-url=jdbc:mysql://powerjob-mysql:3306/powerjob-daily?useUnicode=true&characterEncoding=UTF-8", Pos: at(f, 24, 7)},
			{Name: "JVMOPTIONS", Value: "-Xmx512m", Pos: at(f, 25, 7)},
		},
		Mounts: []Mount{
			{Source: "testdata/compose/powerjob-data/powerjob-server", Target: "/root/powerjob/server/", Pos: at(f, 31, 9)},
			{Source: "testdata/compose/conf/application-product.properties", Target: "/config/application-product.properties", Pos: at(f, 32, 9)},
		},
	})
	worker := findContainer(t, cs, "powerjob-worker-samples")
	if IsServerImage(worker.Image) {
		t.Errorf("worker image %q taken for a server", worker.Image)
	}
}

func TestParseComposeRuoYiAnchorsAndInterpolation(t *testing.T) {
	const f = "testdata/compose/docker-compose.ruoyi.yml"
	cs, err := ParseCompose(f, readFixture(t, f))
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Fatalf("got %d services, want 2 (x-common is an extension field)", len(cs))
	}
	script := at(f, 28, 30)
	assertEqual(t, "ruoyi-powerjob", launchless(findContainer(t, cs, "ruoyi-powerjob")), Container{
		File: f, Kind: KindCompose, Name: "ruoyi-powerjob",
		Image:    "registry.cn-hangzhou.aliyuncs.com/ruoyi/ruoyi-powerjob-server:${TAG}",
		ImagePos: at(f, 12, 12), ImageUnknown: true,
		BuildDockerfile: "testdata/compose/ruoyi-visual/ruoyi-powerjob-server/docker/Dockerfile",
		Env: []EnvVar{
			{Name: "TZ", Value: "Asia/Shanghai", Pos: at(f, 6, 5)},
			{Name: "SPRING_PROFILES_ACTIVE", Value: "prod", Pos: at(f, 7, 5)},
			{Name: "PARAMS", Value: "--spring.profiles.active=prod --oms.auth.openapi.enable=false --server.port=7700\n", Pos: at(f, 18, 7)},
			{Name: "JVMOPTIONS", Value: "-Dfile.encoding=UTF-8 -Doms.auth.openapi.enable=${OMS_AUTH}", Pos: at(f, 22, 7)},
			{Name: "DB_PASSWORD", Pos: at(f, 23, 7), Unknown: true},
		},
		EnvFiles: []string{"testdata/compose/env/powerjob.env", "testdata/compose/env/optional.env"},
		Args: []Arg{
			{Text: "sh", Pos: at(f, 28, 18)},
			{Text: "-c", Pos: at(f, 28, 24)},
			{Text: "java", Pos: script},
			{Text: "$JVMOPTIONS", Pos: script},
			{Text: "-jar", Pos: script},
			{Text: "/app.jar", Pos: script},
			{Text: "$PARAMS", Pos: script},
			{Text: "--logging.level.root=${LOG_LEVEL}", Pos: at(f, 29, 14), Unknown: true},
		},
		Mounts: []Mount{{Source: "testdata/compose/conf/application.yml", Target: "/config/application.yml", Pos: at(f, 31, 9)}},
	})
	gw := findContainer(t, cs, "ruoyi-gateway")
	assertEqual(t, "gateway build", gw.BuildDockerfile, "testdata/compose/ruoyi-gateway/Dockerfile")
	assertEqual(t, "gateway env", gw.Env, []EnvVar{
		{Name: "NACOS_ADDR", Value: "nacos:8848", Pos: at(f, 40, 9)},
		{Name: "PARAMS", Value: `--spring.profiles.active=prod \ --server.port=8080`, Pos: at(f, 41, 9)},
		{Name: "DEBUG", Pos: at(f, 43, 9), Unknown: true},
	})
	assertEqual(t, "gateway PARAMS words", SplitArgs(gw.Env[1].Value),
		[]string{"--spring.profiles.active=prod", "--server.port=8080"})
}

func TestParseComposeLegacyV1(t *testing.T) {
	const f = "testdata/compose/compose.legacy.yml"
	cs, err := ParseCompose(f, readFixture(t, f))
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, "services", len(cs), 2)
	srv := findContainer(t, cs, "server")
	assertEqual(t, "image", srv.Image, "tjqq/powerjob-server:4.3.9")
	assertEqual(t, "env", srv.Env, []EnvVar{{Name: "PARAMS", Value: "--oms.auth.openapi.enable=true", Pos: at(f, 4, 7)}})
}

func TestParseComposeShapes(t *testing.T) {
	const f = "app/docker-compose.yml"
	tests := []struct {
		name string
		src  string
		want Container
	}{
		{
			name: "string command gets a column per word",
			src:  "services:\n  s:\n    image: a\n    command: java  -jar app.jar --x=1\n",
			want: Container{File: f, Kind: KindCompose, Name: "s", Image: "a", ImagePos: at(f, 3, 12), Args: []Arg{
				{Text: "java", Pos: at(f, 4, 14)}, {Text: "-jar", Pos: at(f, 4, 20)},
				{Text: "app.jar", Pos: at(f, 4, 25)}, {Text: "--x=1", Pos: at(f, 4, 33)},
			}},
		},
		{
			name: "quoted command keeps the scalar position",
			src:  "services:\n  s:\n    command: \"--a='x y' --b\"\n",
			want: Container{File: f, Kind: KindCompose, Name: "s", Args: []Arg{
				{Text: "--a=x y", Pos: at(f, 3, 14)}, {Text: "--b", Pos: at(f, 3, 14)},
			}},
		},
		{
			name: "default interpolation forms and $$",
			src: "services:\n  s:\n    image: powerjob/powerjob-server:${V-5.1.1}\n    environment:\n" +
				"      A: ${X:-x}\n      B: pre-${Y}-post\n      C: $$HOME\n      D: ${Z:?required}\n      E: '${W:-${V:-nested}}'\n",
			want: Container{File: f, Kind: KindCompose, Name: "s", Image: "powerjob/powerjob-server:5.1.1", ImagePos: at(f, 3, 12),
				Env: []EnvVar{
					{Name: "A", Value: "x", Pos: at(f, 5, 7)},
					{Name: "B", Value: "pre-${Y}-post", Pos: at(f, 6, 7), Unknown: true, Unresolved: []string{"${Y}"}},
					{Name: "C", Value: "$HOME", Pos: at(f, 7, 7)},
					{Name: "D", Value: "${Z:?required}", Pos: at(f, 8, 7), Unknown: true, Unresolved: []string{"${Z:?required}"}},
					{Name: "E", Value: "nested", Pos: at(f, 9, 7)},
				}},
		},
		{
			name: "PARAMS as quoted multi-line, literal block and escaped line break",
			src: "services:\n  s:\n    environment:\n      - \"PARAMS=--a=1 \\\n        --b=2\"\n    command: \"--c=3\n      --d=4\"\n" +
				"    entrypoint: |\n      java\n      -jar app.jar\n",
			want: Container{File: f, Kind: KindCompose, Name: "s",
				Env: []EnvVar{{Name: "PARAMS", Value: "--a=1 --b=2", Pos: at(f, 4, 9)}},
				Args: []Arg{
					{Text: "java", Pos: at(f, 8, 17)}, {Text: "-jar", Pos: at(f, 8, 17)}, {Text: "app.jar", Pos: at(f, 8, 17)},
					{Text: "--c=3", Pos: at(f, 6, 14)}, {Text: "--d=4", Pos: at(f, 6, 14)},
				}},
		},
		{
			name: "template in a file that parses as YAML",
			src:  "services:\n  s:\n    image: \"{{ .Values.image }}\"\n",
			want: Container{File: f, Kind: KindCompose, Name: "s", Image: "{{ .Values.image }}", ImagePos: at(f, 3, 12), ImageUnknown: true},
		},
		{
			name: "non-string scalars and null service are tolerated",
			src:  "services:\n  empty:\n  s:\n    environment:\n      PORT: 7700\n      FLAG: true\n",
			want: Container{File: f, Kind: KindCompose, Name: "s", Env: []EnvVar{
				{Name: "PORT", Value: "7700", Pos: at(f, 5, 7)}, {Name: "FLAG", Value: "true", Pos: at(f, 6, 7)},
			}},
		},
		{
			name: "top-level configs mounted by name",
			src:  "services:\n  s:\n    configs:\n      - app\n      - source: app\n        target: /config/application.properties\nconfigs:\n  app:\n    file: ./conf/app.properties\n",
			want: Container{File: f, Kind: KindCompose, Name: "s", Mounts: []Mount{
				{Source: "app/conf/app.properties", Target: "/app", Pos: at(f, 4, 9)},
				{Source: "app/conf/app.properties", Target: "/config/application.properties", Pos: at(f, 5, 9)},
			}},
		},
		{
			name: "merge list: first source wins",
			src:  "x-a: &a {environment: {K: from-a}}\nx-b: &b {environment: {K: from-b}, image: b}\nservices:\n  s:\n    <<: [*a, *b]\n",
			want: Container{File: f, Kind: KindCompose, Name: "s", Image: "b", ImagePos: at(f, 2, 43),
				Env: []EnvVar{{Name: "K", Value: "from-a", Pos: at(f, 1, 24)}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := ParseCompose(f, []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if len(cs) != 1 {
				t.Fatalf("got %d containers, want 1: %+v", len(cs), cs)
			}
			assertEqual(t, "container", launchless(cs[0]), tt.want)
		})
	}
}

func TestParseComposeBadInput(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		wantLine int // 0: no error expected, nil result
	}{
		{"merge conflict", "services:\n  s:\n<<<<<<< HEAD\n    image: a:1\n=======\n    image: a:2\n>>>>>>> branch\n", 3},
		{"bad indentation", "services:\n  s:\n    image: a\n      command: x\n", 4},
		{"unterminated flow list", "services:\n  s:\n    command: [a, b\n", 3},
		{"top level list", "- a\n- b\n", 1},
		{"services is a list", "services:\n  - a\n", 2},
		{"unknown anchor", "services:\n  s: *nope\n", 2},
		{"helm template that is not YAML", "services:\n  {{ .Values.name }}:\n    image: {{ .Values.image }}\n", 0},
		{"empty file", "", 0},
		{"comments only", "# nothing here\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := ParseCompose("docker-compose.yml", []byte(tt.src))
			if tt.wantLine == 0 {
				if err != nil || cs != nil {
					t.Fatalf("got (%v, %v), want (nil, nil)", cs, err)
				}
				return
			}
			var se *source.Error
			if !errors.As(err, &se) {
				t.Fatalf("got error %v (%T), want *source.Error", err, err)
			}
			if se.Pos.File != "docker-compose.yml" || se.Pos.Line != tt.wantLine || se.Pos.Col < 1 {
				t.Errorf("error at %v, want line %d: %v", se.Pos, tt.wantLine, se)
			}
		})
	}
}

func TestParseComposeBounded(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		bomb += n + ": &" + n + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n"
		prev = n
	}
	bomb += "services:\n  s:\n    <<: *i\n    environment: *i\n    command: *i\n    volumes: *i\n"
	// Merges of merges of the same anchor: each level doubles the work of a
	// naive expansion.
	mergeBomb := "x0: &x0 {image: a}\n"
	for i := 1; i <= 40; i++ {
		cur, prev := "x"+strconv.Itoa(i), "*x"+strconv.Itoa(i-1)
		mergeBomb += cur + ": &" + cur + " {<<: [" + prev + ", " + prev + "]}\n"
	}
	mergeBomb += "services:\n  s:\n    <<: *x40\n"
	deep := "services:\n  s:\n    environment: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n"
	for name, src := range map[string]string{"alias bomb": bomb, "merge bomb": mergeBomb, "deep nesting": deep} {
		t.Run(name, func(t *testing.T) {
			_, _ = ParseCompose("docker-compose.yml", []byte(src))
		})
	}
}
