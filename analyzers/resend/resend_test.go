package resend

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/twice-lint/twice/analyzers/internal/model"
	"github.com/twice-lint/twice/analyzers/internal/testenv"
)

// TestResend runs the analyzer, with the real model and classifier, over
// service-shaped fixtures: a PowerJob-like OpenAPI client, a payments
// client, a job-center client with a {"code": …} envelope, and clients that
// get it right.
func TestResend(t *testing.T) {
	// One load for every fixture package: the model analyzes the standard
	// library dependencies for facts, which dominates the test's time.
	pkgs := []string{
		"powerjob",   // the 5.1.x client's bug inline and through recursion; fixed, GET, PUT, DELETE variants
		"payments",   // re-POST after 502/503 and after a non-2xx; Idempotency-Key; retry loop
		"jobcenter",  // {"code": …} envelope, decode failure, helper sends, switch on the status
		"refusals",   // 401/403/407/429, transport errors, follow-up writes, nolint, twice:idempotent
		"migrate",    // exclusive settings, a fallback without a parameter, test steps with assertions
		"encoders",   // a fallback encoding after looking at a local count (silent)
		"buckets",    // same request vs another bucket/setting/ID/payload; a check that returns an error passed
		"testfiles",  // a re-send in a client and in a test (reported with -tests only: TestTestFiles)
		"errorpaths", // a send on each of two returning error paths (silent); a re-send after a header
		"uploads",    // an upload sent again with the reader the first one drained (silent), with a new or rewound reader
		"pinning",    // an RPC API that takes reads as POSTs: pin/ls asked twice about two objects (silent)
	}
	// Tests: true, so that the step-by-step tests of migrate and buckets
	// are judged too (by default _test.go files are not checked).
	a := New(model.New(model.Settings{Tests: true}))
	results := analysistest.Run(t, testenv.Testdata(t), a, pkgs...)
	if len(results) < len(pkgs) { // a package with tests loads as several
		t.Fatalf("analysed %d packages, want %d", len(results), len(pkgs))
	}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			posn := r.Pass.Fset.Position(d.Pos)
			if len(d.Related) != 2 || !strings.HasPrefix(d.Related[0].Message, "first send of ") ||
				!strings.HasPrefix(d.Related[1].Message, "response inspected here: ") {
				t.Errorf("%v: related information = %+v", posn, d.Related)
				continue
			}
			if first := d.Related[0].Pos; first >= d.Pos {
				t.Errorf("%v: first send at %v is not before the re-send", posn, r.Pass.Fset.Position(first))
			}
			if !strings.Contains(d.Message, "re-send only when the server refused the request") {
				t.Errorf("%v: message lacks the fix: %s", posn, d.Message)
			}
		}
	}
}

// TestTestFiles: by default _test.go files are not checked; the re-send in
// the fixture's test is reported only with Settings.Tests (the // want
// comments of the fixture are the Tests run, checked by TestResend).
func TestTestFiles(t *testing.T) {
	for _, tt := range []struct {
		tests     bool
		wantTests int
	}{{false, 0}, {true, 1}} {
		a := New(model.New(model.Settings{Tests: tt.tests}))
		seen := map[string]bool{}
		inTests, others := 0, 0
		for _, r := range analysistest.Run(&silentT{}, testenv.Testdata(t), a, "testfiles") {
			for _, d := range r.Diagnostics {
				posn := r.Pass.Fset.Position(d.Pos)
				if seen[posn.String()] { // a package with tests is analyzed twice
					continue
				}
				seen[posn.String()] = true
				if strings.HasSuffix(posn.Filename, "_test.go") {
					inTests++
				} else {
					others++
				}
			}
		}
		if inTests != tt.wantTests || others != 1 {
			t.Errorf("Tests=%v: %d findings in _test.go files, %d elsewhere; want %d and 1", tt.tests, inTests, others, tt.wantTests)
		}
	}
}

// silentT collects analysistest's complaints (the default run leaves the
// test file's // want unmatched on purpose).
type silentT struct{ errs []string }

func (s *silentT) Errorf(format string, args ...any) { s.errs = append(s.errs, format) }

// TestChecksOnly: a re-send that a repeat usually leaves harmless (a call
// judged a write by its name alone, a PATCH update) is silent by default
// (the fixtures have no // want) and, at -unsaferetry.confidence=low,
// reported, worded as a check.
func TestChecksOnly(t *testing.T) {
	dir := testenv.Testdata(t)
	for _, tt := range []struct {
		pkg, op, check string
		n              int
	}{
		{"nameonly", "OrderAPI.SubmitOrder", "check: only its name says it creates something", 1},
		{"updates", "Client.edit (PATCH /orgs/acme)", "check: a PATCH update", 1},
	} {
		analysistest.Run(t, dir, New(model.New(model.Settings{})), tt.pkg)
		var got []string
		for _, r := range analysistest.Run(&silentT{}, dir, New(model.New(model.Settings{Confidence: model.ConfidenceLow})), tt.pkg) {
			for _, d := range r.Diagnostics {
				got = append(got, d.Message)
			}
		}
		if len(got) != tt.n {
			t.Errorf("%s at low confidence: got %d findings %q, want %d", tt.pkg, len(got), got, tt.n)
		}
		for _, m := range got {
			if !strings.Contains(m, tt.op) || !strings.Contains(m, tt.check) {
				t.Errorf("%s at low confidence: %q, want a re-send of %s worded %q", tt.pkg, m, tt.op, tt.check)
			}
		}
	}
}
