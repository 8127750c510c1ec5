package configcheck

import (
	"strings"
	"testing"
)

// TestApplicationJSON: SPRING_APPLICATION_JSON ranks below command-line
// arguments and above JVM options and the environment; a value that is not
// a JSON object, or only known at deploy time, may set anything.
func TestApplicationJSON(t *testing.T) {
	tests := []struct {
		name      string
		env       map[string]string
		wantState state
		wantName  string // name of the winning setting
		wantInMsg string
	}{
		{"JSON beats JVMOPTIONS and the environment",
			map[string]string{"SPRING_APPLICATION_JSON": `{"oms":{"auth":{"openapi":{"enable":false}}}}`, "JVMOPTIONS": "-Doms.auth.openapi.enable=true", "OMS_AUTH_OPENAPI_ENABLE": "true"},
			stateDisabled, "oms.auth.openapi.enable", ""},
		{"PARAMS beats JSON",
			map[string]string{"SPRING_APPLICATION_JSON": `{"oms.auth.openapi.enable": false}`, "PARAMS": "--oms.auth.openapi.enable=true"},
			stateEnabled, "--oms.auth.openapi.enable", ""},
		{"JSON selects the active profile",
			map[string]string{"SPRING_APPLICATION_JSON": `{"spring":{"profiles":{"active":"prod"}}}`},
			stateEnabled, "oms.auth.openapi.enable", ""},
		{"not valid JSON: unknown",
			map[string]string{"SPRING_APPLICATION_JSON": `{"oms": `},
			stateUnknown, "", "not a JSON object Spring can read"},
		{"from a Secret: unknown",
			map[string]string{"SPRING_APPLICATION_JSON": "<unknown>"},
			stateUnknown, "", "only known at deploy time"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := propertySet{fixed: withApplicationJSON(containerOf(tt.env)), files: []configFile{
				inJar(props(t, "r/application-prod.yml", "oms.auth.openapi.enable: true\n")),
			}}
			e := ps.evaluate()
			if e.state != tt.wantState || e.winner.name != tt.wantName || !strings.Contains(e.reason, tt.wantInMsg) {
				t.Errorf("state %d winner %q reason %q; want %d %q containing %q", e.state, e.winner.name, e.reason, tt.wantState, tt.wantName, tt.wantInMsg)
			}
		})
	}
}
