package walk

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// ignorePattern is one line of a .gitignore file, or one -exclude glob.
type ignorePattern struct {
	re      *regexp.Regexp
	negate  bool // "!pattern": re-include what an earlier pattern excluded
	dirOnly bool // "pattern/": matches directories only
}

// ignoreList is the patterns of one .gitignore file; they match paths
// relative to dir, the directory holding the file.
type ignoreList struct {
	dir      string // OS path of the directory the patterns are relative to
	patterns []ignorePattern
}

// parseIgnore reads .gitignore syntax: blank lines and "#" comments are
// skipped, "\#" and "\!" escape a leading "#" or "!", trailing spaces are
// dropped unless escaped, "!" negates, a trailing "/" matches directories
// only, a pattern with a "/" before its end is anchored to dir (else it
// matches a name at any depth), and "**" spans directories.
func parseIgnore(dir string, data []byte) *ignoreList {
	l := &ignoreList{dir: dir}
	for _, raw := range bytes.Split(data, []byte("\n")) {
		if p, ok := compileIgnoreLine(string(bytes.TrimSuffix(raw, []byte("\r")))); ok {
			l.patterns = append(l.patterns, p)
		}
	}
	return l
}

// compileExcludes turns -exclude globs (gitignore syntax, no negation)
// into a list relative to dir.
func compileExcludes(dir string, globs []string) (*ignoreList, error) {
	l := &ignoreList{dir: dir}
	for _, g := range globs {
		if strings.TrimSpace(g) == "" || strings.HasPrefix(g, "!") {
			return nil, fmt.Errorf("invalid -exclude %q: want a non-empty glob such as 'legacy/**' or '*.example.yml'", g)
		}
		p, ok := compileIgnoreLine(g)
		if !ok {
			return nil, fmt.Errorf("invalid -exclude %q", g)
		}
		l.patterns = append(l.patterns, p)
	}
	return l, nil
}

func compileIgnoreLine(line string) (ignorePattern, bool) {
	line = trimTrailingSpaces(line)
	if line == "" || line[0] == '#' {
		return ignorePattern{}, false
	}
	var p ignorePattern
	if line[0] == '!' {
		p.negate = true
		line = line[1:]
	}
	if strings.HasSuffix(line, "/") && !strings.HasSuffix(line, `\/`) {
		p.dirOnly = true
		line = strings.TrimRight(line, "/")
	}
	if line == "" {
		return ignorePattern{}, false
	}
	anchored := strings.Contains(line, "/")
	line = strings.TrimPrefix(line, "/")
	var b strings.Builder
	b.WriteString("^")
	if !anchored && !strings.HasPrefix(line, "**") {
		b.WriteString("(?:.*/)?")
	}
	globToRegexp(&b, line)
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return ignorePattern{}, false // cannot happen: every byte is quoted or a known construct
	}
	p.re = re
	return p, true
}

// trimTrailingSpaces drops trailing spaces that are not escaped by "\".
func trimTrailingSpaces(s string) string {
	for strings.HasSuffix(s, " ") && !strings.HasSuffix(s, `\ `) {
		s = s[:len(s)-1]
	}
	return s
}

// globToRegexp writes the regular expression for a glob: "*" and "?" stay
// within one path segment, "[…]" is a character class, "**/" at the start
// or "/**/" inside match any number of directories, "/**" at the end
// everything below, and "\" quotes the next character.
func globToRegexp(b *strings.Builder, g string) {
	for i := 0; i < len(g); i++ {
		c := g[i]
		switch {
		case strings.HasPrefix(g[i:], "**/") && (i == 0 || g[i-1] == '/'):
			b.WriteString("(?:.*/)?")
			i += 2
		case strings.HasPrefix(g[i:], "**") && i+2 == len(g) && (i == 0 || g[i-1] == '/'):
			b.WriteString(".*")
			i++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		case c == '[':
			if end := classEnd(g, i); end > 0 {
				writeClass(b, g[i+1:end])
				i = end
			} else {
				b.WriteString(`\[`)
			}
		case c == '\\' && i+1 < len(g):
			i++
			b.WriteString(regexp.QuoteMeta(g[i : i+1]))
		default:
			b.WriteString(regexp.QuoteMeta(g[i : i+1]))
		}
	}
}

// classEnd is the index of the "]" closing the class opened at g[i], or -1.
// A "]" right after "[" or "[!" is a member, as in fnmatch.
func classEnd(g string, i int) int {
	j := i + 1
	if j < len(g) && (g[j] == '!' || g[j] == '^') {
		j++
	}
	if j < len(g) && g[j] == ']' {
		j++
	}
	for ; j < len(g); j++ {
		if g[j] == ']' {
			return j
		}
	}
	return -1
}

// writeClass writes a bracket expression; every member is quoted so that
// the regexp always compiles, and ranges "a-z" are kept.
func writeClass(b *strings.Builder, body string) {
	b.WriteString("[")
	if body != "" && (body[0] == '!' || body[0] == '^') {
		b.WriteString("^/") // a negated class never matches the separator
		body = body[1:]
	}
	for i := 0; i < len(body); i++ {
		if body[i] == '-' && i > 0 && i+1 < len(body) {
			b.WriteByte('-')
			continue
		}
		b.WriteString(regexp.QuoteMeta(body[i : i+1]))
	}
	b.WriteString("]")
}

// match reports whether some pattern decides about p (an OS path), and
// whether that last deciding pattern ignores it.
func (l *ignoreList) match(p string, isDir bool) (decided, ignored bool) {
	rel, err := filepath.Rel(l.dir, p)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false, false
	}
	return l.matchRel(filepath.ToSlash(rel), isDir)
}

// matchRel is match for a slash path relative to l.dir.
func (l *ignoreList) matchRel(rel string, isDir bool) (decided, ignored bool) {
	for _, pat := range l.patterns {
		if pat.dirOnly && !isDir {
			continue
		}
		if pat.re.MatchString(rel) {
			decided, ignored = true, !pat.negate
		}
	}
	return decided, ignored
}

// ignoreChain is the .gitignore files that apply in one directory, outermost
// first: a deeper file overrides a shallower one, and within a file the last
// matching line wins, as in git.
type ignoreChain []*ignoreList

func (c ignoreChain) ignored(p string, isDir bool) bool {
	for i := len(c) - 1; i >= 0; i-- {
		if decided, ignored := c[i].match(p, isDir); decided {
			return ignored
		}
	}
	return false
}
