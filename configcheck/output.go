package configcheck

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/twice-lint/twice/internal/sarif"
)

// Output formats accepted by Write and `twice config -format`.
const (
	FormatText  = "text"
	FormatJSON  = "json"
	FormatSARIF = "sarif"
)

// Tool identity written into SARIF.
const (
	toolName       = "twice"
	informationURI = "https://github.com/twice-lint/twice"
)

// WriteOptions carry what some formats need besides the report.
type WriteOptions struct {
	// WorkDir is the absolute directory report paths are relative to; SARIF
	// writes it as the %SRCROOT% base URI.
	WorkDir string
	// SourceRoot is SARIF's %SRCROOT%, which URIs are relative to; "" means
	// the top of the git work tree holding WorkDir (WorkDir outside one).
	SourceRoot string
	// ToolVersion is written into SARIF's tool.driver.version.
	ToolVersion string
}

// Write renders the report in the given format.
func Write(r *Report, format string, w io.Writer, opts WriteOptions) error {
	switch format {
	case FormatText:
		return WriteText(r, w)
	case FormatJSON:
		return WriteJSON(r, w)
	case FormatSARIF:
		return WriteSARIF(r, w, opts)
	}
	return fmt.Errorf("configcheck: unknown format %q (want text, json or sarif)", format)
}

// WriteText writes one line per finding, `path:line:col: severity: message
// [rule-id]`, and one per input error, `path:line:col: error: message`,
// merged in location order. Related locations are already part of each
// message, so every line has the same shape.
func WriteText(r *Report, w io.Writer) error {
	type line struct {
		loc  Location
		rule string
		text string
	}
	lines := make([]line, 0, len(r.Findings)+len(r.Errors))
	for _, f := range r.Findings {
		lines = append(lines, line{f.Location, f.Rule, fmt.Sprintf("%s: %s: %s [%s]", locText(f.Location), f.Severity, oneLine(f.Message), f.Rule)})
	}
	for _, e := range r.Errors {
		lines = append(lines, line{e.Location, "", fmt.Sprintf("%s: error: %s", locText(e.Location), oneLine(e.Message))})
	}
	slices.SortStableFunc(lines, func(a, b line) int {
		return cmp.Or(compareLocations(a.loc, b.loc), cmp.Compare(a.rule, b.rule), cmp.Compare(a.text, b.text))
	})
	bw := bufio.NewWriter(w)
	for _, l := range lines {
		bw.WriteString(l.text)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

func locText(l Location) string { return fmt.Sprintf("%s:%d:%d", textPath(l.Path), l.Line, l.Column) }

// oneLine keeps a message on its line and escapes what could forge or
// hide output: parser messages may quote input (see textMessage).
func oneLine(s string) string { return textMessage(s) }

// JSONReport is the document WriteJSON writes (schema version 1). It is
// stable: fields are only ever added, with a version bump for any change in
// meaning. See docs/config-json.md.
//
//	{
//	  "version": 1,
//	  "findings": [
//	    {
//	      "rule": "duplicate-openapi-request",            // rule id
//	      "severity": "warning",                          // "note" | "warning" | "error"
//	      "message": "powerjob-client 5.1.1 with …",
//	      "location": {"path": "app/pom.xml", "line": 31, "column": 7},
//	      "related": [{"message": "…", "location": {"path": "…", "line": 12, "column": 1}}]
//	    }
//	  ],
//	  "errors": [
//	    {"message": "yaml: mapping values are not allowed here", "location": {"path": "…", "line": 3, "column": 1}}
//	  ]
//	}
//
// Paths are relative to the working directory with forward slashes; line and
// column are 1-based (column in bytes). findings, related and errors are
// always arrays (possibly empty), sorted by path, line, column, rule.
type JSONReport struct {
	Version  int          `json:"version"`
	Findings []Finding    `json:"findings"`
	Errors   []InputError `json:"errors"`
	// Suppressed are findings a twice:ignore comment suppresses, each with
	// its "suppression" (reason and comment location); omitted when none.
	Suppressed []Finding `json:"suppressed,omitempty"`
}

// JSONVersion is the current JSON schema version.
const JSONVersion = 1

// WriteJSON writes the report as a JSONReport.
func WriteJSON(r *Report, w io.Writer) error {
	doc := JSONReport{Version: JSONVersion, Findings: make([]Finding, 0, len(r.Findings)), Errors: make([]InputError, 0, len(r.Errors))}
	for _, f := range r.Findings {
		if f.Related == nil {
			f.Related = []Related{}
		}
		doc.Findings = append(doc.Findings, f)
	}
	doc.Errors = append(doc.Errors, r.Errors...)
	doc.Suppressed = withRelated(r.Suppressed)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// WriteSARIF writes a SARIF 2.1.0 log: rules with their help, one result per
// finding, input errors as tool execution notifications. Locations are
// relative to %SRCROOT%, the top of the git work tree holding WorkDir (or
// WorkDir outside one) — the same root as the analyzers' SARIF, so that
// code scanning maps a scan run in a subfolder onto the repository.
//
// The run declares columnKind utf16CodeUnits (what code scanning expects):
// the report's byte columns are converted with the text of their lines,
// read from the files under WorkDir; a column whose line cannot be read is
// left out. Each result carries a partialFingerprints entry that does not
// depend on line numbers (sarif_lines.go).
func WriteSARIF(r *Report, w io.Writer, opts WriteOptions) error {
	root := opts.SourceRoot
	if root == "" && opts.WorkDir != "" {
		root = sarif.SourceRoot(opts.WorkDir)
	}
	if root != "" {
		r = rebase(r, opts.WorkDir, root)
	}
	lines := newSourceLines(root)
	prints := lines.fingerprints(append(slices.Clone(r.Findings), r.Suppressed...))
	r = lines.inUTF16(r)
	run := &sarif.Run{
		Tool: sarif.Tool{Driver: sarif.Driver{
			Name: toolName, Version: opts.ToolVersion, InformationURI: informationURI,
		}},
		Invocations: []sarif.Invocation{{ExecutionSuccessful: len(r.Errors) == 0}},
		Results:     make([]sarif.Result, 0, len(r.Findings)),
		ColumnKind:  "utf16CodeUnits",
	}
	if root != "" {
		run.OriginalURIBaseIDs = map[string]sarif.ArtifactLocation{sarif.SourceRootID: {URI: sarif.DirURI(root)}}
	}
	for _, rule := range Rules() {
		run.AddRule(sarifRule(rule))
	}
	for _, f := range r.Findings {
		run.AddResult(sarifResult(f))
	}
	for _, f := range r.Suppressed {
		run.AddResult(suppressedResult(f))
	}
	for i := range run.Results {
		run.Results[i].PartialFingerprints = map[string]string{sarif.FingerprintKey: prints[i]}
	}
	inv := &run.Invocations[0]
	for _, e := range r.Errors {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarif.Notification{
			Level: sarif.LevelError, Message: sarif.Message{Text: e.Message}, Locations: []sarif.Location{sarifLocation(e.Location)},
		})
	}
	return sarif.NewLog(run).WriteHTMLEscaped(w)
}

func sarifRule(r Rule) sarif.Rule {
	return sarif.Rule{
		ID: r.ID, Name: r.Name,
		ShortDescription:     sarif.Text(r.ShortDescription),
		FullDescription:      sarif.Text(r.FullDescription),
		Help:                 &sarif.Message{Text: r.Help, Markdown: r.HelpMarkdown},
		HelpURI:              r.HelpURI,
		DefaultConfiguration: &sarif.ReportingConfiguration{Level: string(r.DefaultSeverity)},
		Properties:           ruleProperties(r),
	}
}

// sarifResult converts a finding; its RuleIndex is set by Run.AddResult.
func sarifResult(f Finding) sarif.Result {
	res := sarif.Result{
		RuleID: f.Rule, Level: string(f.Severity),
		Message:   sarif.Message{Text: f.Message},
		Locations: []sarif.Location{sarifLocation(f.Location)},
	}
	for i, rel := range f.Related {
		loc := sarifLocation(rel.Location)
		id := i + 1 // related locations must be distinct: number them
		loc.ID = &id
		loc.Message = sarif.Text(rel.Message)
		res.RelatedLocations = append(res.RelatedLocations, loc)
	}
	return res
}

func sarifLocation(l Location) sarif.Location {
	return sarif.Location{PhysicalLocation: &sarif.PhysicalLocation{
		ArtifactLocation: artifactLocation(l.Path),
		Region:           &sarif.Region{StartLine: l.Line, StartColumn: l.Column},
	}}
}
