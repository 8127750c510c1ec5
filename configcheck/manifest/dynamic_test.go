package manifest

import "testing"

func TestAdmits(t *testing.T) {
	const lo51, hi = "5.1.0", "6"
	tests := []struct {
		sel          string
		admits, know bool
	}{
		{"[5.0,6.0)", true, true},
		{"(,5.1.1]", true, true},
		{"(,5.1.0)", false, true},
		{"[5.0,5.1)", false, true},
		{"[5.1.0]", true, true},
		{"[4.0],[5.1.2,)", true, true},
		{"]5.1,6.0[", true, true},
		{"[6.0,)", false, true},
		{"5.+", true, true},
		{"5.0.+", false, true}, // only versions starting with "5.0."
		{"5.1.+", true, true},
		{"4.+", false, true},
		{"+", true, true},
		{"latest.release", true, true},
		{"latest.integration", true, true},
		{"[5.0", false, false},
		{"x.+", false, false},
	}
	for _, tt := range tests {
		got, known := Admits(tt.sel, lo51, hi)
		if got != tt.admits || known != tt.know {
			t.Errorf("Admits(%q, 5.1.0, 6) = %v, %v; want %v, %v", tt.sel, got, known, tt.admits, tt.know)
		}
	}
}

func TestReleaseLine(t *testing.T) {
	for in, want := range map[string]string{
		"5.1.0-SNAPSHOT": "5.1.0", "5.1.0-RC1": "5.1.0", "5.1.0.RC2": "5.1.0", "5.0.0-beta": "5.0.0",
		"5.1.0-M1": "5.1.0", "5.1.0-bugfix": "5.1.0-bugfix", "5.1.1": "5.1.1", "5.1.0-mysql": "5.1.0-mysql",
	} {
		if got := ReleaseLine(in); got != want {
			t.Errorf("ReleaseLine(%q) = %q, want %q", in, got, want)
		}
	}
}
