package main

import (
	"encoding/json"
	"testing"
)

func TestDropVariantRepeats(t *testing.T) {
	const (
		a    = `{"posn":"/m/p/a.go:3:4","message":"POST /orders inside retry.Do"}`
		test = `{"posn":"/m/p/a_test.go:9:2","message":"POST /orders inside retry.Do"}`
		erro = `{"error":"package p was not analyzed"}`
	)
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"repeat dropped, variant left empty is removed",
			`{"p":{"unsaferetry":[` + a + `]},"p [p.test]":{"unsaferetry":[` + a + `]}}`,
			`{"p":{"unsaferetry":[` + a + `]}}`},
		{"a finding only the variant has stays",
			`{"p":{"unsaferetry":[` + a + `]},"p [p.test]":{"unsaferetry":[` + a + `,` + test + `]}}`,
			`{"p":{"unsaferetry":[` + a + `]},"p [p.test]":{"unsaferetry":[` + test + `]}}`},
		{"errors stay",
			`{"p":{"unsaferetry":` + erro + `},"p [p.test]":{"unsaferetry":` + erro + `}}`,
			`{"p":{"unsaferetry":` + erro + `},"p [p.test]":{"unsaferetry":` + erro + `}}`},
		{"a variant without its package is kept whole",
			`{"p [p.test]":{"unsaferetry":[` + a + `]}}`,
			`{"p [p.test]":{"unsaferetry":[` + a + `]}}`},
		{"an external test package is not a variant",
			`{"p":{"unsaferetry":[` + a + `]},"p_test [p.test]":{"unsaferetry":[` + test + `]}}`,
			`{"p":{"unsaferetry":[` + a + `]},"p_test [p.test]":{"unsaferetry":[` + test + `]}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tree map[string]map[string]json.RawMessage
			if err := json.Unmarshal([]byte(tt.in), &tree); err != nil {
				t.Fatal(err)
			}
			dropVariantRepeats(tree)
			out, err := json.Marshal(tree)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := canonical(t, out), canonical(t, []byte(tt.want)); got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}

// canonical re-encodes JSON text with sorted keys and no spaces.
func canonical(t *testing.T, text []byte) string {
	t.Helper()
	var x any
	if err := json.Unmarshal(text, &x); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
