package manifest

import "testing"

func TestCompareVersions(t *testing.T) {
	// Each pair is a < b; the test checks both directions.
	less := []struct{ a, b string }{
		{"5.1.0-SNAPSHOT", "5.1.0"},
		{"5.1.0", "5.1.0-bugfix"},
		{"5.1.0-bugfix", "5.1.1"},
		{"5.1.1", "5.1.2"},
		{"5.0.1-beta", "5.0.1"},
		{"4.3.9", "5.0.0-beta"},
		{"5.0.0-beta", "5.0.0-beta2"},
		{"5.0.0-beta2", "5.0.1-beta"},
		{"5.0.1-beta", "5.1.0"},
		{"3.4.3", "4.0.0"},
		{"1.0-alpha", "1.0-beta"},
		{"1.0-beta", "1.0-milestone"},
		{"1.0-milestone", "1.0-rc"},
		{"1.0-rc", "1.0-snapshot"},
		{"1.0-SNAPSHOT", "1.0"},
		{"1.0", "1.0-sp"},
		{"1.0-sp", "1.0-abc"},
		{"1.0-abc", "1.0-xyz"},
		{"1.0-xyz", "1.0.1"},
		{"1.0a1", "1.0b1"},   // a/b followed by a digit are alpha/beta
		{"1.0m1", "1.0-rc1"}, // m1 = milestone-1
		{"1.9", "1.10"},      // numeric, not lexical
		{"2.0.0", "10.0.0"},
		{"1.0.0-jre", "1.0.1"}, // guava-style qualifier
		{"31.1-android", "31.1-jre"},
		{"99999999999999999999", "100000000000000000000"}, // beyond int64
	}
	for _, c := range less {
		if got := CompareVersions(c.a, c.b); got != -1 {
			t.Errorf("CompareVersions(%q, %q) = %d, want -1", c.a, c.b, got)
		}
		if got := CompareVersions(c.b, c.a); got != 1 {
			t.Errorf("CompareVersions(%q, %q) = %d, want 1", c.b, c.a, got)
		}
	}
	equal := []struct{ a, b string }{
		{"5.1", "5.1.0"},
		{"5.1.0", "5.1.0.0"},
		{"1.0-ga", "1.0"},
		{"1.0-final", "1.0"},
		{"1.0-RELEASE", "1.0"},
		{"1.0-cr1", "1.0-rc1"},
		{"1.0-SNAPSHOT", "1.0-snapshot"},
		{"01.002", "1.2"},
		{"", "0"},
	}
	for _, c := range equal {
		if got := CompareVersions(c.a, c.b); got != 0 {
			t.Errorf("CompareVersions(%q, %q) = %d, want 0", c.a, c.b, got)
		}
		if got := CompareVersions(c.b, c.a); got != 0 {
			t.Errorf("CompareVersions(%q, %q) = %d, want 0", c.b, c.a, got)
		}
	}
}
