package configcheck

import "testing"

// TestIgnoreCommentRoundTrip: the comment an editor inserts is read back by
// the suppression reader as the same rule and reason.
func TestIgnoreCommentRoundTrip(t *testing.T) {
	tests := []struct {
		path, want string
		ok         bool
	}{
		{"app/src/main/resources/application.yml", "# twice:ignore unauthenticated-openapi port 7700 is private", true},
		{"app/application-prod.properties", "# twice:ignore unauthenticated-openapi port 7700 is private", true},
		{"pom.xml", "<!-- twice:ignore unauthenticated-openapi port 7700 is private -->", true},
		{"build.gradle.kts", "// twice:ignore unauthenticated-openapi port 7700 is private", true},
		{"deploy/Dockerfile", "# twice:ignore unauthenticated-openapi port 7700 is private", true},
		{"gradle/libs.versions.toml", "# twice:ignore unauthenticated-openapi port 7700 is private", true},
		{"lockfile.json", "", false},
		{".mvn/maven.config", "", false},
	}
	for _, tt := range tests {
		got, ok := IgnoreComment(tt.path, RuleUnauthenticatedOpenAPI, "port 7700 is private")
		if got != tt.want || ok != tt.ok {
			t.Errorf("IgnoreComment(%s) = %q, %v; want %q, %v", tt.path, got, ok, tt.want, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		d, found := parseDirective("    "+got, commentStyleOf(tt.path))
		if !found || d.rule != RuleUnauthenticatedOpenAPI || d.reason != "port 7700 is private" {
			t.Errorf("%s: the reader gets %+v (found %v) from %q", tt.path, d, found, got)
		}
	}
}
