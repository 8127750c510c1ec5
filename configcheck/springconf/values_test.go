package springconf

import (
	"strconv"
	"strings"
	"testing"

	"github.com/twice-lint/twice/configcheck/internal/budget"
)

func TestTruthy(t *testing.T) {
	tests := []struct {
		in      string
		val, ok bool
	}{
		{"true", true, true}, {"TRUE", true, true}, {" on ", true, true}, {"Yes", true, true}, {"1", true, true},
		{"false", false, true}, {"Off", false, true}, {"no", false, true}, {"0", false, true}, {"\tfalse\n", false, true},
		{"", false, false}, {"enabled", false, false}, {"2", false, false}, {"t", false, false}, {"@auth.enable@", false, false},
	}
	for _, tt := range tests {
		val, ok := Truthy(tt.in)
		if val != tt.val || ok != tt.ok {
			t.Errorf("Truthy(%q) = %v, %v; want %v, %v", tt.in, val, ok, tt.val, tt.ok)
		}
	}
}

// mapLookup serves lookups from a map; values listed in unknown exist but
// their value is not known.
func mapLookup(vals map[string]string, unknown ...string) func(string) (string, bool, bool) {
	return func(k string) (string, bool, bool) {
		for _, u := range unknown {
			if k == u {
				return "", true, false
			}
		}
		v, ok := vals[k]
		return v, ok, true
	}
}

func TestExpand(t *testing.T) {
	vals := map[string]string{
		"AUTH":      "true",
		"auth.flag": "${AUTH}",
		"name":      "AUTH",
		"loop.a":    "${loop.b}",
		"loop.b":    "${loop.a}",
		"self":      "x${self}",
		"empty":     "",
		"colon":     "a:b",
	}
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"plain", "plain", true},
		{"${AUTH}", "true", true},
		{"${OMS_AUTH_OPENAPI_ENABLE:false}", "false", true},
		{"${AUTH:false}", "true", true},
		{"${missing}", "${missing}", false},
		{"${auth.flag}", "true", true},                           // nested in the looked-up value
		{"${${name}}", "true", true},                             // nested in the key
		{"${missing:${AUTH}}", "true", true},                     // nested in the default
		{"${missing:${nope:off}}", "off", true},                  // two defaults deep
		{"${AUTH:${nope}}", "true", true},                        // an unused default is not evaluated
		{"${missing:}", "", true},                                // empty default
		{"${empty:x}", "", true},                                 // found empty value wins over the default
		{"${colon}", "a:b", true},                                // ':' in a value is text
		{"${missing:http://h:1}", "http://h:1", true},            // first ':' separates the default
		{"pre-${AUTH}-${AUTH}-post", "pre-true-true-post", true}, // several
		{"${unclosed", "${unclosed", true},                       // literal
		{"${loop.a}", "${loop.a}", false},                        // cycle
		{"${self}", "x${self}", false},                           // self reference
		{"${opaque:true}", "${opaque:true}", false},              // found but unknown: the default does not apply
		{"${missing} and ${AUTH}", "${missing} and true", false},
	}
	for _, tt := range tests {
		got, ok := Expand(tt.in, mapLookup(vals, "opaque"))
		if got != tt.want || ok != tt.ok {
			t.Errorf("Expand(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestExpandBounds: exponential and deep expansions stop with ok=false.
func TestExpandBounds(t *testing.T) {
	vals := map[string]string{}
	for i := 0; i < 40; i++ {
		next := "x"
		if i < 39 {
			next = "${k" + strconv.Itoa(i+1) + "}"
		}
		vals["k"+strconv.Itoa(i)] = next + next
	}
	got, ok := Expand("${k0}", mapLookup(vals))
	if ok {
		t.Errorf("exponential expansion reported ok (len %d)", len(got))
	}
	if len(got) > budget.MaxValue {
		t.Errorf("output grew to %d bytes", len(got))
	}
	deep := strings.Repeat("${a:", 100) + "v" + strings.Repeat("}", 100)
	if _, ok := Expand(deep, mapLookup(nil)); ok {
		t.Error("100-deep default chain reported ok")
	}
}
