package deploy

import (
	"strings"
	"testing"
)

func TestServerImages(t *testing.T) {
	tests := []struct {
		image       string
		server      bool
		version     string
		versionOK   bool
		description string
	}{
		{"powerjob/powerjob-server:5.1.0", true, "5.1.0", true, "official"},
		{"powerjob/powerjob-server:5.1.0-bugfix", true, "5.1.0-bugfix", true, "official bugfix tag"},
		{"docker.io/powerjob/powerjob-server:5.1.1", true, "5.1.1", true, "explicit Docker Hub host"},
		{"mirror.example.com/powerjob/powerjob-server:4.3.9", true, "4.3.9", true, "registry mirror"},
		{"localhost:5000/powerjob/powerjob-server:5.1.2", true, "5.1.2", true, "registry with port"},
		{"harbor.corp.cn/dockerhub-proxy/powerjob/powerjob-server:5.0.1-beta", true, "5.0.1-beta", true, "proxy-cache path"},
		{"powerjob/powerjob-server:5.1.0@sha256:0123456789abcdef", true, "5.1.0", true, "tag pinned by digest"},
		{"powerjob/powerjob-server:4.3.9-arm64", true, "4.3.9-arm64", true, "architecture qualifier"},
		{"powerjob/powerjob-server:5.1.0-SNAPSHOT", true, "5.1.0-SNAPSHOT", true, "snapshot qualifier"},
		{"powerjob/powerjob-server:5.1", true, "5.1", true, "major.minor"},
		{"powerjob/powerjob-server", true, "", false, "no tag"},
		{"powerjob/powerjob-server:test_env", true, "", false, "named tag test_env"},
		{"powerjob/powerjob-server:nightly", true, "", false, "named tag nightly"},
		{"powerjob/powerjob-server:latest-arm", true, "", false, "named tag latest-arm"},
		{"powerjob/powerjob-server:LATEST", true, "", false, "latest in capitals"},
		{"powerjob/powerjob-server:v5.1.0", true, "", false, "v prefix: not a tag PowerJob publishes"},
		{"powerjob/powerjob-server:20240801", true, "", false, "date tag: one number is no version"},
		{"powerjob/powerjob-server:5", true, "", false, "major only"},
		{"powerjob/powerjob-server:5.1.", true, "", false, "trailing dot"},
		{"powerjob/powerjob-server:5..1", true, "", false, "empty component"},
		{"powerjob/powerjob-server:5.1.0-", true, "", false, "empty qualifier"},
		{"powerjob/powerjob-server:5.1.0_arm", true, "", false, "underscore qualifier"},
		{"powerjob/powerjob-server:5.1.0" + strings.Repeat("-x", 70), true, "", false, "longer than Docker allows"},
		{"powerjob/powerjob-server:latest", true, "", false, "latest"},
		{"powerjob/powerjob-server@sha256:0123456789abcdef", true, "", false, "digest only"},
		{"powerjob/powerjob-server:${POWERJOB_VERSION}", true, "", false, "variable tag"},
		{"powerjob/powerjob-server:{{ .Values.tag }}", true, "", false, "template tag"},
		{"ruoyi/ruoyi-powerjob-server:3.6.4", true, "", false, "RuoYi custom image"},
		{"registry.cn-hangzhou.aliyuncs.com/ruoyi/ruoyi-powerjob-server:latest", true, "", false, "custom image on a mirror"},
		{"tjqq/powerjob-server:5.1.0", true, "", false, "third-party image with the same name"},
		{"myorg/powerjob/powerjob-server:5.1.0", true, "", false, "extra path without a registry host"},
		{"powerjob/powerjob-worker:5.1.0", false, "", false, "worker"},
		{"powerjob/powerjob-agent:5.1.0", false, "", false, "agent"},
		{"powerjob/powerjob-server-mysql:latest", false, "", false, "server's database image"},
		{"powerjob/powerjob-mysql:latest", false, "", false, "database"},
		{"", false, "", false, "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.description, func(t *testing.T) {
			if got := IsServerImage(tt.image); got != tt.server {
				t.Errorf("IsServerImage(%q) = %v, want %v", tt.image, got, tt.server)
			}
			v, ok := OfficialServerVersion(tt.image)
			if v != tt.version || ok != tt.versionOK {
				t.Errorf("OfficialServerVersion(%q) = %q, %v; want %q, %v", tt.image, v, ok, tt.version, tt.versionOK)
			}
		})
	}
}

func TestFileNames(t *testing.T) {
	tests := []struct {
		path                string
		compose, dockerfile bool
	}{
		{"docker-compose.yml", true, false},
		{"deploy/docker-compose.prod.yaml", true, false},
		{"compose.yaml", true, false},
		{`deploy\compose.override.yml`, true, false},
		{"docker-compose.yml.bak", false, false},
		{"application.yml", false, false},
		{"Dockerfile", false, true},
		{"powerjob-server/docker/Dockerfile", false, true},
		{"Dockerfile.prod", false, true},
		{"server.Dockerfile", false, true},
		{"dockerfile", false, true},
		{"Dockerfile.", false, false},
		{"Dockerfiles/README.md", false, false},
		{"docker-entrypoint.sh", false, false},
		{"Dockerfile.dockerignore", false, false},
		{"configcheck/deploy/dockerfile.go", false, false},
		{"docs/Dockerfile.md", false, false},
		{"dockerfile_test.go", false, false},
		{"Dockerfile.txt", false, false},
		{"build/app.dockerfile", false, true},
		{"Dockerfile.jvm", false, true},
		{".dockerfile", false, false},
	}
	for _, tt := range tests {
		if got := IsComposeFile(tt.path); got != tt.compose {
			t.Errorf("IsComposeFile(%q) = %v, want %v", tt.path, got, tt.compose)
		}
		if got := IsDockerfile(tt.path); got != tt.dockerfile {
			t.Errorf("IsDockerfile(%q) = %v, want %v", tt.path, got, tt.dockerfile)
		}
	}
}

func TestLooksLikeDockerfile(t *testing.T) {
	tests := []struct {
		name string
		data string
		want bool
	}{
		{"from first", "FROM eclipse-temurin:17\nRUN true\n", true},
		{"directive and comments", "# syntax=docker/dockerfile:1\n\n# base\nARG BASE=alpine\nFROM ${BASE}\n", true},
		{"lower-case keyword", "from alpine\n", true},
		{"BOM and CRLF", "\xef\xbb\xbfFROM alpine\r\n", true},
		{"conflicted", "<<<<<<< HEAD\nFROM a\n=======\nFROM b\n>>>>>>> x\n", true},
		{"no FROM but instructions", "RUN make\n", true},
		{"Go source", "package deploy\n\nimport \"strings\"\n", false},
		{"Markdown", "# Dockerfile notes\n\nThe image is built from ...\n", false},
		{"empty", "", false},
		{"comments only", "# nothing\n", false},
	}
	for _, tt := range tests {
		if got := LooksLikeDockerfile([]byte(tt.data)); got != tt.want {
			t.Errorf("%s: LooksLikeDockerfile = %v, want %v", tt.name, got, tt.want)
		}
	}
}
