package configcheck

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func TestEndToEndText(t *testing.T) {
	for _, tc := range e2eCases {
		t.Run(tc.tree, func(t *testing.T) { checkText(t, tc) })
	}
}

func TestEndToEndJSON(t *testing.T) {
	for _, tc := range e2eCases {
		t.Run(tc.tree, func(t *testing.T) {
			out, _, code := runCLI(t, "-format", "json", tc.tree)
			if code != tc.exit {
				t.Errorf("exit code = %d, want %d", code, tc.exit)
			}
			doc := decodeJSON(t, out)
			if doc.Version != 1 || doc.Findings == nil || doc.Errors == nil {
				t.Errorf("version %d, findings nil %v, errors nil %v: want 1 and arrays", doc.Version, doc.Findings == nil, doc.Errors == nil)
			}
			for _, f := range doc.Findings {
				if f.Related == nil {
					t.Errorf("%s: related is null, want an array", f.Location.Path)
				}
			}
			assertWants(t, doc.wants(), tc.want)
		})
	}
}

func TestEndToEndSARIF(t *testing.T) {
	schema := compileSARIFSchema(t)
	for _, tc := range e2eCases {
		t.Run(tc.tree, func(t *testing.T) {
			out, _, code := runCLI(t, "-format", "sarif", tc.tree)
			if code != tc.exit {
				t.Errorf("exit code = %d, want %d", code, tc.exit)
			}
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
			if err != nil {
				t.Fatalf("SARIF is not JSON: %v", err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Fatalf("SARIF does not match the 2.1.0 schema: %v", err)
			}
			var log struct {
				Runs []struct {
					Tool struct {
						Driver struct {
							Rules []struct{ ID, HelpURI string }
						}
					}
					Invocations []struct {
						ExecutionSuccessful        bool
						ToolExecutionNotifications []struct {
							Level     string
							Locations []sarifLoc
						}
					}
					Results []struct {
						RuleID    string
						RuleIndex int
						Level     string
						Locations []sarifLoc
					}
				}
			}
			if err := json.Unmarshal([]byte(out), &log); err != nil {
				t.Fatal(err)
			}
			run := log.Runs[0]
			var got []want
			for _, r := range run.Results {
				if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
					t.Errorf("ruleIndex %d does not point at %s", r.RuleIndex, r.RuleID)
				}
				got = append(got, want{r.Level, r.Locations[0].path(t), r.Locations[0].PhysicalLocation.Region.StartLine, r.RuleID})
			}
			inv := run.Invocations[0]
			for _, n := range inv.ToolExecutionNotifications {
				got = append(got, want{n.Level, n.Locations[0].path(t), n.Locations[0].PhysicalLocation.Region.StartLine, ""})
			}
			if inv.ExecutionSuccessful != (tc.exit != 1) {
				t.Errorf("executionSuccessful = %v with exit %d", inv.ExecutionSuccessful, tc.exit)
			}
			for _, r := range run.Tool.Driver.Rules {
				if r.HelpURI != "https://github.com/twice-lint/twice#"+r.ID {
					t.Errorf("rule %s helpUri = %q", r.ID, r.HelpURI)
				}
			}
			assertWants(t, got, tc.want)
		})
	}
}

// TestSARIFGolden keeps whole SARIF logs byte for byte, so that a change in
// the shared internal/sarif writer (field order, escaping, omitted fields)
// shows up here.
func TestSARIFGolden(t *testing.T) {
	for _, tree := range []string{
		"maven-embedded",   // related locations, rule help in Markdown
		"broken-mixed",     // notifications quoting '<' in XML errors
		"client-non-ascii", // percent-encoded URIs
	} {
		t.Run(tree, func(t *testing.T) { goldenSARIF(t, tree) })
	}
}
