package configcheck

import (
	"strings"
	"testing"
)

func TestEffectivePrecedence(t *testing.T) {
	base := func(t *testing.T, v string) *springFile {
		return props(t, "app/src/main/resources/application.properties", "server.port=7700\noms.auth.openapi.enable="+v+"\n")
	}
	tests := []struct {
		name      string
		ps        func(t *testing.T) propertySet
		wantState state
		wantFile  string // file of the winning setting; "" = default
		wantLine  int
		wantInMsg string // substring of the unknown reason
	}{
		{
			name: "no setting anywhere: default false",
			ps: func(t *testing.T) propertySet {
				return propertySet{files: []configFile{inJar(props(t, "a/application.properties", "server.port=7700\n"))}}
			},
			wantState: stateDisabled,
		},
		{
			name:      "base file decides over the default",
			ps:        func(t *testing.T) propertySet { return propertySet{files: []configFile{inJar(base(t, "true"))}} },
			wantState: stateEnabled, wantFile: "app/src/main/resources/application.properties", wantLine: 2,
		},
		{
			name: "environment beats files",
			ps: func(t *testing.T) propertySet {
				return propertySet{fixed: containerOf(map[string]string{"OMS_AUTH_OPENAPI_ENABLE": "false"}), files: []configFile{inJar(base(t, "true"))}}
			},
			wantState: stateDisabled, wantFile: "docker-compose.yml", wantLine: 1,
		},
		{
			name: "JVM option beats environment",
			ps: func(t *testing.T) propertySet {
				return propertySet{fixed: containerOf(map[string]string{"JVMOPTIONS": "-Xmx1g -Doms.auth.openapi.enable=true", "OMS_AUTH_OPENAPI_ENABLE": "false"})}
			},
			wantState: stateEnabled, wantFile: "docker-compose.yml", wantLine: 1,
		},
		{
			name: "PARAMS argument beats JVM option",
			ps: func(t *testing.T) propertySet {
				return propertySet{fixed: containerOf(map[string]string{"JVMOPTIONS": "-Doms.auth.openapi.enable=true", "PARAMS": "--spring.profiles.active=product --oms.auth.openapi.enable=false"})}
			},
			wantState: stateDisabled, wantFile: "docker-compose.yml", wantLine: 2,
		},
		{
			name: "command argument beats environment, relaxed key form",
			ps: func(t *testing.T) propertySet {
				return propertySet{fixed: containerOf(map[string]string{"OMS_AUTH_OPENAPI_ENABLE": "true"}, "--oms.auth.open-api.enable=off")}
			},
			wantState: stateDisabled, wantFile: "docker-compose.yml", wantLine: 20,
		},
		{
			name: "profile file beats base file",
			ps: func(t *testing.T) propertySet {
				return propertySet{files: []configFile{
					inJar(props(t, "r/application.yml", "spring:\n  profiles:\n    active: prod\noms:\n  auth:\n    openapi:\n      enable: true\n")),
					inJar(props(t, "r/application-prod.yml", "oms:\n  auth:\n    openapi:\n      enable: false\n")),
				}}
			},
			wantState: stateDisabled, wantFile: "r/application-prod.yml", wantLine: 4,
		},
		{
			name: "active profiles written as a YAML list",
			ps: func(t *testing.T) propertySet {
				return propertySet{files: []configFile{
					inJar(props(t, "r/application.yml", "spring:\n  profiles:\n    active:\n      - metrics\n      - prod\noms.auth.openapi.enable: true\n")),
					inJar(props(t, "r/application-prod.yml", "oms:\n  auth:\n    openapi:\n      enable: false\n")),
					inJar(props(t, "r/application-metrics.yml", "oms.auth.openapi.enable: true\n")),
				}}
			},
			wantState: stateDisabled, wantFile: "r/application-prod.yml", wantLine: 4, // the last listed profile wins
		},
		{
			name: "inactive profile file is ignored",
			ps: func(t *testing.T) propertySet {
				return propertySet{files: []configFile{
					inJar(props(t, "r/application.properties", "spring.profiles.active=prod\noms.auth.openapi.enable=true\n")),
					inJar(props(t, "r/application-dev.properties", "oms.auth.openapi.enable=false\n")),
				}}
			},
			wantState: stateEnabled, wantFile: "r/application.properties", wantLine: 2,
		},
		{
			name: "last listed profile wins",
			ps: func(t *testing.T) propertySet {
				return propertySet{files: []configFile{
					inJar(props(t, "r/application.properties", "spring.profiles.active=a,b\n")),
					inJar(props(t, "r/application-a.properties", "oms.auth.openapi.enable=true\n")),
					inJar(props(t, "r/application-b.properties", "oms.auth.openapi.enable=false\n")),
				}}
			},
			wantState: stateDisabled, wantFile: "r/application-b.properties", wantLine: 1,
		},
		{
			name: "active profile from the environment",
			ps: func(t *testing.T) propertySet {
				return propertySet{
					fixed: containerOf(map[string]string{"SPRING_PROFILES_ACTIVE": "secure"}),
					files: []configFile{
						outsideJar(props(t, "c/application.properties", "oms.auth.openapi.enable=false\n"), true),
						outsideJar(props(t, "c/application-secure.properties", "oms.auth.openapi.enable=true\n"), true),
					},
				}
			},
			wantState: stateEnabled, wantFile: "c/application-secure.properties", wantLine: 1,
		},
		{
			name: "unknown active profile, profile files disagree: unknown, naming them",
			ps: func(t *testing.T) propertySet {
				return propertySet{files: []configFile{
					inJar(props(t, "r/application.yml", "spring:\n  profiles:\n    active: @profiles.active@\noms.auth.openapi.enable: false\n")),
					inJar(props(t, "r/application-prod.yml", "oms.auth.openapi.enable: true\n")),
					inJar(props(t, "r/application-dev.yml", "oms.auth.openapi.enable: false\n")),
				}}
			},
			wantState: stateUnknown, wantInMsg: "profile prod would enable OpenAPI auth; profile dev would disable OpenAPI auth (without a profile: disabled)",
		},
		{
			name: "unknown active profile, profile files agree: they decide",
			ps: func(t *testing.T) propertySet {
				return propertySet{files: []configFile{
					inJar(props(t, "r/application.yml", "spring:\n  profiles:\n    active: @profiles.active@\noms.auth.openapi.enable: false\n")),
					inJar(props(t, "r/application-prod.yml", "spring.datasource.core.username: pj\n")),
					inJar(props(t, "r/application-dev.yml", "oms.auth.openapi.enable: off\n")),
				}}
			},
			wantState: stateDisabled, wantFile: "r/application.yml", wantLine: 4,
		},
		{
			name: "spring.profiles.include activates a profile file",
			ps: func(t *testing.T) propertySet {
				return propertySet{files: []configFile{
					inJar(props(t, "r/application.properties", "spring.profiles.include=security\noms.auth.openapi.enable=true\n")),
					inJar(props(t, "r/application-security.properties", "oms.auth.openapi.enable=false\n")),
				}}
			},
			wantState: stateDisabled, wantFile: "r/application-security.properties", wantLine: 1,
		},
		{
			name: "an active profile's file wins over an included one",
			ps: func(t *testing.T) propertySet {
				return propertySet{files: []configFile{
					inJar(props(t, "r/application.yml", "spring:\n  profiles:\n    active: prod\n    include: [common]\n")),
					inJar(props(t, "r/application-common.yml", "oms.auth.openapi.enable: false\n")),
					inJar(props(t, "r/application-prod.yml", "oms.auth.openapi.enable: true\n")),
				}}
			},
			wantState: stateEnabled, wantFile: "r/application-prod.yml", wantLine: 1,
		},
		{
			name: "spring.profiles.group expands the active profile",
			ps: func(t *testing.T) propertySet {
				return propertySet{files: []configFile{
					inJar(props(t, "r/application.yml", "spring:\n  profiles:\n    active: prod\n    group:\n      prod: prod-db,prod-auth\noms.auth.openapi.enable: true\n")),
					inJar(props(t, "r/application-prod-auth.yml", "oms:\n  auth:\n    openapi:\n      enable: false\n")),
				}}
			},
			wantState: stateDisabled, wantFile: "r/application-prod-auth.yml", wantLine: 4,
		},
		{
			name: "a group of the default profile: not active when another is",
			ps: func(t *testing.T) propertySet {
				return propertySet{fixed: containerOf(map[string]string{"SPRING_PROFILES_ACTIVE": "dev"}), files: []configFile{
					inJar(props(t, "r/application.properties", "spring.profiles.group.prod=hardened\noms.auth.openapi.enable=false\n")),
					inJar(props(t, "r/application-hardened.properties", "oms.auth.openapi.enable=true\n")),
				}}
			},
			wantState: stateDisabled, wantFile: "r/application.properties", wantLine: 2,
		},
		{
			name: "a loaded file that does not parse: unknown",
			ps: func(t *testing.T) propertySet {
				broken := inJar(&springFile{path: "r/application-prod.yml", role: roleApplication, profile: "prod", yaml: true})
				broken.failed = "r/application-prod.yml:3:1: bad indentation"
				return propertySet{files: []configFile{
					inJar(props(t, "r/application.yml", "spring.profiles.active: prod\noms.auth.openapi.enable: false\n")),
					broken,
				}}
			},
			wantState: stateUnknown, wantInMsg: "which could not be parsed (r/application-prod.yml:3:1: bad indentation)",
		},
		{
			name: "a profile file that does not parse and is not active: ignored",
			ps: func(t *testing.T) propertySet {
				broken := inJar(&springFile{path: "r/application-dev.yml", role: roleApplication, profile: "dev", yaml: true})
				broken.failed = "r/application-dev.yml:3:1: bad indentation"
				return propertySet{files: []configFile{
					inJar(props(t, "r/application.yml", "spring.profiles.active: prod\noms.auth.openapi.enable: false\n")),
					broken,
				}}
			},
			wantState: stateDisabled, wantFile: "r/application.yml", wantLine: 2,
		},
		{
			name: "profile document inside the base file",
			ps: func(t *testing.T) propertySet {
				return propertySet{files: []configFile{inJar(props(t, "r/application.yml",
					"spring.profiles.active: prod\noms.auth.openapi.enable: false\n---\nspring.config.activate.on-profile: prod\noms.auth.openapi.enable: true\n"))}}
			},
			wantState: stateEnabled, wantFile: "r/application.yml", wantLine: 5,
		},
		{
			name: "outside the jar beats the classpath",
			ps: func(t *testing.T) propertySet {
				return propertySet{files: []configFile{
					inJar(base(t, "true")),
					outsideJar(props(t, "app/application.properties", "oms.auth.openapi.enable=false\n"), false),
				}}
			},
			wantState: stateDisabled, wantFile: "app/application.properties", wantLine: 1,
		},
		{
			name: "config/ beats its parent directory",
			ps: func(t *testing.T) propertySet {
				return propertySet{files: []configFile{
					outsideJar(props(t, "app/application.properties", "oms.auth.openapi.enable=false\n"), false),
					outsideJar(props(t, "app/config/application.properties", "oms.auth.openapi.enable=true\n"), true),
				}}
			},
			wantState: stateEnabled, wantFile: "app/config/application.properties", wantLine: 1,
		},
		{
			name: ".properties beats .yml in the same location",
			ps: func(t *testing.T) propertySet {
				return propertySet{files: []configFile{
					inJar(props(t, "r/application.yml", "oms.auth.openapi.enable: true\n")),
					inJar(props(t, "r/application.properties", "oms.auth.openapi.enable=false\n")),
				}}
			},
			wantState: stateDisabled, wantFile: "r/application.properties", wantLine: 1,
		},
		{
			name: "placeholder resolved from the environment",
			ps: func(t *testing.T) propertySet {
				return propertySet{
					fixed: containerOf(map[string]string{"AUTH_ON": "true"}),
					files: []configFile{inJar(base(t, "${AUTH_ON:false}"))},
				}
			},
			wantState: stateEnabled, wantFile: "app/src/main/resources/application.properties", wantLine: 2,
		},
		{
			name: "placeholder falls back to its default",
			ps: func(t *testing.T) propertySet {
				return propertySet{files: []configFile{inJar(base(t, "${AUTH_ON:false}"))}}
			},
			wantState: stateDisabled, wantFile: "app/src/main/resources/application.properties", wantLine: 2,
		},
		{
			name:      "unresolvable placeholder is unknown",
			ps:        func(t *testing.T) propertySet { return propertySet{files: []configFile{inJar(base(t, "${AUTH_ON}"))}} },
			wantState: stateUnknown, wantFile: "app/src/main/resources/application.properties", wantLine: 2, wantInMsg: "placeholder",
		},
		{
			name: "Maven filter token is unknown",
			ps: func(t *testing.T) propertySet {
				return propertySet{files: []configFile{inJar(base(t, "@auth.enabled@"))}}
			},
			wantState: stateUnknown, wantFile: "app/src/main/resources/application.properties", wantLine: 2, wantInMsg: "build time",
		},
		{
			name: "env value from a secret is unknown",
			ps: func(t *testing.T) propertySet {
				return propertySet{fixed: containerOf(map[string]string{"OMS_AUTH_OPENAPI_ENABLE": "<unknown>"}), files: []configFile{inJar(base(t, "true"))}}
			},
			wantState: stateUnknown, wantFile: "docker-compose.yml", wantLine: 1, wantInMsg: "deploy",
		},
		{
			name: "PARAMS from the host environment may set anything",
			ps: func(t *testing.T) propertySet {
				return propertySet{fixed: containerOf(map[string]string{"PARAMS": "<unknown>"}), files: []configFile{inJar(base(t, "true"))}}
			},
			wantState: stateUnknown, wantInMsg: "PARAMS",
		},
		{
			name: "absent locally with a remote import is unknown",
			ps: func(t *testing.T) propertySet {
				return propertySet{remote: []string{"spring.config.import=nacos:x.properties"}, files: []configFile{inJar(props(t, "r/application.properties", "server.port=1\n"))}}
			},
			wantState: stateUnknown, wantInMsg: "remote",
		},
		{
			name: "present locally with a remote import is decided",
			ps: func(t *testing.T) propertySet {
				return propertySet{remote: []string{"spring.config.import=nacos:x.properties"}, files: []configFile{inJar(base(t, "false"))}}
			},
			wantState: stateDisabled, wantFile: "app/src/main/resources/application.properties", wantLine: 2,
		},
		{
			name:      "truthy spellings: on",
			ps:        func(t *testing.T) propertySet { return propertySet{files: []configFile{inJar(base(t, "ON"))}} },
			wantState: stateEnabled, wantFile: "app/src/main/resources/application.properties", wantLine: 2,
		},
		{
			name:      "not a boolean is unknown",
			ps:        func(t *testing.T) propertySet { return propertySet{files: []configFile{inJar(base(t, "maybe"))}} },
			wantState: stateUnknown, wantFile: "app/src/main/resources/application.properties", wantLine: 2, wantInMsg: "boolean",
		},
		{
			name: "look-alike keys never match",
			ps: func(t *testing.T) propertySet {
				return propertySet{files: []configFile{inJar(props(t, "r/application.properties",
					"mail.smtp.auth=true\nnacos.core.auth.enabled=true\nxxl.job.accessToken=x\noms.auth.openapi.password=secret\n"))}}
			},
			wantState: stateDisabled,
		},
		{
			name: "imported file ranks above its importer",
			ps: func(t *testing.T) propertySet {
				importer := inJar(props(t, "r/application.properties", "oms.auth.openapi.enable=true\n"))
				imported := inJar(props(t, "config/nacos/powerjob.properties", "oms.auth.openapi.enable=false\n"))
				imported.importedBy = &importer
				return propertySet{files: []configFile{importer, imported}}
			},
			wantState: stateDisabled, wantFile: "config/nacos/powerjob.properties", wantLine: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := tt.ps(t)
			got := ps.evaluate()
			if got.state != tt.wantState {
				t.Fatalf("state = %v, want %v (reason %q)", got.state, tt.wantState, got.reason)
			}
			if got.winner.pos.File != tt.wantFile || (tt.wantFile != "" && got.winner.pos.Line != tt.wantLine) {
				t.Errorf("winner at %s:%d, want %s:%d", got.winner.pos.File, got.winner.pos.Line, tt.wantFile, tt.wantLine)
			}
			if !strings.Contains(got.reason, tt.wantInMsg) {
				t.Errorf("reason %q does not mention %q", got.reason, tt.wantInMsg)
			}
		})
	}
}
