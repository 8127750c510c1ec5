package deploy

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/twice-lint/twice/configcheck/internal/growth"
	"github.com/twice-lint/twice/configcheck/source"
	"github.com/twice-lint/twice/internal/hostile"
)

// Hostile shapes far under the size cap (issue 14): expansions that grow
// tenfold per line, and files large enough that per-lookup charging used to
// trip the alias budget without a single alias.

func TestExpansionBudget(t *testing.T) {
	tests := []struct {
		name      string
		parse     func(data []byte) ([]Container, error)
		data      string
		wantLine  int    // the line of the first refused expansion
		wantEnv   string // a legitimate entry that must survive
		wantValue string
	}{
		{
			name: "Dockerfile ENV",
			parse: func(d []byte) ([]Container, error) {
				return ParseDockerfile("Dockerfile", d)
			},
			data:     hostile.DockerfileEnvBomb(9, "--oms.auth.openapi.enable=false"),
			wantLine: 6, wantEnv: "PARAMS", wantValue: "--oms.auth.openapi.enable=false",
		},
		{
			name: "Kubernetes $(VAR)",
			parse: func(d []byte) ([]Container, error) {
				cs, _, err := ParseKubernetes("k8s.yaml", d)
				return cs, err
			},
			data:     hostile.KubernetesEnvBomb(9, "--oms.auth.openapi.enable=false"),
			wantLine: 19, wantEnv: "PARAMS", wantValue: "--oms.auth.openapi.enable=false",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := tt.parse([]byte(tt.data))
			var se *source.Error
			if !errors.As(err, &se) || !strings.Contains(se.Msg, "expansion budget") {
				t.Fatalf("err = %v, want an expansion budget error", err)
			}
			if se.Pos.Line != tt.wantLine {
				t.Errorf("error at line %d, want %d (the line that started the expansion)", se.Pos.Line, tt.wantLine)
			}
			if len(cs) != 1 {
				t.Fatalf("got %d containers, want the one the file defines", len(cs))
			}
			found := false
			for _, e := range cs[0].Env {
				if len(e.Value) > 64<<10 {
					t.Errorf("env %s is %d bytes: the budget did not cap it", e.Name, len(e.Value))
				}
				if e.Name == tt.wantEnv {
					found = e.Value == tt.wantValue && !e.Unknown
				}
			}
			if !found {
				t.Errorf("env %s=%s lost after the refused expansion", tt.wantEnv, tt.wantValue)
			}
		})
	}
}

// TestNoAliasNoAliasError: big alias-free files parse without the alias
// budget error (each mapping is charged once, however many keys are looked
// up in it).
func TestNoAliasNoAliasError(t *testing.T) {
	var compose, k8s strings.Builder
	compose.WriteString("services:\n")
	for i := range 30000 {
		fmt.Fprintf(&compose, "  s%d:\n    image: nginx:%d\n    environment:\n      A: b\n    ports: [\"80\"]\n", i, i)
	}
	for i := range 20000 {
		fmt.Fprintf(&k8s, "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c%d\ndata:\n  a: b\n", i)
	}
	if cs, err := ParseCompose("docker-compose.yml", []byte(compose.String())); err != nil || len(cs) != 30000 {
		t.Errorf("compose: %d containers, err %v; want 30000, nil", len(cs), err)
	}
	if _, _, err := ParseKubernetes("k8s.yaml", []byte(k8s.String())); err != nil {
		t.Errorf("kubernetes: %v", err)
	}
}

func TestParsersLinear(t *testing.T) {
	service := func(n int) []byte {
		var b strings.Builder
		b.WriteString("services:\n")
		for i := range n {
			fmt.Fprintf(&b, "  s%d:\n    image: powerjob/powerjob-server:5.1.0\n    environment:\n      - PARAMS=--a=${X:-b}\n", i)
		}
		return []byte(b.String())
	}
	k8s := func(n int) []byte {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d%d}\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: x:1\n        env: [{name: A, value: \"$(B)\"}]\n", i)
		}
		return []byte(b.String())
	}
	docker := func(n int) []byte {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "FROM base:%d AS s%d\nENV A%d=${A:-x} B=$A\nRUN true\n", i, i, i)
		}
		return []byte(b.String())
	}
	t.Run("compose", func(t *testing.T) {
		growth.Linear(t, 2000, service, func(d []byte) {
			if cs, err := ParseCompose("docker-compose.yml", d); err != nil || len(cs) == 0 {
				t.Fatalf("compose: %d containers, %v", len(cs), err)
			}
		})
	})
	t.Run("kubernetes", func(t *testing.T) {
		growth.Linear(t, 1000, k8s, func(d []byte) {
			if cs, _, err := ParseKubernetes("k8s.yaml", d); err != nil || len(cs) == 0 {
				t.Fatalf("kubernetes: %d containers, %v", len(cs), err)
			}
		})
	})
	t.Run("dockerfile", func(t *testing.T) {
		growth.Linear(t, 2000, docker, func(d []byte) {
			if cs, err := ParseDockerfile("Dockerfile", d); err != nil || len(cs) == 0 {
				t.Fatalf("dockerfile: %d containers, %v", len(cs), err)
			}
		})
	})
}
