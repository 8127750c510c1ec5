package configcheck

import (
	"path"
	"strings"
)

// IgnoreComment returns the comment that suppresses rule in the file at
// path, written in that file's comment syntax — the syntax the
// suppression reader accepts — for an editor to insert on the line above
// a finding: "# twice:ignore <rule> <reason>" (properties, YAML, TOML,
// Dockerfiles, lockfiles), "<!-- twice:ignore <rule> <reason> -->" (XML),
// "// twice:ignore <rule> <reason>" (Gradle). ok is false for formats
// without comments (JSON lockfiles, .mvn/maven.config).
func IgnoreComment(filePath, rule, reason string) (comment string, ok bool) {
	base := strings.ToLower(path.Base(strings.ReplaceAll(filePath, "\\", "/")))
	if strings.HasSuffix(base, ".json") || base == "maven.config" {
		return "", false
	}
	style := commentStyleOf(filePath)
	text := style.openers[0] + " " + suppressDirective + " " + rule + " " + reason
	if style.closer != "" && style.closer != "*/" {
		text += " " + style.closer
	}
	return text, true
}
