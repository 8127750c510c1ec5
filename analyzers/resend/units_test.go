package resend

import (
	"go/token"
	"strings"
	"testing"

	"github.com/twice-lint/twice/analyzers/internal/httpstatus"
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

func TestDescribeStatus(t *testing.T) {
	tests := []struct {
		set  httpstatus.Set
		want string
	}{
		{httpstatus.Of(502), "the response status (502)"},
		{httpstatus.Of(502, 503), "the response status (5xx)"},
		{httpstatus.Successes().Not(), "the response status (not 2xx)"},
		{httpstatus.Where(token.NEQ, 200), "the response status"},
	}
	for _, tt := range tests {
		if got := describeStatus(tt.set); got != tt.want {
			t.Errorf("describeStatus(%v) = %q, want %q", tt.set.Codes()[:1], got, tt.want)
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
