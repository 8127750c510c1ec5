package lsp

import (
	"context"
	"encoding/json"
	"go/scanner"
	"go/token"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/twice-lint/twice/configcheck"
)

// codeActions offers, for each twice diagnostic in the requested range, a
// suppression comment with a reason placeholder and, for
// unauthenticated-openapi, the fix that enables OpenAPI auth.
func (s *Server) codeActions(ctx context.Context, raw json.RawMessage) (any, error) {
	var p codeActionParams
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, err
	}
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	li := newTextCache(s.docs).index(path)
	actions := []codeAction{}
	for _, d := range s.diags.at(path) {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if d.Code == "" || d.Range.Start.Line > p.Range.End.Line || d.Range.End.Line < p.Range.Start.Line {
			continue
		}
		edit := func(title string, preferred bool, edits ...textEdit) {
			actions = append(actions, codeAction{
				Title: title, Kind: "quickfix", Diagnostics: []diagnostic{d}, IsPreferred: preferred,
				Edit: workspaceEdit{Changes: map[string][]textEdit{p.TextDocument.URI: edits}},
			})
		}
		if isGoFile(path) {
			edit("twice: suppress "+d.Code+" here (//nolint)", false, nolintEdit(li, d))
			continue
		}
		if d.Code == configcheck.RuleUnauthenticatedOpenAPI {
			if e, ok := enableAuthEdit(path, li, d); ok {
				edit("twice: set oms.auth.openapi.enable=true", true, e)
			}
		}
		if e, ok := ignoreEdit(path, li, d); ok {
			edit("twice: ignore "+d.Code+" here (twice:ignore)", false, e)
		}
	}
	return actions, nil
}

// nolintEdit adds "//nolint:<analyzer> // reason" at the end of the
// diagnostic's line or, when the line already ends in a comment, on a line
// of its own above it (a nolint comment must be a comment of its own).
func nolintEdit(li *lineIndex, d diagnostic) textEdit {
	n := d.Range.Start.Line + 1
	directive := "//nolint:" + d.Code + " // reason"
	if !goLineHasComment(li, n) {
		end := li.lineEnd(n)
		return textEdit{Range: lspRange{Start: end, End: end}, NewText: " " + directive}
	}
	at := position{Line: n - 1}
	return textEdit{Range: lspRange{Start: at, End: at}, NewText: indentOf(li.line(n)) + directive + "\n"}
}

// goLineHasComment reports whether a comment ends on 1-based line n of a
// Go file (scanned as a whole, so that "//" inside a string is not one).
func goLineHasComment(li *lineIndex, n int) bool {
	fset := token.NewFileSet()
	f := fset.AddFile("", -1, len(li.text))
	var sc scanner.Scanner
	sc.Init(f, li.text, func(token.Position, string) {}, scanner.ScanComments)
	for {
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			return false
		}
		if tok != token.COMMENT {
			continue
		}
		start := fset.Position(pos).Line
		end := start + strings.Count(lit, "\n")
		if start <= n && n <= end {
			return true
		}
		if start > n {
			return false
		}
	}
}

// ignoreEdit inserts "twice:ignore <rule> reason" in the file's comment
// syntax (the one the suppression reader accepts) on a line of its own
// above the finding, indented like it.
func ignoreEdit(path string, li *lineIndex, d diagnostic) (textEdit, bool) {
	comment, ok := configcheck.IgnoreComment(path, d.Code, "reason")
	if !ok {
		return textEdit{}, false
	}
	n := d.Range.Start.Line + 1
	if isProperties(path) && n > 1 && continues(li.line(n-1)) {
		return textEdit{}, false // a line between would join the value above
	}
	at := position{Line: n - 1}
	text := indentOf(li.line(n)) + comment + "\n"
	return textEdit{Range: lspRange{Start: at, End: at}, NewText: text}, true
}

func isProperties(path string) bool { return strings.EqualFold(filepath.Ext(path), ".properties") }

// continues reports whether a .properties line ends in an odd number of
// backslashes (the entry goes on on the next line).
func continues(line string) bool {
	n := len(line) - len(strings.TrimRight(line, `\`))
	return n%2 == 1
}

func indentOf(line string) string { return line[:len(line)-len(strings.TrimLeft(line, " \t"))] }

// authSetting finds the value of the setting on a line, in every form the
// checker reads: properties and dotted YAML keys, environment variables
// (OMS_AUTH_OPENAPI_ENABLE), -D JVM options and --command-line arguments.
var authSetting = regexp.MustCompile(`(?i)(oms[._-]?auth[._-]?openapi[._-]?enable["']?\s*[:=]\s*["']?)(` + settingValue + `)`)

// settingValue is a value up to a blank, quote, comment or the end of a
// flow collection; a ${placeholder:default} counts as one value.
const settingValue = `\$\{[^}\s]*\}|[^\s"'#,}\]]+`

// nestedEnable is the leaf of nested YAML (oms: auth: openapi: enable:).
var nestedEnable = regexp.MustCompile(`^(\s*enable\s*:\s*["']?)(` + settingValue + `)`)

// enableAuthEdit sets oms.auth.openapi.enable to true where the finding
// says it is disabled: the value on the finding's line, or — when the key
// is not set in a Spring config file the finding points at — a new entry.
func enableAuthEdit(path string, li *lineIndex, d diagnostic) (textEdit, bool) {
	n := d.Range.Start.Line + 1
	line := li.line(n)
	yaml := isYAML(path)
	m := authSetting.FindStringSubmatchIndex(line)
	if m == nil && yaml {
		m = nestedEnable.FindStringSubmatchIndex(line)
	}
	if m != nil {
		if strings.EqualFold(line[m[4]:m[5]], "true") {
			return textEdit{}, false
		}
		r := lspRange{Start: li.position(n, m[4]+1), End: li.position(n, m[5]+1)}
		return textEdit{Range: r, NewText: "true"}, true
	}
	if authSetting.Match(li.text) || !springConfig(path, li.text) {
		// Set elsewhere in the file (do not guess), or not a Spring config
		// file (a compose file, an image line): no edit.
		return textEdit{}, false
	}
	switch {
	case isProperties(path):
		end := li.lineEnd(li.lines())
		text := "oms.auth.openapi.enable=true\n"
		if li.line(li.lines()) != "" {
			text = "\n" + text
		}
		return textEdit{Range: lspRange{Start: end, End: end}, NewText: text}, true
	case yaml && !strings.Contains(string(li.text), "\n---") && !strings.HasPrefix(string(li.text), "---"):
		// One document: a dotted key at the top is read like the nested form.
		at := position{}
		return textEdit{Range: lspRange{Start: at, End: at}, NewText: "oms.auth.openapi.enable: true\n"}, true
	}
	return textEdit{}, false
}

// springConfig reports whether path is a Spring config file: loaded by
// name (application*, bootstrap*) or holding oms. keys.
func springConfig(path string, text []byte) bool {
	base := strings.ToLower(filepath.Base(path))
	if !isProperties(path) && !isYAML(path) {
		return false
	}
	return strings.HasPrefix(base, "application") || strings.HasPrefix(base, "bootstrap") ||
		strings.Contains(strings.ToLower(string(text)), "oms.") || strings.Contains(strings.ToLower(string(text)), "oms:")
}

func isYAML(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".yml" || ext == ".yaml"
}
