package deploy

import "strings"

// SplitArgs splits s into words the way a POSIX shell would before
// expansion: blanks separate words, single quotes keep everything literal,
// double quotes keep blanks, a backslash escapes the next character and a
// backslash-newline is a line continuation (removed).
//
// One deliberate difference: a backslash followed by a blank separates words
// instead of producing a literal blank. Multi-line compose values such as
//
//	PARAMS=--spring.profiles.active=product \
//	  --oms.auth.openapi.enable=false
//
// reach us with the newline already folded into a space by YAML, and the
// backslash was meant as a continuation, never as an escaped space.
func SplitArgs(s string) []string {
	words := splitWords(s, shellSyntax)
	if len(words) == 0 {
		return nil
	}
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = w.text
	}
	return out
}

// word is one result of splitWords: its text and the byte offsets in the
// input where it starts and ends (so callers can compute columns and see the
// raw text).
type word struct {
	text     string
	off, end int
}

// wordSyntax selects the quoting rules of splitWords.
type wordSyntax struct {
	escape byte // the escape character: '\\' or a Dockerfile's '`'
	// foldedContinuation: an escape followed by a blank separates words
	// (see SplitArgs) instead of escaping the blank.
	foldedContinuation bool
}

var (
	shellSyntax      = wordSyntax{escape: '\\', foldedContinuation: true}
	dockerfileSyntax = wordSyntax{escape: '\\'}
)

// splitWords is SplitArgs with word offsets and a choice of syntax.
func splitWords(s string, syn wordSyntax) []word {
	sp := splitter{s: s, syn: syn}
	for sp.i < len(s) {
		switch c := s[sp.i]; {
		case isBlank(c):
			sp.endWord()
			sp.i++
		case c == syn.escape:
			sp.backslash()
		case c == '\'':
			sp.singleQuoted()
		case c == '"':
			sp.doubleQuoted()
		default:
			sp.begin()
			sp.cur.WriteByte(c)
			sp.i++
		}
	}
	sp.endWord()
	return sp.words
}

// splitter is the state of one splitWords call.
type splitter struct {
	s      string
	syn    wordSyntax
	i      int // next byte to read
	cur    strings.Builder
	inWord bool
	start  int // offset of the current word
	words  []word
}

// begin marks s[i] as the start of a word unless one is in progress.
func (sp *splitter) begin() {
	if !sp.inWord {
		sp.inWord, sp.start = true, sp.i
	}
}

func (sp *splitter) endWord() {
	if sp.inWord {
		sp.words = append(sp.words, word{text: sp.cur.String(), off: sp.start, end: sp.i})
	}
	sp.cur.Reset()
	sp.inWord = false
}

// backslash handles the escape character outside quotes.
func (sp *splitter) backslash() {
	s, next := sp.s, sp.i+1
	switch {
	case next >= len(s): // trailing backslash: nothing to escape
		sp.i = next
	case s[next] == '\n':
		sp.i = next + 1
	case s[next] == '\r' && next+1 < len(s) && s[next+1] == '\n':
		sp.i = next + 2
	case sp.syn.foldedContinuation && (s[next] == ' ' || s[next] == '\t'):
		sp.endWord() // a folded continuation, see SplitArgs
		sp.i = next + 1
	default:
		sp.begin()
		sp.cur.WriteByte(s[next])
		sp.i = next + 1
	}
}

// singleQuoted copies a single-quoted section literally.
func (sp *splitter) singleQuoted() {
	sp.begin()
	rest := sp.s[sp.i+1:]
	end := strings.IndexByte(rest, '\'')
	if end < 0 { // unterminated: the rest is the word
		sp.cur.WriteString(rest)
		sp.i = len(sp.s)
		return
	}
	sp.cur.WriteString(rest[:end])
	sp.i += end + 2
}

// doubleQuoted copies a double-quoted section. Inside double quotes a
// backslash only escapes $ ` " \ and newline.
func (sp *splitter) doubleQuoted() {
	sp.begin()
	s := sp.s
	for sp.i++; sp.i < len(s); {
		c := s[sp.i]
		if c == '"' {
			sp.i++
			return
		}
		if c == sp.syn.escape && sp.i+1 < len(s) {
			switch s[sp.i+1] {
			case '$', '`', '"', '\\':
				sp.cur.WriteByte(s[sp.i+1])
				sp.i += 2
				continue
			case '\n':
				sp.i += 2
				continue
			}
		}
		sp.cur.WriteByte(c)
		sp.i++
	}
	// unterminated: the rest is the word
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
