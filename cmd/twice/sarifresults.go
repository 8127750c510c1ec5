package main

import (
	"crypto/sha256"
	"encoding/hex"
	"go/token"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis/checker"

	"github.com/twice-lint/twice/internal/sarif"
)

// graphResults converts the root actions' diagnostics into SARIF results,
// sorted by file and position. A file that belongs to several packages (p
// and its test variant) yields each diagnostic once. URIs are relative to
// root (%SRCROOT%); each result links its related locations from its
// message and carries a fingerprint that survives moved lines.
func graphResults(graph *checker.Graph, root string) []sarif.Result {
	type key struct {
		pos, end token.Position
		analyzer string
		message  string
	}
	type located struct {
		key
		res sarif.Result
	}
	lines := newLineCache()
	seen := map[key]bool{}
	var found []located
	for _, act := range graph.Roots {
		if act.Err != nil {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			k := key{fset.Position(d.Pos), fset.Position(d.End), act.Analyzer.Name, d.Message}
			if seen[k] {
				continue
			}
			seen[k] = true
			res := sarif.Result{
				RuleID:    act.Analyzer.Name,
				Level:     sarif.LevelWarning,
				Locations: []sarif.Location{location(lines, k.pos, k.end, root)},
			}
			for i, r := range d.Related {
				loc := location(lines, fset.Position(r.Pos), fset.Position(r.End), root)
				id := i + 1
				loc.ID = &id
				loc.Message = sarif.Text(r.Message)
				res.RelatedLocations = append(res.RelatedLocations, loc)
			}
			res.Message = sarif.Message{Text: sarif.LinkRelated(d.Message, res.RelatedLocations)}
			found = append(found, located{k, res})
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		a, b := found[i].pos, found[j].pos
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return found[i].analyzer < found[j].analyzer
	})
	out := make([]sarif.Result, len(found))
	occurrences := map[string]int{}
	for i, f := range found {
		out[i] = f.res
		fp := fingerprint(f.analyzer, out[i].Locations[0].PhysicalLocation.ArtifactLocation.URI, f.message, lines.text(f.pos))
		occurrences[fp]++
		if n := occurrences[fp]; n > 1 {
			fp += ":" + strconv.Itoa(n) // the same finding twice in a file (e.g. two identical calls)
		}
		out[i].PartialFingerprints = map[string]string{fingerprintKey: fp}
	}
	return out
}

// fingerprintKey names the Go analyzers' partial fingerprint (the config
// checker has its own scheme and key).
const fingerprintKey = "twiceFinding/v1"

// fingerprint identifies a finding across runs without its line number:
// analyzer, file, message and the text of the reported line (trimmed, so
// re-indenting or moving the code keeps it). Line numbers quoted in the
// message ("after inspecting the response (line 44)") are left out too.
func fingerprint(analyzer, uri, message, lineText string) string {
	message = lineRef.ReplaceAllString(message, "line N")
	sum := sha256.Sum256([]byte(analyzer + "\x00" + uri + "\x00" + message + "\x00" + strings.TrimSpace(lineText)))
	return hex.EncodeToString(sum[:16])
}

var lineRef = regexp.MustCompile(`\blines? \d+(-\d+)?`)

// location converts a Go position range (byte columns) into a SARIF
// location (UTF-16 columns, URI relative to root).
func location(lines *lineCache, pos, end token.Position, root string) sarif.Location {
	region := &sarif.Region{
		StartLine:   pos.Line,
		StartColumn: lines.column(pos),
	}
	if end.IsValid() && end.Filename == pos.Filename && (end.Line > pos.Line || end.Line == pos.Line && end.Column > pos.Column) {
		region.EndLine = end.Line
		region.EndColumn = lines.column(end)
	}
	if region.StartLine == 0 {
		region = nil // a whole-file position
	}
	return sarif.Location{PhysicalLocation: &sarif.PhysicalLocation{
		ArtifactLocation: sarif.SourceLocation(pos.Filename, root),
		Region:           region,
	}}
}

// lineCache reads each source file once to convert byte columns.
type lineCache struct{ files map[string][]string }

func newLineCache() *lineCache { return &lineCache{files: map[string][]string{}} }

// text returns the line of p without its line ending ("" when unknown).
func (c *lineCache) text(p token.Position) string {
	ls := c.lines(p.Filename)
	if p.Line < 1 || p.Line > len(ls) {
		return ""
	}
	return strings.TrimSuffix(ls[p.Line-1], "\r")
}

func (c *lineCache) lines(file string) []string {
	ls, ok := c.files[file]
	if !ok {
		if data, err := os.ReadFile(file); err == nil {
			ls = strings.Split(string(data), "\n")
		}
		c.files[file] = ls
	}
	return ls
}

// column returns the UTF-16 column of p, or its byte column when the file
// or line cannot be read (e.g. a position in generated, non-existent code).
func (c *lineCache) column(p token.Position) int {
	ls := c.lines(p.Filename)
	if p.Line < 1 || p.Line > len(ls) {
		return p.Column
	}
	return sarif.Column(c.text(p), p.Column)
}
