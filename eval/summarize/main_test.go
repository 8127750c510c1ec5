package main

import (
	"slices"
	"strings"
	"testing"
)

func TestFindings(t *testing.T) {
	const twoVariants = `{
  "example.com/m/store": {"unsaferetry": [{"posn": "/src/m/store/store.go:12:3", "message": "Insert inside retry.Do"}]},
  "example.com/m/store [example.com/m/store.test]": {
    "unsaferetry": [{"posn": "/src/m/store/store.go:12:3", "message": "Insert inside retry.Do"}],
    "resend": [{"posn": "/src/m/store/client.go:40:2", "message": "POST sent again"}]
  },
  "example.com/m/broken": {"twicemodel": {"error": "analysis skipped due to errors in package"}}
}`
	tests := []struct {
		name, input string
		want        []string
		wantErr     bool
	}{
		{name: "test variant duplicates are counted once", input: twoVariants, want: []string{
			"m@v1: m/store/client.go:40:2: [resend] POST sent again",
			"m@v1: m/store/store.go:12:3: [unsaferetry] Insert inside retry.Do",
		}},
		{name: "no findings", input: `{"example.com/m": {"unsaferetry": []}}`, want: nil},
		{name: "not JSON (twice failed early)", input: "twice: go list failed\n", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := findings(strings.NewReader(tt.input), "/src", "m@v1")
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error: %v", err, tt.wantErr)
			}
			var lines []string
			for _, f := range got {
				lines = append(lines, f.line)
			}
			if !slices.Equal(lines, tt.want) {
				t.Errorf("lines:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// FuzzFindings: any input either decodes or returns an error; it never
// panics, and every finding printed names its analyzer in brackets.
func FuzzFindings(f *testing.F) {
	f.Add(`{"p": {"unsaferetry": [{"posn": "/src/a.go:1:2", "message": "m"}]}}`)
	f.Add(`{"p": {"twicemodel": {"error": "analysis skipped"}}}`)
	f.Fuzz(func(t *testing.T, in string) {
		got, err := findings(strings.NewReader(in), "/src", "m@v1")
		if err != nil {
			return
		}
		for _, fd := range got {
			if !strings.Contains(fd.line, "["+fd.analyzer+"]") {
				t.Errorf("line %q does not name analyzer %q", fd.line, fd.analyzer)
			}
		}
	})
}
