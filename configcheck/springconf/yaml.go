package springconf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/twice-lint/twice/configcheck/internal/yamlnode"
	"github.com/twice-lint/twice/configcheck/source"
)

// ParseYAML parses a (multi-document) Spring YAML file into flat, dotted
// entries, one Document per YAML document that has any. Errors are
// *source.Error, except for Go/Helm templates (data containing "{{") that do
// not parse or flatten, which give an error wrapping ErrTemplate.
func ParseYAML(path string, data []byte) (*File, error) {
	data = stripBOM(data)
	if err := checkRawText(path, data); err != nil {
		return nil, err
	}
	text := neutralizeUnicodeBreaks(replaceInvalidUTF8(data))
	// A template's text is not the YAML a server reads: when it does not
	// parse, or parses into something Spring would reject (e.g. the same
	// key in both branches of an {{ if }}), the caller skips it silently.
	isTemplate := bytes.Contains(data, []byte("{{"))
	roots, swaps, err := parseYAMLText(text)
	if err != nil {
		if isTemplate {
			return nil, fmt.Errorf("%s: %w", path, ErrTemplate)
		}
		return nil, yamlError(path, text, err)
	}
	file := &File{Path: path}
	starts := lineStarts(text) // once per file: 40,000 empty documents must not rebuild it 40,000 times
	for _, root := range roots {
		f := newFlattener(path, text, starts, swaps)
		if err := f.document(root); err != nil {
			if isTemplate {
				return nil, fmt.Errorf("%s: %w (%v)", path, ErrTemplate, err)
			}
			return nil, err
		}
		if len(f.entries) == 0 {
			continue
		}
		doc := Document{Entries: f.entries}
		doc.OnProfile, doc.OnProfilePos = activation(doc.Entries)
		file.Docs = append(file.Docs, doc)
	}
	return file, nil
}

// replaceInvalidUTF8 replaces every byte that is not part of valid UTF-8
// with '?'. YAML must be Unicode, but Chinese repositories often commit GBK
// comments; one byte for one byte keeps all positions, and the keys and
// values that matter here are ASCII.
func replaceInvalidUTF8(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	out := make([]byte, 0, len(data))
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			out = append(out, '?')
		} else {
			out = append(out, data[:size]...)
		}
		data = data[size:]
	}
	return out
}

// unicodeBreaks are NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, which the
// YAML library counts as line breaks although editors, git and every other
// parser here do not.
var unicodeBreaks = [][]byte{[]byte("\u0085"), []byte("\u2028"), []byte("\u2029")}

// neutralizeUnicodeBreaks replaces those characters with as many spaces as
// they have bytes, so that the library's line numbers and ours agree.
func neutralizeUnicodeBreaks(text []byte) []byte {
	for _, br := range unicodeBreaks {
		if bytes.Contains(text, br) {
			text = bytes.ReplaceAll(text, br, bytes.Repeat([]byte(" "), len(br)))
		}
	}
	return text
}

// parseYAMLText decodes every document. When the text does not parse and
// contains unquoted Maven tokens, it retries with those tokens quoted, and
// returns the swapped positions; the error returned is the original one.
func parseYAMLText(text []byte) ([]*yaml.Node, map[tokenPos]bool, error) {
	roots, err := yamlnode.DecodeAll(text)
	if err == nil {
		return roots, nil, nil
	}
	quoted, swaps := quoteMavenTokens(text)
	if len(swaps) == 0 {
		return nil, nil, err
	}
	roots, err2 := yamlnode.DecodeAll(quoted)
	if err2 != nil {
		return nil, nil, err
	}
	return roots, swaps, nil
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns the library's "yaml: line N: msg" into a *source.Error at
// line N, column 1 (the library does not report columns). Errors without a
// line are placed at line 1.
func yamlError(path string, text []byte, err error) error {
	msg, line := err.Error(), 1
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	if n := lineCount(text); line > n {
		line = max(n, 1)
	}
	return source.Errorf(source.Pos{File: path, Line: max(line, 1), Col: 1}, "invalid YAML: %s", msg)
}
