package main

import (
	"go/token"
	"os"
	"sort"
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
	prints := sarif.NewFingerprints()
	for i, f := range found {
		out[i] = f.res
		text, ok := lines.text(f.pos)
		fp := prints.Next(f.analyzer, out[i].Locations[0].PhysicalLocation.ArtifactLocation.URI, text, ok, f.message)
		out[i].PartialFingerprints = map[string]string{sarif.FingerprintKey: fp}
	}
	return out
}

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

// text returns the line of p without its line ending; false when unknown.
func (c *lineCache) text(p token.Position) (string, bool) {
	ls := c.lines(p.Filename)
	if p.Line < 1 || p.Line > len(ls) {
		return "", false
	}
	return strings.TrimSuffix(ls[p.Line-1], "\r"), true
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
	text, _ := c.text(p)
	return sarif.Column(text, p.Column)
}
