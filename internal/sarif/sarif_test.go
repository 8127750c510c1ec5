package sarif_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/twice-lint/twice/internal/sarif"
	"github.com/twice-lint/twice/internal/sarif/sariftest"
)

// sampleRun is shaped like twice's analyzer output: two rules, a result
// with a related location, and an input error as a notification.
func sampleRun() *sarif.Run {
	run := sarif.NewRun("twice", "v1.2.3", "https://github.com/twice-lint/twice")
	run.AddRule(sarif.Rule{
		ID:                   "unsaferetry",
		ShortDescription:     sarif.Text("a non-idempotent write inside a retry scope"),
		Help:                 &sarif.Message{Text: "Make the write idempotent.", Markdown: "Make the write **idempotent**."},
		HelpURI:              "https://github.com/twice-lint/twice#unsaferetry",
		DefaultConfiguration: &sarif.ReportingConfiguration{Level: sarif.LevelWarning},
	})
	run.AddRule(sarif.Rule{ID: "resend", HelpURI: "https://github.com/twice-lint/twice#resend"})
	one := 1
	run.AddResult(sarif.Result{
		RuleID:  "resend",
		Level:   sarif.LevelWarning,
		Message: sarif.Message{Text: "POST /openApi/saveJob sent again after its response was inspected"},
		Locations: []sarif.Location{{PhysicalLocation: &sarif.PhysicalLocation{
			ArtifactLocation: sarif.ArtifactLocation{URI: "internal/jobs/client.go"},
			Region:           &sarif.Region{StartLine: 42, StartColumn: 9, EndLine: 42, EndColumn: 30},
		}}},
		RelatedLocations: []sarif.Location{{
			ID:      &one,
			Message: sarif.Text("first request"),
			PhysicalLocation: &sarif.PhysicalLocation{
				ArtifactLocation: sarif.ArtifactLocation{URI: "internal/jobs/client.go"},
				Region:           &sarif.Region{StartLine: 35, StartColumn: 15},
			},
		}},
	})
	run.Invocations = []sarif.Invocation{{
		ExecutionSuccessful: false,
		ToolExecutionNotifications: []sarif.Notification{{
			Level:   sarif.LevelError,
			Message: sarif.Message{Text: "expected ';', found '}'"},
			Locations: []sarif.Location{{PhysicalLocation: &sarif.PhysicalLocation{
				ArtifactLocation: sarif.ArtifactLocation{URI: "broken/broken.go"},
				Region:           &sarif.Region{StartLine: 3, StartColumn: 1},
			}}},
		}},
	}}
	return run
}

func encode(t *testing.T, l *sarif.Log) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := l.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// baseRelativeRun is shaped like the config checker's output: URIs relative
// to a named base directory and fingerprinted results.
func baseRelativeRun() *sarif.Run {
	run := sarif.NewRun("twice", "v1.2.3", "https://github.com/twice-lint/twice")
	run.OriginalURIBaseIDs = map[string]sarif.ArtifactLocation{"%SRCROOT%": {URI: "file:///home/dev/shop/"}}
	run.AddRule(sarif.Rule{ID: "unauthenticated-openapi"})
	run.AddResult(sarif.Result{
		RuleID:  "unauthenticated-openapi",
		Level:   sarif.LevelWarning,
		Message: sarif.Message{Text: "oms.auth.openapi.enable=false"},
		Locations: []sarif.Location{{PhysicalLocation: &sarif.PhysicalLocation{
			ArtifactLocation: sarif.ArtifactLocation{URI: "server/application.properties", URIBaseID: "%SRCROOT%"},
			Region:           &sarif.Region{StartLine: 7, StartColumn: 1},
		}}},
		PartialFingerprints: map[string]string{sarif.FingerprintKey: "0123456789abcdef"},
	})
	return run
}

func TestWrittenLogsMatchSchema(t *testing.T) {
	tests := []struct {
		name string
		log  *sarif.Log
	}{
		{"empty run", sarif.NewLog(sarif.NewRun("twice", "", ""))},
		{"findings and notifications", sarif.NewLog(sampleRun())},
		{"two runs", sarif.NewLog(sampleRun(), sarif.NewRun("twice config", "(devel)", ""))},
		{"base-relative URIs and fingerprints", sarif.NewLog(baseRelativeRun())},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := sariftest.Validate(encode(t, tt.log)); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestValidatorRejectsBrokenLogs makes sure the schema check is not vacuous.
func TestValidatorRejectsBrokenLogs(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(m map[string]any)
	}{
		{"wrong version", func(m map[string]any) { m["version"] = "2.0.0" }},
		{"runs missing", func(m map[string]any) { delete(m, "runs") }},
		{"unknown top-level property", func(m map[string]any) { m["findings"] = []any{} }},
		{"bad level", func(m map[string]any) {
			run := m["runs"].([]any)[0].(map[string]any)
			run["results"].([]any)[0].(map[string]any)["level"] = "fatal"
		}},
		{"tool without driver", func(m map[string]any) {
			m["runs"].([]any)[0].(map[string]any)["tool"] = map[string]any{}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m map[string]any
			if err := json.Unmarshal(encode(t, sarif.NewLog(sampleRun())), &m); err != nil {
				t.Fatal(err)
			}
			tt.mutate(m)
			data, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			if err := sariftest.Validate(data); err == nil {
				t.Error("broken log passed schema validation")
			}
		})
	}
}

// TestBaseRelativeFields checks the JSON names of the fields the config
// checker relies on; consumers (GitHub code scanning) look them up by name.
func TestBaseRelativeFields(t *testing.T) {
	var m struct {
		Runs []struct {
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			Results            []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(encode(t, sarif.NewLog(baseRelativeRun())), &m); err != nil {
		t.Fatal(err)
	}
	run := m.Runs[0]
	if got := run.OriginalURIBaseIDs["%SRCROOT%"].URI; got != "file:///home/dev/shop/" {
		t.Errorf("originalUriBaseIds[%%SRCROOT%%] = %q", got)
	}
	res := run.Results[0]
	if got := res.Locations[0].PhysicalLocation.ArtifactLocation.URIBaseID; got != "%SRCROOT%" {
		t.Errorf("uriBaseId = %q", got)
	}
	if got := res.PartialFingerprints[sarif.FingerprintKey]; got != "0123456789abcdef" {
		t.Errorf("partialFingerprints = %v", res.PartialFingerprints)
	}
	// The analyzer half sets none of them: nothing extra is written.
	if bytes.Contains(encode(t, sarif.NewLog(sampleRun())), []byte("uriBaseId")) {
		t.Error("a run without base ids writes uriBaseId")
	}
}

func TestWriteEscaping(t *testing.T) {
	run := sarif.NewRun("twice", "", "")
	run.AddResult(sarif.Result{RuleID: "r", Message: sarif.Message{Text: "element <dependencies> closed by </project> & more"}})
	log := sarif.NewLog(run)
	tests := []struct {
		name  string
		write func(*sarif.Log, *bytes.Buffer) error
		want  string
	}{
		{"Write", func(l *sarif.Log, b *bytes.Buffer) error { return l.Write(b) },
			`"element <dependencies> closed by </project> & more"`},
		{"WriteHTMLEscaped", func(l *sarif.Log, b *bytes.Buffer) error { return l.WriteHTMLEscaped(b) },
			`"element \u003cdependencies\u003e closed by \u003c/project\u003e \u0026 more"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.write(log, &buf); err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(buf.Bytes(), []byte(tt.want)) {
				t.Errorf("output lacks %s:\n%s", tt.want, buf.String())
			}
			if !bytes.HasSuffix(buf.Bytes(), []byte("}\n")) {
				t.Error("output does not end in a newline")
			}
			if err := sariftest.Validate(buf.Bytes()); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestRuleIndexes(t *testing.T) {
	run := sampleRun()
	if got := run.AddRule(sarif.Rule{ID: "unsaferetry"}); got != 0 {
		t.Errorf("re-adding rule unsaferetry: index %d, want 0 (no duplicate)", got)
	}
	if n := len(run.Tool.Driver.Rules); n != 2 {
		t.Errorf("%d rules, want 2", n)
	}
	run.AddResult(sarif.Result{RuleID: "unsaferetry"})
	run.AddResult(sarif.Result{RuleID: "no-such-rule"})
	want := []int{1, 0, -1}
	for i, res := range run.Results {
		if res.RuleIndex != want[i] {
			t.Errorf("result %d (%s): ruleIndex %d, want %d", i, res.RuleID, res.RuleIndex, want[i])
		}
	}
}

func TestURI(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("paths below are POSIX paths")
	}
	base := "/home/dev/shop"
	tests := []struct {
		path, want string
	}{
		{"/home/dev/shop/internal/orders/orders.go", "internal/orders/orders.go"},
		{"/home/dev/shop/main.go", "main.go"},
		{"/home/dev/shop/dir with space/x.go", "dir%20with%20space/x.go"},
		{"/home/dev/shop/服务/x.go", "%E6%9C%8D%E5%8A%A1/x.go"},
		{"/home/dev/shop/c:weird.go", "./c:weird.go"},
		{"/home/dev/shop/100%/x.go", "100%25/x.go"},
		{"/home/dev/shop/a#b.go", "a%23b.go"},
		{"/home/dev/other/x.go", "file:///home/dev/other/x.go"},
		{"/home/dev/shop2/x.go", "file:///home/dev/shop2/x.go"},
		{"/usr/local/go/src/net/http/client.go", "file:///usr/local/go/src/net/http/client.go"},
	}
	for _, tt := range tests {
		if got := sarif.URI(tt.path, base); got != tt.want {
			t.Errorf("URI(%q, %q) = %q, want %q", tt.path, base, got, tt.want)
		}
	}
	// A relative path is taken relative to the working directory.
	wd, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	if got := sarif.URI("testdata/x.go", wd); got != "testdata/x.go" {
		t.Errorf("relative path: got %q", got)
	}
}

func TestColumn(t *testing.T) {
	tests := []struct {
		line    string
		byteCol int
		want    int
	}{
		{"\tx := http.Post(u)", 1, 1},
		{"\tx := http.Post(u)", 7, 7},
		{`s := "é"; f()`, 12, 11},  // é is 2 bytes, 1 UTF-16 unit
		{`s := "😀"; f()`, 14, 12},  // 😀 is 4 bytes, 2 UTF-16 units
		{`s := "服务"; f()`, 15, 11}, // each 3 bytes, 1 unit
		{"short", 99, 6},           // clamped past the end
		{"anything", 0, 0},         // not given
	}
	for _, tt := range tests {
		if got := sarif.Column(tt.line, tt.byteCol); got != tt.want {
			t.Errorf("Column(%q, %d) = %d, want %d", tt.line, tt.byteCol, got, tt.want)
		}
	}
}
