package resend

import (
	"go/token"
	"slices"
	"strings"
	"testing"
)

func TestNolintCovers(t *testing.T) {
	tests := []struct {
		comment string
		want    bool
	}{
		{"//nolint:resend", true},
		{"//nolint:twice", true},
		{"//nolint:twice // the server deduplicates", true},
		{"//nolint:errcheck,resend", true},
		{"//nolint:errcheck, twice", true},
		{"//nolint", true},
		{"//nolint // generated", true},
		{"// nolint:resend", true},
		{"//nolint:errcheck", false},
		{"//nolint:unsaferetry", false},
		{"//nolint:resender", false},
		{"//nolintresend", false},
		{"// resend is fine here", false},
	}
	for _, tt := range tests {
		if got := nolintCovers(tt.comment); got != tt.want {
			t.Errorf("nolintCovers(%q) = %v, want %v", tt.comment, got, tt.want)
		}
	}
}

func TestStatusSets(t *testing.T) {
	tests := []struct {
		name string
		set  statusSet
		want []int // a sample of members, checked against has()
		not  []int
	}{
		{"== 502", statusesWhere(token.EQL, 502), []int{502}, []int{500, 503}},
		{">= 500", statusesWhere(token.GEQ, 500), []int{500, 599}, []int{499, 200}},
		{"!= 200", statusesWhere(token.NEQ, 200), []int{201, 500}, []int{200}},
		{"not 2xx", successes.not(), []int{199, 300, 503}, []int{200, 299}},
		{"refusals", refusals, []int{401, 403, 407, 429}, []int{400, 404, 500}},
		{"401 and 5xx", statusesOf(401).and(serverErrors), nil, []int{401, 500}},
		{"401 or 403", statusesOf(401).or(statusesOf(403)), []int{401, 403}, []int{402}},
		{"out of range dropped", statusesOf(42, 600, 1000), nil, []int{42, 600}},
	}
	for _, tt := range tests {
		for _, c := range tt.want {
			if !tt.set.has(c) {
				t.Errorf("%s: %d missing", tt.name, c)
			}
		}
		for _, c := range tt.not {
			if tt.set.has(c) {
				t.Errorf("%s: %d present", tt.name, c)
			}
		}
	}
	if got := statusesOf(401, 403).codes(); !slices.Equal(got, []int{401, 403}) {
		t.Errorf("codes = %v", got)
	}
	if !statusesOf(401, 429).subsetOf(refusals) || statusesOf(401, 500).subsetOf(refusals) {
		t.Error("subsetOf misjudges refusals")
	}
	if !allStatuses().not().empty() {
		t.Error("the complement of every status is not empty")
	}
}

func TestDescribeStatus(t *testing.T) {
	tests := []struct {
		set  statusSet
		want string
	}{
		{statusesOf(502), "the response status (502)"},
		{statusesOf(502, 503), "the response status (5xx)"},
		{successes.not(), "the response status (not 2xx)"},
		{statusesWhere(token.NEQ, 200), "the response status"},
	}
	for _, tt := range tests {
		if got := describeStatus(tt.set); got != tt.want {
			t.Errorf("describeStatus(%v) = %q, want %q", tt.set.codes()[:1], got, tt.want)
		}
	}
}

func TestAnalyzerDoc(t *testing.T) {
	doc := analyzerDoc(docSource)
	first, _, _ := strings.Cut(doc, "\n")
	if first != "report non-idempotent requests sent again after their response was inspected" {
		t.Errorf("first line of Doc = %q", first)
	}
	for _, want := range []string{"X-POWERJOB-AUTH-PASSED", "# Fix", "//nolint:resend", "//twice:idempotent"} {
		if !strings.Contains(doc, want) {
			t.Errorf("Doc lacks %q", want)
		}
	}
	if strings.Contains(doc, "package resend") {
		t.Error("Doc runs past the package comment")
	}
}
