package unsaferetry

import "testing"

func TestIsNolintForUs(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"//nolint:unsaferetry", true},
		{"//nolint:twice", true},
		{"//nolint:errcheck,twice", true},
		{"//nolint:errcheck, unsaferetry", false}, // golangci-lint stops at the space
		{"//nolint:unsaferetry // the server deduplicates", true},
		{"//nolint", true},
		{"//nolint // generated", true},
		{"// nolint:unsaferetry", true},
		{"//nolint:all", true},
		{"//nolint:errcheck", false},
		{"//nolint:resend", false},
		{"//nolintlint", false},
		{"/* nolint:unsaferetry */", false},
		{"// unsaferetry is fine here", false},
	}
	for _, tt := range tests {
		if got := isNolintForUs(tt.text); got != tt.want {
			t.Errorf("isNolintForUs(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
