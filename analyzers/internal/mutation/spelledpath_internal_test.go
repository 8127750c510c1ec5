package mutation

import "testing"

// TestSpelledPath: a builder's URL whose own text names the operation
// around the ids it is given keeps that path; one that ends with (or
// starts from) a parameter takes its path from the caller.
func TestSpelledPath(t *testing.T) {
	base := piece{param: -1}
	lit := func(s string) piece { return piece{s: s, known: true, param: -1} }
	param := func(i int) piece { return piece{param: i} }
	tests := []struct {
		name string
		ps   []piece
		want string
	}{
		{"template with ids", []piece{base, lit("/teams/"), param(1), lit("/syncs/"), param(2), lit("/runs")}, "/teams/{…}/syncs/{…}/runs"},
		{"fixed path", []piece{base, lit("/blocks")}, "/blocks"},
		{"caller's path after a prefix", []piece{base, lit("/v1/"), param(1)}, ""},
		{"caller's path first", []piece{param(0), lit("/runs")}, ""},
		{"base only", []piece{base}, ""},
		{"query only", []piece{base, lit("?")}, ""},
	}
	for _, tt := range tests {
		if got := spelledPath(tt.ps); got != tt.want {
			t.Errorf("%s: spelledPath = %q, want %q", tt.name, got, tt.want)
		}
	}
}
