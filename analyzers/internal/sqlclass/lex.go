package sqlclass

import "strings"

// tokKind is the lexical class of a token.
type tokKind uint8

const (
	tokWord   tokKind = iota // keyword or bare identifier (text upper-cased in upper)
	tokQuoted                // "ident", `ident` or [ident]
	tokString                // 'text', E'text', $tag$text$tag$
	tokNumber                // 42, 3.5
	tokParam                 // $1, ?, :name, @p1
	tokPunct                 // ( ) , ; = + - * / || :: and any other single character
)

type token struct {
	kind  tokKind
	text  string // as written (quotes stripped for tokQuoted)
	upper string // upper-cased text for tokWord, text otherwise
	depth int    // parenthesis depth before the token
}

// maxTokens bounds the work done on one statement text.
const maxTokens = 100_000

// lex splits sql into tokens, dropping whitespace and comments. It never
// fails: unterminated strings and comments end at the end of the input.
func lex(sql string) []token {
	var toks []token
	depth := 0
	i := 0
	for i < len(sql) && len(toks) < maxTokens {
		c := sql[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '-' && i+1 < len(sql) && sql[i+1] == '-', c == '#':
			// Line comment (# is MySQL's).
			for i < len(sql) && sql[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(sql) && sql[i+1] == '*':
			end := strings.Index(sql[i+2:], "*/")
			if end < 0 {
				i = len(sql)
			} else {
				i += 2 + end + 2
			}
		case c == '\'':
			j := skipQuoted(sql, i, '\'')
			toks = append(toks, token{kind: tokString, text: sql[i:j], upper: sql[i:j], depth: depth})
			i = j
		case (c == 'E' || c == 'e' || c == 'N' || c == 'n' || c == 'B' || c == 'b' || c == 'X' || c == 'x') &&
			i+1 < len(sql) && sql[i+1] == '\'':
			j := skipQuoted(sql, i+1, '\'')
			toks = append(toks, token{kind: tokString, text: sql[i:j], upper: sql[i:j], depth: depth})
			i = j
		case c == '"' || c == '`':
			j := skipQuoted(sql, i, c)
			name := sql[i+1 : max(i+1, j-1)]
			toks = append(toks, token{kind: tokQuoted, text: name, upper: name, depth: depth})
			i = j
		case c == '$' && i+1 < len(sql) && isDigit(sql[i+1]):
			j := i + 1
			for j < len(sql) && isDigit(sql[j]) {
				j++
			}
			toks = append(toks, token{kind: tokParam, text: sql[i:j], upper: sql[i:j], depth: depth})
			i = j
		case c == '$':
			// Dollar-quoted string $tag$…$tag$ (tag may be empty).
			j := i + 1
			for j < len(sql) && isWordByte(sql[j]) {
				j++
			}
			if j < len(sql) && sql[j] == '$' {
				tag := sql[i : j+1]
				end := strings.Index(sql[j+1:], tag)
				k := len(sql)
				if end >= 0 {
					k = j + 1 + end + len(tag)
				}
				toks = append(toks, token{kind: tokString, text: sql[i:k], upper: sql[i:k], depth: depth})
				i = k
			} else {
				toks = append(toks, punct("$", depth))
				i++
			}
		case c == '?' || ((c == ':' || c == '@') && i+1 < len(sql) && isWordStart(sql[i+1])):
			j := i + 1
			for j < len(sql) && isWordByte(sql[j]) {
				j++
			}
			toks = append(toks, token{kind: tokParam, text: sql[i:j], upper: sql[i:j], depth: depth})
			i = j
		case isDigit(c):
			j := i
			for j < len(sql) && (isDigit(sql[j]) || sql[j] == '.') {
				j++
			}
			toks = append(toks, token{kind: tokNumber, text: sql[i:j], upper: sql[i:j], depth: depth})
			i = j
		case isWordStart(c):
			j := i
			for j < len(sql) && isWordByte(sql[j]) {
				j++
			}
			w := sql[i:j]
			toks = append(toks, token{kind: tokWord, text: w, upper: strings.ToUpper(w), depth: depth})
			i = j
		case c == '|' && i+1 < len(sql) && sql[i+1] == '|', c == ':' && i+1 < len(sql) && sql[i+1] == ':':
			toks = append(toks, punct(sql[i:i+2], depth))
			i += 2
		case c == '(':
			toks = append(toks, punct("(", depth))
			depth++
			i++
		case c == ')':
			if depth > 0 {
				depth--
			}
			toks = append(toks, punct(")", depth))
			i++
		default:
			toks = append(toks, punct(sql[i:i+1], depth))
			i++
		}
	}
	return toks
}

func punct(s string, depth int) token { return token{kind: tokPunct, text: s, upper: s, depth: depth} }

// skipQuoted returns the index just past the quoted text starting at
// sql[i] == q, where a doubled quote (and, for '…', a backslash) escapes.
func skipQuoted(sql string, i int, q byte) int {
	j := i + 1
	for j < len(sql) {
		switch {
		case sql[j] == '\\' && q == '\'':
			j += 2
		case sql[j] == q && j+1 < len(sql) && sql[j+1] == q:
			j += 2
		case sql[j] == q:
			return j + 1
		default:
			j++
		}
	}
	return len(sql)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isWordStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
func isWordByte(c byte) bool { return isWordStart(c) || isDigit(c) }
