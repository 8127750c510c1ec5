package deploy

import (
	"regexp"
	"sort"
	"strings"

	"github.com/twice-lint/twice/configcheck/source"
)

// instruction is one logical Dockerfile instruction: continuation lines
// joined, comments inside it removed.
type instruction struct {
	cmd  string // upper case: FROM, ENV, CMD…
	args string // the text after the command word
	pos  source.Pos
	// segs map byte offsets of args back to file positions: one segment per
	// physical line that contributed text.
	segs []segment
}

// segment says that args[start:] begins at line:col (until the next segment).
type segment struct {
	start, line, col int
}

// posAt returns the file position of byte off of args.
func (in instruction) posAt(off int) source.Pos {
	// The last segment starting at or before off (segments are sorted by
	// start; binary search keeps long continued instructions linear-ish).
	i := sort.Search(len(in.segs), func(i int) bool { return in.segs[i].start > off }) - 1
	seg := in.segs[max(i, 0)]
	return source.Pos{File: in.pos.File, Line: seg.line, Col: seg.col + off - seg.start}
}

// dockerLexer splits a Dockerfile into instructions.
type dockerLexer struct {
	file   string
	lines  []string
	escape byte
}

var directiveRE = regexp.MustCompile(`^#\s*([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s*(.*?)\s*$`)

// newDockerLexer reads the parser directives at the top of the file (only
// `escape` matters here). Directives end at the first line that is not one.
func newDockerLexer(file string, data []byte) *dockerLexer {
	text := strings.TrimPrefix(string(data), "\xef\xbb\xbf")
	lx := &dockerLexer{file: file, lines: strings.Split(text, "\n"), escape: '\\'}
	for i := range lx.lines {
		lx.lines[i] = strings.TrimSuffix(lx.lines[i], "\r")
	}
	for _, l := range lx.lines {
		m := directiveRE.FindStringSubmatch(l)
		if m == nil {
			break
		}
		if strings.EqualFold(m[1], "escape") && (m[2] == "`" || m[2] == `\`) {
			lx.escape = m[2][0]
		}
	}
	return lx
}

// instructions returns the logical instructions. Heredoc bodies of RUN,
// COPY and ADD (`RUN <<EOF … EOF`) are skipped so their lines are not taken
// for instructions.
func (lx *dockerLexer) instructions() ([]instruction, error) {
	var out []instruction
	for i := 0; i < len(lx.lines); {
		line := lx.lines[i]
		trimmed := strings.TrimLeft(line, " \t")
		if isConflictMarker([]byte(line)) {
			return nil, source.Errorf(source.Pos{File: lx.file, Line: i + 1, Col: 1}, "merge conflict marker")
		}
		if trimmed == "" || trimmed[0] == '#' {
			i++
			continue
		}
		in, next := lx.instruction(i)
		if in.cmd == "RUN" || in.cmd == "COPY" || in.cmd == "ADD" {
			next = lx.skipHeredocs(in.args, next)
		}
		out = append(out, in)
		i = next
	}
	return out, nil
}

// instruction reads the instruction starting at line index i and returns
// the index of the line after it.
func (lx *dockerLexer) instruction(i int) (instruction, int) {
	line := lx.lines[i]
	lead := len(line) - len(strings.TrimLeft(line, " \t"))
	cmdEnd := lead
	for cmdEnd < len(line) && !isBlank(line[cmdEnd]) {
		cmdEnd++
	}
	argStart := cmdEnd
	for argStart < len(line) && isBlank(line[argStart]) {
		argStart++
	}
	in := instruction{
		cmd: strings.ToUpper(line[lead:cmdEnd]),
		pos: source.Pos{File: lx.file, Line: i + 1, Col: lead + 1},
	}
	var b strings.Builder
	text, cont := lx.stripContinuation(line[argStart:])
	in.segs = append(in.segs, segment{start: 0, line: i + 1, col: argStart + 1})
	b.WriteString(text)
	i++
	for cont && i < len(lx.lines) {
		l := lx.lines[i]
		trimmed := strings.TrimLeft(l, " \t")
		if trimmed == "" || trimmed[0] == '#' { // comments and blank lines inside a continuation are dropped
			i++
			continue
		}
		text, cont = lx.stripContinuation(l)
		in.segs = append(in.segs, segment{start: b.Len(), line: i + 1, col: 1})
		b.WriteString(text)
		i++
	}
	in.args = b.String()
	return in, i
}

// stripContinuation removes a trailing escape character (optionally
// followed by blanks) and reports whether the instruction continues.
func (lx *dockerLexer) stripContinuation(l string) (string, bool) {
	t := strings.TrimRight(l, " \t")
	if strings.HasSuffix(t, string(lx.escape)) {
		return t[:len(t)-1], true
	}
	return l, false
}

var heredocRE = regexp.MustCompile(`<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)(["']?)`)

// skipHeredocs skips the bodies of the heredocs opened in args, which start
// at line index next, and returns the index after the last terminator.
func (lx *dockerLexer) skipHeredocs(args string, next int) int {
	for _, m := range heredocRE.FindAllStringSubmatch(args, -1) {
		stripTabs, delim := m[1] == "-", m[3]
		for next < len(lx.lines) {
			l := lx.lines[next]
			next++
			if stripTabs {
				l = strings.TrimLeft(l, "\t")
			}
			if l == delim {
				break
			}
		}
	}
	return next
}
