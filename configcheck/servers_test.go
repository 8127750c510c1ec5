package configcheck

import (
	"context"
	"slices"
	"strconv"
	"testing"
)

// TestContainerServers covers how containers become servers: compose
// services built from a Dockerfile in the repository, custom server images,
// bind-mounted config directories, and images that are not servers.
func TestContainerServers(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // unauthenticated-openapi findings as severity@path:line
	}{
		{"compose builds the server Dockerfile: one server, ENV from the Dockerfile", map[string]string{
			"docker-compose.yml": "services:\n  scheduler:\n    build: ./server\n    ports: [\"7700:7700\"]\n",
			"server/Dockerfile":  "FROM powerjob/powerjob-server:5.1.0\nENV TZ=UTC \\\n    PARAMS=\"--oms.auth.openapi.enable=false\"\n",
		}, []string{"warning@server/Dockerfile:3"}},
		{"service environment overrides the built Dockerfile", map[string]string{
			"docker-compose.yml": "services:\n  scheduler:\n    build: ./server\n    environment:\n      OMS_AUTH_OPENAPI_ENABLE: \"true\"\n",
			"server/Dockerfile":  "FROM powerjob/powerjob-server:5.1.0\nENV OMS_AUTH_OPENAPI_ENABLE=false\n",
		}, nil},
		{"custom image with a mounted config directory", map[string]string{
			"docker-compose.yml":        "services:\n  pj:\n    image: ruoyi/ruoyi-powerjob-server:latest\n    volumes:\n      - ./conf:/powerjob-server/config\n",
			"conf/application.yml":      "oms:\n  auth:\n    openapi:\n      enable: true\n",
			"conf/application-prod.yml": "oms.auth.openapi.enable: false\n",
		}, nil}, // no active profile: the base file's true decides
		{"mounted file under another name is the server's config", map[string]string{
			"docker-compose.yml":  "services:\n  pj:\n    image: registry.example.com/powerjob/powerjob-server:5.1.0\n    volumes:\n      - ./powerjob.properties:/config/application.properties:ro\n",
			"powerjob.properties": "oms.mongodb.enable=false\n# auth stays off until the console supports it\noms.auth.openapi.enable=false\n",
		}, []string{"warning@powerjob.properties:3"}},
		{"worker and look-alike images are not servers", map[string]string{
			"docker-compose.yml": "services:\n  w:\n    image: powerjob/powerjob-worker-samples:5.1.0\n  m:\n    image: powerjob/powerjob-server-mysql:latest\n",
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := scanFiles(t, tt.files)
			if len(r.Errors) > 0 {
				t.Fatalf("input errors: %+v", r.Errors)
			}
			if got := findingsAt(r, RuleUnauthenticatedOpenAPI); !slices.Equal(got, tt.want) {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestRemoteConfigAndArguments covers config-center data committed to the
// repository (bootstrap Nacos data-ids, placeholders in import locations)
// and PARAMS words whose value comes from the deployment environment.
func TestRemoteConfigAndArguments(t *testing.T) {
	starterPom := "<project><groupId>a</groupId><artifactId>s</artifactId><version>1</version><dependencies><dependency>" +
		"<groupId>tech.powerjob</groupId><artifactId>powerjob-server-starter</artifactId><version>5.1.0</version>" +
		"</dependency></dependencies></project>\n"
	tests := []struct {
		name  string
		files map[string]string
		want  []string // unauthenticated-openapi findings as severity@path:line
	}{
		{"bootstrap Nacos data-id committed: loaded, not a second server", map[string]string{
			"boot/pom.xml":                                starterPom,
			"boot/src/main/resources/bootstrap.yml":       "spring:\n  application:\n    name: powerjob-server\n  cloud:\n    nacos:\n      config:\n        server-addr: nacos:8848\n        file-extension: yaml\n",
			"boot/src/main/resources/application.yml":     "oms:\n  table-prefix: pj_\n",
			"config/nacos/powerjob-server.yaml":           "oms:\n  auth:\n    openapi:\n      enable: false\n",
			"config/nacos/powerjob-server-prod.yaml":      "oms.auth.openapi.enable: true\n",
			"boot/src/main/resources/application-dev.yml": "spring.datasource.core.username: dev\n",
		}, []string{"warning@config/nacos/powerjob-server.yaml:4"}},
		{"Nacos data overrides the local application file", map[string]string{
			"boot/src/main/resources/bootstrap.properties":   "spring.application.name=jobs\nspring.cloud.nacos.config.server-addr=nacos:8848\n",
			"boot/src/main/resources/application.properties": "oms.auth.openapi.enable=false\n",
			"nacos/jobs.properties":                          "oms.auth.openapi.enable=true\n",
		}, nil},
		{"active profile picks the profile data-id", map[string]string{
			"boot/src/main/resources/bootstrap.properties":   "spring.application.name=jobs\nspring.cloud.nacos.config.server-addr=nacos:8848\nspring.profiles.active=prod\n",
			"boot/src/main/resources/application.properties": "oms.env=PRODUCT\n",
			"nacos/jobs.properties":                          "oms.auth.openapi.enable=true\n",
			"nacos/jobs-prod.properties":                     "oms.auth.openapi.enable=false\n",
		}, []string{"warning@nacos/jobs-prod.properties:1"}},
		{"shared-configs data-id committed", map[string]string{
			"boot/src/main/resources/bootstrap.yml":          "spring:\n  cloud:\n    nacos:\n      config:\n        server-addr: nacos:8848\n        shared-configs:\n          - data-id: powerjob-common.properties\n",
			"boot/src/main/resources/application.properties": "oms.env=PRODUCT\n",
			"nacos/powerjob-common.properties":               "oms.auth.openapi.enable=false\n",
		}, []string{"warning@nacos/powerjob-common.properties:1"}}, // set in committed data: not "absent locally"
		{"import location with a placeholder", map[string]string{
			"app/src/main/resources/application.yml": "spring:\n  application:\n    name: jobs-admin\n  config:\n    import: optional:nacos:${spring.application.name}.properties\noms:\n  env: PRODUCT\n",
			"nacos/jobs-admin.properties":            "oms.auth.openapi.enable=false\n",
		}, []string{"warning@nacos/jobs-admin.properties:1"}},
		{"import location with an unresolved placeholder stays remote", map[string]string{
			"app/src/main/resources/application.yml": "spring:\n  config:\n    import: optional:nacos:${APP}.properties\noms:\n  env: PRODUCT\n  mongodb:\n    enable: false\n",
		}, []string{"note@app/src/main/resources/application.yml:1"}},
		{"PARAMS with an unresolved password still shows the auth argument", map[string]string{
			"docker-compose.yml": "services:\n  pj:\n    image: powerjob/powerjob-server:5.1.0\n    environment:\n      PARAMS: \"--spring.datasource.core.password=${DB_PASSWORD} --oms.auth.openapi.enable=false\"\n",
		}, []string{"warning@docker-compose.yml:5"}},
		{"PARAMS with a whole-word reference may set anything", map[string]string{
			"docker-compose.yml": "services:\n  pj:\n    image: powerjob/powerjob-server:5.1.0\n    environment:\n      PARAMS: \"--server.port=7700 ${EXTRA_PARAMS}\"\n",
		}, []string{"note@docker-compose.yml:3"}},
		{"PARAMS whose auth value is unresolved", map[string]string{
			"docker-compose.yml": "services:\n  pj:\n    image: powerjob/powerjob-server:5.1.0\n    environment:\n      PARAMS: \"--oms.auth.openapi.enable=${AUTH}\"\n",
		}, []string{"note@docker-compose.yml:5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := scanFiles(t, tt.files)
			if len(r.Errors) > 0 {
				t.Fatalf("input errors: %+v", r.Errors)
			}
			if got := findingsAt(r, RuleUnauthenticatedOpenAPI); !slices.Equal(got, tt.want) {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestComposeOverrides: docker-compose.override.yml is merged into the
// service of the same name in docker-compose.yml of its directory, as
// `docker compose up` does by default; other compose files are not.
func TestComposeOverrides(t *testing.T) {
	base := "services:\n  powerjob-server:\n    image: powerjob/powerjob-server:5.1.0\n    environment:\n      PARAMS: \"--oms.auth.openapi.enable=false\"\n"
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"override enables auth", map[string]string{
			"deploy/docker-compose.yml":          "services:\n  powerjob-server:\n    image: powerjob/powerjob-server:5.1.0\n",
			"deploy/docker-compose.override.yml": "services:\n  powerjob-server:\n    environment:\n      OMS_AUTH_OPENAPI_ENABLE: \"true\"\n",
		}, nil},
		{"override replaces PARAMS as a whole", map[string]string{
			"deploy/docker-compose.yml":          base,
			"deploy/docker-compose.override.yml": "services:\n  powerjob-server:\n    environment:\n      PARAMS: \"--server.port=7700\"\n",
		}, []string{"warning@deploy/docker-compose.yml:3"}}, // not set any more: default false, at the image line
		{"override image gives the version", map[string]string{
			"deploy/compose.yaml":          "services:\n  pj:\n    image: powerjob/powerjob-server:5.1.0\n",
			"deploy/compose.override.yaml": "services:\n  pj:\n    image: powerjob/powerjob-server:4.3.9\n",
		}, []string{"warning@deploy/compose.override.yaml:3"}},
		{"a prod file is not a default override", map[string]string{
			"deploy/docker-compose.yml":      "services:\n  pj:\n    image: powerjob/powerjob-server:5.1.0\n",
			"deploy/docker-compose.prod.yml": "services:\n  pj:\n    environment:\n      OMS_AUTH_OPENAPI_ENABLE: \"true\"\n",
		}, []string{"warning@deploy/docker-compose.yml:3"}},
		{"override replaces the entrypoint, whose java line reads the args", map[string]string{
			"deploy/docker-compose.yml":          "services:\n  pj:\n    image: powerjob/powerjob-server:5.1.0\n    command: [\"--oms.auth.openapi.enable=true\"]\n",
			"deploy/docker-compose.override.yml": "services:\n  pj:\n    entrypoint: [\"java\", \"-jar\", \"/powerjob-server.jar\"]\n",
		}, nil},
		{"override command under the official entrypoint is still ignored", map[string]string{
			"deploy/docker-compose.yml":          "services:\n  pj:\n    image: powerjob/powerjob-server:5.1.0\n",
			"deploy/docker-compose.override.yml": "services:\n  pj:\n    command: --oms.auth.openapi.enable=true\n",
		}, []string{"warning@deploy/docker-compose.yml:3"}},
		{"a committed .env fills the default of a variable", map[string]string{
			"deploy/docker-compose.yml": "services:\n  pj:\n    image: powerjob/powerjob-server:5.1.0\n    environment:\n      OMS_AUTH_OPENAPI_ENABLE: ${AUTH:-false}\n",
			"deploy/.env":               "AUTH=true\n",
		}, nil},
		{"override in another directory is not merged", map[string]string{
			"a/docker-compose.yml":          "services:\n  pj:\n    image: powerjob/powerjob-server:5.1.0\n",
			"b/docker-compose.override.yml": "services:\n  pj:\n    environment:\n      OMS_AUTH_OPENAPI_ENABLE: \"true\"\n",
		}, []string{"warning@a/docker-compose.yml:3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := scanFiles(t, tt.files)
			got := findingsAt(r, "")
			if len(r.Errors) > 0 || !slices.Equal(got, tt.want) {
				t.Errorf("findings = %q (errors %+v), want %q", got, r.Errors, tt.want)
			}
		})
	}
}

// scanFiles writes files into a fresh tree and scans it.
func scanFiles(t *testing.T, files map[string]string) *Report {
	t.Helper()
	root := t.TempDir()
	writeTree(t, root, files)
	r, err := Scan(context.Background(), nil, Options{WorkDir: root})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// findingsAt renders the findings of rule (of every rule when rule is "")
// as "severity@path:line".
func findingsAt(r *Report, rule string) []string {
	var got []string
	for _, f := range r.Findings {
		if rule == "" || f.Rule == rule {
			got = append(got, string(f.Severity)+"@"+f.Location.Path+":"+strconv.Itoa(f.Location.Line))
		}
	}
	return got
}

func TestLocate(t *testing.T) {
	tests := []struct {
		path                       string
		module                     string
		outside, configDir, wanted bool
	}{
		{"app/src/main/resources/application.yml", "app", false, false, true},
		{"src/main/resources/config/application.yml", ".", false, true, true},
		{"deploy/config/application.properties", "deploy", true, true, true},
		{"server/application.properties", "server", true, false, true},
		{"app/src/test/resources/application.yml", "", false, false, false},
	}
	for _, tt := range tests {
		module, outside, configDir, ok := locate(tt.path)
		if ok != tt.wanted || module != tt.module || outside != tt.outside || configDir != tt.configDir {
			t.Errorf("locate(%q) = %q %v %v %v, want %q %v %v %v", tt.path, module, outside, configDir, ok, tt.module, tt.outside, tt.configDir, tt.wanted)
		}
	}
}
