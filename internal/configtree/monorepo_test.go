package configtree

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMonorepo(t *testing.T) {
	dir := t.TempDir()
	layout, err := Monorepo(dir, 1200, 60)
	if err != nil {
		t.Fatal(err)
	}
	if layout.Services != 60 || layout.Files != 1200 {
		t.Errorf("layout = %+v, want 60 services and 1200 files", layout)
	}
	// Three products; the third runs 5.1.1.
	for p, version := range []string{"5.1.0", "5.1.0", "5.1.1"} {
		data, err := os.ReadFile(filepath.Join(dir, "products", "p00"+string(rune('0'+p)), "deploy", "docker-compose.yml"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "powerjob-server:"+version) {
			t.Errorf("product %d: want server %s:\n%s", p, version, data)
		}
	}
	// Service 41 (product 2) is a client configured with its own server.
	yml, err := os.ReadFile(filepath.Join(dir, "products/p002/svc-0041/src/main/resources/application.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(yml), "server-address: p002-powerjob:7700") {
		t.Errorf("client config lacks its server address:\n%s", yml)
	}
	if _, err := Monorepo(t.TempDir(), 10, 60); err == nil {
		t.Error("too few files for the services: want an error")
	}
}
