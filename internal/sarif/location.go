package sarif

import (
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// URI returns the artifact URI for the file at path: relative to baseDir
// (normally the working directory) when the file is inside it, so that logs
// do not depend on where the repository was checked out, else an absolute
// file:// URI. Path characters that are not allowed in a URI (spaces,
// non-ASCII letters, '%', '#', …) are percent-encoded.
func URI(path, baseDir string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	if baseDir != "" {
		if rel, err := filepath.Rel(baseDir, abs); err == nil && rel != ".." &&
			!strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
			u := url.URL{Path: filepath.ToSlash(rel)}
			// url.URL prefixes "./" when the first segment holds a colon,
			// which keeps "c:x.go" from reading as a scheme.
			return u.String()
		}
	}
	slashed := filepath.ToSlash(abs)
	if !strings.HasPrefix(slashed, "/") {
		slashed = "/" + slashed // Windows: C:/x -> /C:/x
	}
	return (&url.URL{Scheme: "file", Path: slashed}).String()
}

// Column converts a 1-based byte column in line (the text of the line,
// without its newline) into the 1-based UTF-16 code unit column that SARIF
// uses by default. Columns past the end of the line are clamped to one past
// its last character; columns below 1 give 0 ("not given").
func Column(line string, byteCol int) int {
	if byteCol < 1 {
		return 0
	}
	prefix := line
	if byteCol-1 < len(line) {
		prefix = line[:byteCol-1]
	}
	units := 0
	for len(prefix) > 0 {
		r, size := utf8.DecodeRuneInString(prefix)
		prefix = prefix[size:]
		if r >= 0x10000 {
			units += 2 // a surrogate pair
		} else {
			units++
		}
	}
	return units + 1
}
