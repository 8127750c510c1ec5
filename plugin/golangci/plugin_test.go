package golangci

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("twice")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatalf("no settings: %v", err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(as), []string{"resend", "unsaferetry"}; !reflect.DeepEqual(got, want) {
		t.Errorf("analyzers %v, want %v", got, want)
	}
	if err := analysis.Validate(as); err != nil {
		t.Errorf("invalid analyzer set: %v", err)
	}
}

// TestSettingsDecoding uses the shapes golangci-lint passes: the YAML of
// linters.settings.custom.twice.settings decoded into map[string]any.
func TestSettingsDecoding(t *testing.T) {
	tests := []struct {
		name     string
		settings any
		want     Settings
		wantErr  string
	}{
		{name: "absent", settings: nil},
		{name: "empty", settings: map[string]any{}},
		{name: "all keys", settings: map[string]any{
			"retry-funcs": []any{"(*example.com/shop/jobs.Queue).Submit", "example.com/shop/retryx.Do"},
			"mutating":    []any{"(example.com/shop/ledger.Ledger).Record"},
			"idempotent":  []any{"(*example.com/shop/billing.Client).Capture"},
			"tests":       true,
			"confidence":  "low",
		}, want: Settings{
			RetryFuncs: []string{"(*example.com/shop/jobs.Queue).Submit", "example.com/shop/retryx.Do"},
			Mutating:   []string{"(example.com/shop/ledger.Ledger).Record"},
			Idempotent: []string{"(*example.com/shop/billing.Client).Capture"},
			Tests:      true,
			Confidence: "low",
		}},
		{name: "bad confidence", settings: map[string]any{"confidence": "medium"}, wantErr: "confidence"},
		{name: "unknown key (typo)", settings: map[string]any{"retryfuncs": []any{"x.Do"}}, wantErr: "retryfuncs"},
		{name: "wrong type", settings: map[string]any{"mutating": "x.F"}, wantErr: "mutating"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := New(tt.settings)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one mentioning %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := p.(*Plugin).settings
			if !reflect.DeepEqual(got.RetryFuncs, tt.want.RetryFuncs) || !reflect.DeepEqual(got.Mutating, tt.want.Mutating) || !reflect.DeepEqual(got.Idempotent, tt.want.Idempotent) || got.Tests != tt.want.Tests || got.Confidence != tt.want.Confidence {
				t.Errorf("settings %+v, want %+v", got, tt.want)
			}
		})
	}
}

// errorRecorder collects analysistest's complaints instead of failing.
type errorRecorder struct{ errs []string }

func (r *errorRecorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestRetryFuncFromSettingsIsHonoured runs the plugin's analyzers on a job
// queue whose retry cannot be seen: with retry-funcs naming Queue.Submit
// the POST inside is reported; without it, it is not.
func TestRetryFuncFromSettingsIsHonoured(t *testing.T) {
	dir := analysistest.TestData()
	build := func(settings any) *analysis.Analyzer {
		t.Helper()
		p, err := New(settings)
		if err != nil {
			t.Fatal(err)
		}
		as, err := p.BuildAnalyzers()
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range as {
			if a.Name == "unsaferetry" {
				return a
			}
		}
		t.Fatal("no unsaferetry analyzer")
		return nil
	}

	configured := build(map[string]any{"retry-funcs": []any{"(*shop/settle.Queue).Submit"}})
	analysistest.Run(t, dir, configured, "shop/settle")

	// Without the setting the want comment must go unmatched.
	var rec errorRecorder
	analysistest.Run(&rec, dir, build(nil), "shop/settle")
	if len(rec.errs) != 1 || !strings.Contains(rec.errs[0], "settle.go:26") {
		t.Errorf("default settings: want exactly the unmatched expectation at settle.go:26, got %q", rec.errs)
	}
}

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	sort.Strings(out)
	return out
}
