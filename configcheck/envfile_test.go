package configcheck

import (
	"context"
	"strings"
	"testing"
)

func TestComposeEnvFile(t *testing.T) {
	compose := func(envFile string) string {
		return "services:\n  powerjob-server:\n    image: powerjob/powerjob-server:5.1.0\n    env_file:\n      - " + envFile + "\n"
	}
	tests := []struct {
		name  string
		files map[string]string
		want  string // "" = no unauthenticated-openapi finding; else severity@path:line
	}{
		{"env file enables auth", map[string]string{
			"deploy/docker-compose.yml": compose("./powerjob.env"),
			"deploy/powerjob.env":       "# server settings\nTZ=Asia/Shanghai\nexport OMS_AUTH_OPENAPI_ENABLE=\"true\"\n",
		}, ""},
		{"env file disables auth via PARAMS", map[string]string{
			"deploy/docker-compose.yml": compose("powerjob.env"),
			"deploy/powerjob.env":       "PARAMS=--oms.auth.openapi.enable=false\n",
		}, "warning@deploy/powerjob.env:1"},
		{"env file not committed: unknown", map[string]string{
			"deploy/docker-compose.yml": compose(".env"),
		}, "note@deploy/docker-compose.yml:3"},
		{"environment beats env file", map[string]string{
			"deploy/docker-compose.yml": compose("powerjob.env") + "    environment:\n      OMS_AUTH_OPENAPI_ENABLE: \"false\"\n",
			"deploy/powerjob.env":       "OMS_AUTH_OPENAPI_ENABLE=true\n",
		}, "warning@deploy/docker-compose.yml:7"},
		{"env file outside the scan root is not read", map[string]string{
			"deploy/docker-compose.yml": compose("../../outside.env"),
		}, "note@deploy/docker-compose.yml:3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			writeTree(t, root, tt.files)
			writeTree(t, root+"/..", map[string]string{"outside.env": "OMS_AUTH_OPENAPI_ENABLE=true\n"})
			r, err := Scan(context.Background(), []string{"deploy"}, Options{WorkDir: root})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range r.Findings {
				if f.Rule == RuleUnauthenticatedOpenAPI {
					got = append(got, string(f.Severity)+"@"+locText(f.Location)[:strings.LastIndex(locText(f.Location), ":")])
				}
			}
			if len(r.Errors) > 0 {
				t.Errorf("input errors: %v", r.Errors)
			}
			if tt.want == "" && len(got) != 0 || tt.want != "" && (len(got) != 1 || got[0] != tt.want) {
				t.Errorf("findings = %v, want %q", got, tt.want)
			}
		})
	}
}
