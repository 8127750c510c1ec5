package configcheck

import (
	"context"
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
			"docker-compose.yml":  "services:\n  pj:\n    image: registry.example.com/powerjob/powerjob-server:5.1.0\n    volumes:\n      - ./powerjob.properties:/powerjob-server/config/application.properties:ro\n",
			"powerjob.properties": "oms.mongodb.enable=false\n# auth stays off until the console supports it\noms.auth.openapi.enable=false\n",
		}, []string{"warning@powerjob.properties:3"}},
		{"worker and look-alike images are not servers", map[string]string{
			"docker-compose.yml": "services:\n  w:\n    image: powerjob/powerjob-worker-samples:5.1.0\n  m:\n    image: powerjob/powerjob-server-mysql:latest\n",
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			writeTree(t, root, tt.files)
			r, err := Scan(context.Background(), nil, Options{WorkDir: root})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Errors) > 0 {
				t.Fatalf("input errors: %+v", r.Errors)
			}
			var got []string
			for _, f := range r.Findings {
				if f.Rule == RuleUnauthenticatedOpenAPI {
					got = append(got, string(f.Severity)+"@"+f.Location.Path+":"+strconv.Itoa(f.Location.Line))
				}
			}
			if len(got) != len(tt.want) || (len(got) > 0 && got[0] != tt.want[0]) {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}
