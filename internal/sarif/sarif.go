// Package sarif writes SARIF 2.1.0 logs (the OASIS Static Analysis Results
// Interchange Format that GitHub code scanning and most CI dashboards read).
//
// It holds only the small subset of the format twice emits — one run per
// tool half, rule metadata, results with a primary and related locations, and
// tool execution notifications for input errors — so that both the analyzer
// driver (cmd/twice) and the config checker build the same, schema-valid
// shape. Nothing here knows about twice's rules.
package sarif

import (
	"encoding/json"
	"fmt"
	"io"
)

// Version and Schema identify the format written by [Log.Write].
const (
	Version = "2.1.0"
	Schema  = "https://json.schemastore.org/sarif-2.1.0.json"
)

// Result and notification levels (SARIF §3.27.10).
const (
	LevelError   = "error"
	LevelWarning = "warning"
	LevelNote    = "note"
	LevelNone    = "none"
)

// Log is a complete SARIF file.
type Log struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []*Run `json:"runs"`
}

// NewLog returns a log holding the given runs.
func NewLog(runs ...*Run) *Log {
	return &Log{Schema: Schema, Version: Version, Runs: runs}
}

// Write encodes the log as indented JSON followed by a newline. Messages
// hold code snippets such as "a < b"; they are written as they are.
func (l *Log) Write(w io.Writer) error {
	return l.write(w, false)
}

// WriteHTMLEscaped is [Log.Write] with '<', '>' and '&' escaped as \u003c,
// \u003e and \u0026 (encoding/json's default). The config checker has always
// written its logs this way; it keeps doing so, so that logs from one version
// to the next differ only where findings do. Both forms decode to the same
// JSON.
func (l *Log) WriteHTMLEscaped(w io.Writer) error {
	return l.write(w, true)
}

func (l *Log) write(w io.Writer, escapeHTML bool) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(escapeHTML)
	if err := enc.Encode(l); err != nil {
		return fmt.Errorf("writing SARIF log: %w", err)
	}
	return nil
}

// Run is the output of one tool over one set of inputs.
type Run struct {
	Tool        Tool         `json:"tool"`
	Invocations []Invocation `json:"invocations,omitempty"`
	// OriginalURIBaseIDs names the directories that relative artifact URIs
	// are resolved against (see [ArtifactLocation.URIBaseID]); the value of
	// each entry is an absolute file: URI ending in a slash.
	OriginalURIBaseIDs map[string]ArtifactLocation `json:"originalUriBaseIds,omitempty"`
	// Results is always written, even when empty: an empty array means
	// "ran and found nothing", which consumers distinguish from "no data".
	Results []Result `json:"results"`
	// ColumnKind says how Region columns count characters. Regions built
	// with [Column] count UTF-16 code units, the SARIF default.
	ColumnKind string `json:"columnKind,omitempty"`
}

// NewRun returns an empty run for the named tool. Rules are added with
// [Run.AddRule], results with [Run.AddResult].
func NewRun(name, version, informationURI string) *Run {
	return &Run{
		Tool: Tool{Driver: Driver{
			Name:           name,
			Version:        version,
			InformationURI: informationURI,
		}},
		Results:    []Result{},
		ColumnKind: "utf16CodeUnits",
	}
}

// AddRule appends a rule descriptor unless one with the same ID exists, and
// returns its index in the driver's rule list.
func (r *Run) AddRule(rule Rule) int {
	if i := r.ruleIndex(rule.ID); i >= 0 {
		return i
	}
	r.Tool.Driver.Rules = append(r.Tool.Driver.Rules, rule)
	return len(r.Tool.Driver.Rules) - 1
}

// AddResult appends res, pointing its RuleIndex at the rule with its RuleID
// (-1, "not given", when the run has no such rule).
func (r *Run) AddResult(res Result) {
	res.RuleIndex = r.ruleIndex(res.RuleID)
	r.Results = append(r.Results, res)
}

func (r *Run) ruleIndex(id string) int {
	for i, rule := range r.Tool.Driver.Rules {
		if rule.ID == id {
			return i
		}
	}
	return -1
}

// Tool describes the analysis tool.
type Tool struct {
	Driver Driver `json:"driver"`
}

// Driver is the tool's main component and its rules.
type Driver struct {
	Name           string `json:"name"`
	Version        string `json:"version,omitempty"`
	InformationURI string `json:"informationUri,omitempty"`
	Rules          []Rule `json:"rules,omitempty"`
}

// Rule is a reportingDescriptor: metadata shown next to every result of
// the rule.
type Rule struct {
	ID                   string                  `json:"id"`
	Name                 string                  `json:"name,omitempty"`
	ShortDescription     *Message                `json:"shortDescription,omitempty"`
	FullDescription      *Message                `json:"fullDescription,omitempty"`
	Help                 *Message                `json:"help,omitempty"`
	HelpURI              string                  `json:"helpUri,omitempty"`
	DefaultConfiguration *ReportingConfiguration `json:"defaultConfiguration,omitempty"`
	Properties           *RuleProperties         `json:"properties,omitempty"`
}

// RuleProperties are the rule properties GitHub code scanning reads: tags
// (shown as labels; "security" marks a security rule) and, for security
// rules, security-severity, a score from "0.0" to "10.0" that sets the
// alert's severity (above 9.0 critical, 7.0 high, 4.0 medium).
type RuleProperties struct {
	Tags             []string `json:"tags,omitempty"`
	SecuritySeverity string   `json:"security-severity,omitempty"`
}

// ReportingConfiguration holds a rule's default level.
type ReportingConfiguration struct {
	Level string `json:"level,omitempty"`
}

// Message is plain text with an optional Markdown rendering.
type Message struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

// Text returns a plain-text message.
func Text(s string) *Message { return &Message{Text: s} }

// Result is one finding.
type Result struct {
	RuleID    string  `json:"ruleId"`
	RuleIndex int     `json:"ruleIndex"`
	Level     string  `json:"level,omitempty"`
	Message   Message `json:"message"`
	// Locations holds the primary location (at most one in twice's output).
	Locations []Location `json:"locations,omitempty"`
	// RelatedLocations must be distinct (the schema says uniqueItems);
	// give each an ID.
	RelatedLocations []Location `json:"relatedLocations,omitempty"`
	// PartialFingerprints identify the result across runs (e.g. when lines
	// move), keyed by a versioned fingerprint name.
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	// Suppressions mark a result the user suppressed (e.g. by a comment in
	// the source); code scanning shows it as dismissed, not as an alert.
	Suppressions []Suppression `json:"suppressions,omitempty"`
}

// Suppression kinds (SARIF §3.34.2).
const (
	SuppressionInSource = "inSource" // a comment in the analyzed file
	SuppressionExternal = "external" // a baseline or settings file
)

// Suppression is one reason a result is not an active finding.
type Suppression struct {
	Kind          string    `json:"kind"`
	Justification string    `json:"justification,omitempty"`
	Location      *Location `json:"location,omitempty"`
}

// Location is a place in a file, optionally with a message explaining its
// role (for related locations).
type Location struct {
	ID               *int              `json:"id,omitempty"`
	PhysicalLocation *PhysicalLocation `json:"physicalLocation,omitempty"`
	Message          *Message          `json:"message,omitempty"`
}

// PhysicalLocation is a file and a region in it.
type PhysicalLocation struct {
	ArtifactLocation ArtifactLocation `json:"artifactLocation"`
	Region           *Region          `json:"region,omitempty"`
}

// ArtifactLocation names a file by URI. A relative URI is relative to the
// run's OriginalURIBaseIDs entry named by URIBaseID when that is set, else
// to the directory the tool ran in (see [URI]).
type ArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// Region is a span of text; all fields are 1-based, zero means "not given".
type Region struct {
	StartLine   int `json:"startLine,omitempty"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// Invocation records how the run went; input errors that did not stop the
// run are reported as notifications of level error.
type Invocation struct {
	ExecutionSuccessful        bool           `json:"executionSuccessful"`
	ToolExecutionNotifications []Notification `json:"toolExecutionNotifications,omitempty"`
}

// Notification is a message about the run itself (e.g. a file that could
// not be parsed), as opposed to a finding.
type Notification struct {
	Level     string     `json:"level,omitempty"`
	Message   Message    `json:"message"`
	Locations []Location `json:"locations,omitempty"`
}
