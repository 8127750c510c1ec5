package configcheck

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"github.com/twice-lint/twice/internal/sarif"
)

// suppressDirective is the marker of an inline suppression:
//
//	# twice:ignore unauthenticated-openapi port 7700 is only reachable from the job network
//
// in a comment on the finding's line or the line above it.
const suppressDirective = "twice:ignore"

// Suppression records why a finding is not reported in text output: the
// reason given in a twice:ignore comment and where that comment is.
type Suppression struct {
	Reason   string   `json:"reason"`
	Location Location `json:"location"`
}

// directive is one twice:ignore comment found in a file.
type directive struct {
	rule, reason string
	loc          Location
}

// readLines reads the files the findings point at, in parallel (this runs
// after the walk, on the scan's serial path), split into lines.
func readLines(fs []Finding, files fileAccess) map[string][][]byte {
	var paths []string
	seen := map[string]bool{}
	for _, f := range fs {
		if !seen[f.Location.Path] {
			seen[f.Location.Path] = true
			paths = append(paths, f.Location.Path)
		}
	}
	split := make([][][]byte, len(paths))
	inParallel(len(paths), func(i int) {
		if data, ok := files.read(paths[i]); ok {
			split[i] = bytes.Split(data, []byte("\n"))
		}
	})
	lines := make(map[string][][]byte, len(paths))
	for i, p := range paths {
		lines[p] = split[i]
	}
	return lines
}

// applySuppressions moves the findings that a twice:ignore comment names
// into r.Suppressed. A directive without a reason still suppresses (the
// intent is plain) but is itself reported as a note, so that every
// suppression in a repository says why.
func applySuppressions(r *Report, files fileAccess) {
	lines := readLines(r.Findings, files) // display path -> lines, read once
	kept := r.Findings[:0]
	var notes []Finding
	noted := map[Location]bool{}
	for _, f := range r.Findings {
		d, ok := findDirective(f, lines[f.Location.Path])
		if !ok {
			kept = append(kept, f)
			continue
		}
		f.Suppression = &Suppression{Reason: d.reason, Location: d.loc}
		r.Suppressed = append(r.Suppressed, f)
		if d.reason == "" && !noted[d.loc] {
			noted[d.loc] = true
			notes = append(notes, Finding{
				Rule: f.Rule, Severity: SeverityNote, Location: d.loc, Related: []Related{},
				Message: fmt.Sprintf("%s %s has no reason: the finding at line %d is suppressed, but say why it does not apply after the rule id (%s %s <reason>) so that reviewers can check it",
					suppressDirective, f.Rule, f.Location.Line, suppressDirective, f.Rule),
			})
		}
	}
	r.Findings = append(kept, notes...)
}

// findDirective looks for a twice:ignore comment naming f's rule on f's
// line or the line above.
func findDirective(f Finding, lines [][]byte) (directive, bool) {
	style := commentStyleOf(f.Location.Path)
	for _, n := range []int{f.Location.Line, f.Location.Line - 1} {
		if n < 1 || n > len(lines) {
			continue
		}
		d, ok := parseDirective(string(bytes.TrimSuffix(lines[n-1], []byte("\r"))), style)
		if ok && d.rule == f.Rule {
			d.loc = Location{Path: f.Location.Path, Line: n, Column: d.loc.Column}
			return d, true
		}
	}
	return directive{}, false
}

// commentStyle is how a file type writes comments.
type commentStyle struct {
	openers   []string // comment openers
	wholeLine bool     // comments only at the start of a line (properties, Dockerfile)
	closer    string   // block comment end to drop from the reason
}

var (
	hashStyle       = commentStyle{openers: []string{"#"}}
	hashLineStyle   = commentStyle{openers: []string{"#"}, wholeLine: true}
	propertiesStyle = commentStyle{openers: []string{"#", "!"}, wholeLine: true}
	xmlStyle        = commentStyle{openers: []string{"<!--"}, closer: "-->"}
	gradleStyle     = commentStyle{openers: []string{"//", "/*"}, closer: "*/"}
)

// commentStyleOf picks the comment syntax of the file at display path p:
// "#" for YAML, TOML, lockfiles and .env files (also after a value), "#"
// or "!" on their own line for .properties, "#" on its own line for
// Dockerfiles, "<!-- -->" for XML and "//" or "/* */" for Gradle scripts.
func commentStyleOf(p string) commentStyle {
	base := strings.ToLower(path.Base(p))
	switch {
	case strings.HasSuffix(base, ".xml"):
		return xmlStyle
	case strings.HasSuffix(base, ".gradle"), strings.HasSuffix(base, ".kts"):
		return gradleStyle
	case strings.HasSuffix(base, ".properties"), strings.HasSuffix(base, ".config"):
		return propertiesStyle
	case kindByName(p) == kindDockerfile:
		return hashLineStyle
	}
	return hashStyle
}

// parseDirective finds a twice:ignore directive inside a comment on line.
func parseDirective(line string, style commentStyle) (directive, bool) {
	at := strings.Index(line, suppressDirective)
	if at < 0 {
		return directive{}, false
	}
	before := line[:at]
	inComment := false
	for _, o := range style.openers {
		i := strings.Index(before, o)
		if i < 0 {
			continue
		}
		if style.wholeLine && strings.TrimSpace(before[:i]) != "" {
			continue
		}
		inComment = true
	}
	if !inComment {
		return directive{}, false
	}
	rest := line[at+len(suppressDirective):]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return directive{}, false // twice:ignored, twice:ignore-all: not ours
	}
	if style.closer != "" {
		if i := strings.Index(rest, style.closer); i >= 0 {
			rest = rest[:i]
		}
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return directive{}, false
	}
	d := directive{rule: fields[0], loc: Location{Column: at + 1}}
	d.reason = strings.Join(fields[1:], " ")
	return d, true
}

// withRelated copies findings for JSON, with "related" always an array.
func withRelated(fs []Finding) []Finding {
	out := make([]Finding, 0, len(fs))
	for _, f := range fs {
		if f.Related == nil {
			f.Related = []Related{}
		}
		out = append(out, f)
	}
	return out
}

// suppressedResult is the SARIF result of a suppressed finding: the same
// result, marked as suppressed in source with the comment's reason.
func suppressedResult(f Finding) sarif.Result {
	res := sarifResult(f)
	s := sarif.Suppression{Kind: sarif.SuppressionInSource}
	if f.Suppression != nil {
		s.Justification = f.Suppression.Reason
		loc := sarifLocation(f.Suppression.Location)
		s.Location = &loc
	}
	res.Suppressions = []sarif.Suppression{s}
	return res
}

// ruleProperties are a rule's SARIF tags and security severity (nil when
// it has neither).
func ruleProperties(r Rule) *sarif.RuleProperties {
	if len(r.Tags) == 0 && r.SecuritySeverity == "" {
		return nil
	}
	return &sarif.RuleProperties{Tags: r.Tags, SecuritySeverity: r.SecuritySeverity}
}
