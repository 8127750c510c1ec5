package source

import "testing"

func TestQuoteCapped(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"plain", 10, `"plain"`},
		{"line\nforged: warning", 40, `"line\nforged: warning"`},
		{"\x1b[31mred", 40, `"\x1b[31mred"`},
		{"bad\xffbyte", 40, `"bad\xffbyte"`},
		{"abcdefghij", 4, `"abcd"…`},
		{"ab\u00e9cd", 3, `"ab"…`}, // never splits é
		{"", 0, `""`},
	}
	for _, tt := range tests {
		if got := QuoteCapped(tt.in, tt.max); got != tt.want {
			t.Errorf("QuoteCapped(%q, %d) = %s, want %s", tt.in, tt.max, got, tt.want)
		}
	}
}
