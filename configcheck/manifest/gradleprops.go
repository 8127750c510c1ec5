package manifest

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/twice-lint/twice/configcheck/source"
)

// gradleProps is a parsed gradle.properties: key -> value with the position
// of the line that defines it.
type gradleProps struct {
	path   string
	values map[string]posText
}

// parseGradleProperties reads a gradle.properties file in java.util.Properties
// syntax: "key=value", "key: value", "key value", comments (# and !),
// backslash continuations and escapes (\uXXXX included). Input is read as
// UTF-8 (Gradle's own default since 8.x); invalid bytes are kept as they are.
func parseGradleProperties(file string, data []byte) (*gradleProps, error) {
	if err := checkInput(file, data); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	gp := &gradleProps{path: file, values: map[string]posText{}}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		startLine := i + 1
		text := strings.TrimLeft(lines[i], " \t\f")
		if text == "" || text[0] == '#' || text[0] == '!' {
			continue
		}
		col := len(lines[i]) - len(text) + 1
		logical := text
		for endsWithContinuation(logical) && i+1 < len(lines) {
			i++
			logical = logical[:len(logical)-1] + strings.TrimLeft(lines[i], " \t\f")
		}
		key, value := splitPropertyLine(logical)
		gp.values[unescapeProperty(key)] = posText{
			text: strings.TrimSpace(unescapeProperty(value)),
			pos:  source.Pos{File: file, Line: startLine, Col: col},
		}
	}
	return gp, nil
}

// endsWithContinuation reports an odd number of trailing backslashes.
func endsWithContinuation(s string) bool {
	n := 0
	for i := len(s) - 1; i >= 0 && s[i] == '\\'; i-- {
		n++
	}
	return n%2 == 1
}

// splitPropertyLine splits at the first unescaped '=', ':' or blank.
func splitPropertyLine(s string) (key, value string) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '=', ':':
			return s[:i], s[i+1:]
		case ' ', '\t', '\f':
			rest := strings.TrimLeft(s[i:], " \t\f")
			if rest != "" && (rest[0] == '=' || rest[0] == ':') {
				rest = rest[1:]
			}
			return s[:i], rest
		}
	}
	return s, ""
}

// unescapeProperty resolves backslash escapes; a malformed \u is kept as
// written (java.util.Properties would throw; we prefer to read on).
func unescapeProperty(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 'f':
			b.WriteByte('\f')
		case 'u':
			if i+4 < len(s) {
				if r, err := strconv.ParseUint(s[i+1:i+5], 16, 32); err == nil {
					b.WriteRune(rune(r))
					i += 4
					continue
				}
			}
			b.WriteString("\\u")
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
