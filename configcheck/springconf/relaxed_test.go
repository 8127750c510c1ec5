package springconf

import "testing"

func TestCanonicalKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"oms.auth.openapi.enable", "oms.auth.openapi.enable"},
		{"oms.auth.open-api.enable", "oms.auth.openapi.enable"},
		{"oms.auth.openApi.enable", "oms.auth.openapi.enable"},
		{"oms.auth.open_api.enable", "oms.auth.openapi.enable"},
		{"OMS.AUTH.OPENAPI.ENABLE", "oms.auth.openapi.enable"},
		{"spring.config.activate.on-profile", "spring.config.activate.onprofile"},
		{"my.list[0].name", "my.list[0].name"},
		{"my.list.0.name", "my.list[0].name"},
		{"routes[/api/**].Open-Id", "routes[/api/**].openid"},
		{"map[a.b].c", "map[a.b].c"},
		{"a..b.", "a.b"},
		{"unclosed[0", "unclosed[0"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := CanonicalKey(tt.in); got != tt.want {
			t.Errorf("CanonicalKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Look-alike keys from real repositories must stay distinct.
	for _, k := range []string{"mail.smtp.auth", "nacos.core.auth.enabled", "xxl.job.accessToken", "oms.auth.openapi.enabled"} {
		if CanonicalKey(k) == CanonicalKey("oms.auth.openapi.enable") {
			t.Errorf("%q matches oms.auth.openapi.enable", k)
		}
	}
}

func TestEnvVarKey(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"OMS_AUTH_OPENAPI_ENABLE", "oms.auth.openapi.enable", true},
		{"SPRING_PROFILES_ACTIVE", "spring.profiles.active", true},
		{"oms_auth_openapi_enable", "oms.auth.openapi.enable", true},
		{"MY_LIST_0_NAME", "my.list[0].name", true},
		{"OMS__AUTH___OPENAPI_ENABLE", "oms.auth.openapi.enable", true},
		{"oms.auth.openapi.enable", "oms.auth.openapi.enable", true},
		{"SERVER_PORT", "server.port", true},
		{"___", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := EnvVarKey(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("EnvVarKey(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestEnvVarMatches(t *testing.T) {
	tests := []struct {
		env, key string
		want     bool
	}{
		{"OMS_AUTH_OPENAPI_ENABLE", "oms.auth.openapi.enable", true},
		{"OMS_AUTH_OPENAPI_ENABLE", "oms.auth.open-api.enable", true},
		{"OMS_AUTH_OPEN_API_ENABLE", "oms.auth.open-api.enable", true}, // legacy form
		{"OMS_AUTH_OPEN_API_ENABLE", "oms.auth.openapi.enable", false},
		{"OMS_AUTH_OPENAPI_ENABLED", "oms.auth.openapi.enable", false},
		{"NACOS_CORE_AUTH_ENABLED", "oms.auth.openapi.enable", false},
	}
	for _, tt := range tests {
		if got := EnvVarMatches(tt.env, tt.key); got != tt.want {
			t.Errorf("EnvVarMatches(%q, %q) = %v, want %v", tt.env, tt.key, got, tt.want)
		}
	}
}
