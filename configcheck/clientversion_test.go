package configcheck

import (
	"testing"

	"github.com/twice-lint/twice/configcheck/manifest"
)

func TestClassifyClient(t *testing.T) {
	tests := []struct {
		version, dynamic string
		is5, is50        bool
	}{
		{"5.1.1", "", true, false},
		{"5.0.1-beta", "", true, true},
		{"4.3.9", "", false, false},
		{"5.1.0-SNAPSHOT", "", true, false},
		{"", "[5.0,6.0)", true, false},
		{"", "(,5.1.1]", true, false},
		{"", "[5.0,5.1)", true, true},
		{"", "[4.0,5.0)", false, false},
		{"", "5.+", true, false},
		{"", "5.0.+", true, true},
		{"", "latest.integration", true, false},
		{"", "", false, false}, // unknown: a note elsewhere, never a warning
	}
	for _, tt := range tests {
		_, is5, is50 := classifyClient(manifest.Dependency{Version: tt.version, Dynamic: tt.dynamic})
		if is5 != tt.is5 || is50 != tt.is50 {
			t.Errorf("classifyClient(%q, %q) = 5.x %v, 5.0 %v; want %v, %v", tt.version, tt.dynamic, is5, is50, tt.is5, tt.is50)
		}
	}
}

func TestJudgeServerVersion(t *testing.T) {
	tests := []struct {
		v          string
		old, fixed bool
	}{
		{"5.1.0-SNAPSHOT", false, false}, // a 5.1.0 build: has auth, not the header fix
		{"5.1.0-RC1", false, false},
		{"5.1.0", false, false},
		{"5.1.0-bugfix", false, true},
		{"5.1.1-SNAPSHOT", false, true},
		{"5.0.1-beta", true, false},
		{"4.3.9", true, false},
	}
	for _, tt := range tests {
		if old, fixed := judgeServerVersion(tt.v); old != tt.old || fixed != tt.fixed {
			t.Errorf("judgeServerVersion(%q) = old %v, fixed %v; want %v, %v", tt.v, old, fixed, tt.old, tt.fixed)
		}
	}
}
