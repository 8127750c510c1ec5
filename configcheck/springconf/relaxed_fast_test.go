package springconf

import "testing"

// The fast path of CanonicalKey (a key already canonical is returned as
// is) must agree with building the form element by element, for keys on
// both sides of the line: canonical ones and ones that differ by one
// character (an empty or all-digit element, a capital, a dash).
func TestCanonicalKeyFastPath(t *testing.T) {
	tests := []struct {
		key       string
		canonical bool
	}{
		{"oms.auth.openapi.enable", true},
		{"server.port", true},
		{"a1.b2", true},
		{"x", true},
		{"", false},               // no element: canonical form is "" too, but by the slow path
		{"a.", false},             // trailing empty element is dropped
		{".a", false},             // leading empty element is dropped
		{"a..b", false},           // empty element in the middle
		{"my.list.0.name", false}, // all-digit element becomes an index
		{"a.0", false},
		{"Oms.port", false},
		{"open-api.enable", false},
		{"a_b", false},
		{"list[0]", false},
		{"é.x", false},
	}
	for _, tt := range tests {
		if got := isCanonical(tt.key); got != tt.canonical {
			t.Errorf("isCanonical(%q) = %v, want %v", tt.key, got, tt.canonical)
		}
		if got, want := CanonicalKey(tt.key), uniformKey(tt.key); got != want {
			t.Errorf("CanonicalKey(%q) = %q, element by element %q", tt.key, got, want)
		}
	}
}

// FuzzCanonicalKeyFastPath: whatever the key, the fast path never changes
// the result, and a key it accepts is a fixed point of the slow path.
func FuzzCanonicalKeyFastPath(f *testing.F) {
	for _, k := range []string{"oms.auth.openapi.enable", "a..b", "my.list.0.name", "OMS_AUTH", "a[0].b", ".", "9.a"} {
		f.Add(k)
	}
	f.Fuzz(func(t *testing.T, key string) {
		slow := uniformKey(key)
		if got := CanonicalKey(key); got != slow {
			t.Fatalf("CanonicalKey(%q) = %q, element by element %q", key, got, slow)
		}
		if isCanonical(key) && slow != key {
			t.Fatalf("isCanonical(%q) but its canonical form is %q", key, slow)
		}
	})
}
