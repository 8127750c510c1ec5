package manifest

import (
	"bytes"
	"strings"

	"github.com/twice-lint/twice/configcheck/source"
)

// parseMavenConfig reads .mvn/maven.config: Maven command-line arguments,
// whitespace-separated (one or several per line). Only -Dname=value
// (or "-D name=value") matters here: CI-friendly builds set ${revision},
// ${sha1} and ${changelist} this way. Quoting is not interpreted.
func parseMavenConfig(file string, data []byte) (map[string]posText, error) {
	if err := checkInput(file, data); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	props := map[string]posText{}
	pendingD := false // a "-D" whose property is the next word
	for i, line := range strings.Split(string(data), "\n") {
		rest := line
		for {
			trimmed := strings.TrimLeft(rest, " \t\r")
			if trimmed == "" {
				break
			}
			col := len(line) - len(trimmed) + 1
			word, after, _ := strings.Cut(strings.ReplaceAll(trimmed, "\t", " "), " ")
			rest = after
			switch {
			case pendingD:
				pendingD = false
			case word == "-D":
				pendingD = true
				continue
			case strings.HasPrefix(word, "-D"):
				word = word[2:]
			default:
				continue
			}
			if name, value, ok := strings.Cut(word, "="); ok && name != "" {
				props[name] = posText{text: value, pos: source.Pos{File: file, Line: i + 1, Col: col}}
			} else if name != "" {
				props[name] = posText{text: "true", pos: source.Pos{File: file, Line: i + 1, Col: col}}
			}
		}
	}
	return props, nil
}
