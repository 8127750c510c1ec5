package springconf

import "unicode/utf8"

// Maven resource filtering replaces @name@ tokens at build time, so real
// repositories commit `active: @profiles.active@` unquoted. '@' cannot start
// a plain YAML scalar, so such a file does not parse as it is. quoteMavenTokens
// swaps the two '@' of every such token for '"': the same number of bytes, so
// every line and column stays where it was. The positions of the swapped
// tokens are returned so the flattener can restore the text and mark the
// entries Opaque.

// tokenPos is the line and YAML column (1-based, in characters) of a swapped
// token's opening quote, which is where the YAML scalar node starts.
type tokenPos struct{ line, col int }

func quoteMavenTokens(text []byte) ([]byte, map[tokenPos]bool) {
	out := append([]byte(nil), text...)
	swaps := map[tokenPos]bool{}
	starts := lineStarts(out)
	for n := 1; n <= len(starts); n++ {
		lineStart := starts[n-1]
		line := lineAt(out, starts, n)
		for i := 0; i < len(line); i++ {
			if line[i] != '@' || !tokenMayStartAt(line, i) {
				continue
			}
			j := tokenEnd(line, i)
			if j < 0 || !tokenMayEndAt(line, j) {
				continue
			}
			out[lineStart+i], out[lineStart+j] = '"', '"'
			swaps[tokenPos{line: n, col: utf8.RuneCount(line[:i]) + 1}] = true
			i = j
		}
	}
	return out, swaps
}

// tokenMayStartAt reports whether '@' at i starts a scalar in YAML terms: it
// follows `: `, a sequence dash `- `, or a flow indicator `[`, `{`, `,`.
func tokenMayStartAt(line []byte, i int) bool {
	k := i - 1
	for k >= 0 && (line[k] == ' ' || line[k] == '\t') {
		k--
	}
	if k < 0 {
		return false
	}
	blankBefore := k < i-1
	switch line[k] {
	case ':', '-':
		return blankBefore
	case '[', '{', ',':
		return true
	}
	return false
}

// tokenEnd returns the index of the '@' closing a token that opens at i, or
// -1 when the characters between are not a Maven property name.
func tokenEnd(line []byte, i int) int {
	j := i + 1
	for j < len(line) && isMavenTokenChar(line[j]) {
		j++
	}
	if j == i+1 || j >= len(line) || line[j] != '@' {
		return -1
	}
	return j
}

// tokenMayEndAt reports whether the token closing at j is the whole scalar:
// only blanks follow, then the end of the line, a comment or a flow
// indicator.
func tokenMayEndAt(line []byte, j int) bool {
	k := j + 1
	for k < len(line) && (line[k] == ' ' || line[k] == '\t') {
		k++
	}
	if k == len(line) {
		return true
	}
	switch line[k] {
	case ',', ']', '}':
		return true
	case '#':
		return k > j+1
	}
	return false
}
