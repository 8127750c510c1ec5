package configcheck

import (
	"cmp"
	"slices"

	"github.com/twice-lint/twice/configcheck/source"
)

// Severity is the level of a finding, ordered note < warning < error.
type Severity string

// Severities, from least to most severe.
const (
	SeverityNote    Severity = "note"
	SeverityWarning Severity = "warning"
	SeverityError   Severity = "error"
)

// rank orders severities; an unknown severity ranks below note.
func (s Severity) rank() int {
	switch s {
	case SeverityNote:
		return 1
	case SeverityWarning:
		return 2
	case SeverityError:
		return 3
	}
	return 0
}

// Location is a position in a scanned file. Path is relative to the working
// directory, with forward slashes; Line and Column are 1-based (Column counts
// bytes).
type Location struct {
	Path   string `json:"path"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	// PathBytes is the base64 of Path's bytes when they are not valid
	// UTF-8 (JSON would replace them with U+FFFD), omitted otherwise.
	PathBytes string `json:"path_bytes,omitempty"`
}

// locationOf converts a parser position; a zero line or column (the whole
// file) becomes 1 so every location can be printed and jumped to.
func locationOf(p source.Pos) Location {
	return Location{Path: p.File, Line: max(p.Line, 1), Column: max(p.Col, 1), PathBytes: rawPathBytes(p.File)}
}

// compareLocations orders by path, line, column.
func compareLocations(a, b Location) int {
	return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
}

// Related is a secondary location of a finding, e.g. where a setting is made.
type Related struct {
	Message  string   `json:"message"`
	Location Location `json:"location"`
}

// Finding is one rule violation.
type Finding struct {
	Rule     string    `json:"rule"`
	Severity Severity  `json:"severity"`
	Message  string    `json:"message"`
	Location Location  `json:"location"`
	Related  []Related `json:"related"`
	// Suppression is set on findings a twice:ignore comment suppresses
	// (Report.Suppressed); they are left out of text output and exit codes.
	Suppression *Suppression `json:"suppression,omitempty"`
}

// InputError is a file that could not be read or parsed (it was skipped; the
// rest of the scan went on).
type InputError struct {
	Message  string   `json:"message"`
	Location Location `json:"location"`
}

// Report is the result of a scan. Findings and Errors are sorted by location
// (then rule and message), so equal inputs give byte-identical output.
type Report struct {
	Findings []Finding
	// Suppressed are the findings twice:ignore comments suppress.
	Suppressed []Finding
	Errors     []InputError
	// FilesScanned counts the files that were read.
	FilesScanned int
	// Counts are the PowerJob servers and clients the scan saw.
	Counts Counts
}

// sort puts the report in its canonical order and drops exact duplicates
// (one declaration reached from several modules is reported once).
func (r *Report) sort() {
	r.Findings = sortFindings(r.Findings)
	r.Suppressed = sortFindings(r.Suppressed)
	slices.SortFunc(r.Errors, func(a, b InputError) int {
		return cmp.Or(compareLocations(a.Location, b.Location), cmp.Compare(a.Message, b.Message))
	})
	r.Errors = slices.Compact(r.Errors)
}

func sortFindings(fs []Finding) []Finding {
	slices.SortFunc(fs, func(a, b Finding) int {
		return cmp.Or(compareLocations(a.Location, b.Location), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Message, b.Message))
	})
	return slices.CompactFunc(fs, func(a, b Finding) bool {
		return a.Rule == b.Rule && a.Location == b.Location && a.Message == b.Message
	})
}

// ExitCode is the process status for the report: 1 when there was any input
// error (it takes precedence), 3 when a finding is at or above failOn, else
// 0. failOn "none" never fails on findings.
func (r *Report) ExitCode(failOn string) int {
	if len(r.Errors) > 0 {
		return 1
	}
	threshold := Severity(failOn).rank()
	if threshold == 0 {
		return 0
	}
	for _, f := range r.Findings {
		if f.Severity.rank() >= threshold {
			return 3
		}
	}
	return 0
}
