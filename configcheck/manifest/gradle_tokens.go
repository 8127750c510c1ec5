package manifest

// Walking token lists at the top nesting level: dotted paths, a separator
// outside parentheses, brackets and braces, matching parentheses.

import "strings"

// identPath reads a.b.c from the start of toks and returns the names and the
// tokens after the path.
func identPath(toks []gtok) ([]string, []gtok) {
	var path []string
	i := 0
	for i < len(toks) && toks[i].kind == gIdent {
		path = append(path, toks[i].text)
		i++
		if i+1 < len(toks) && toks[i].is(gPunct, ".") && toks[i+1].kind == gIdent {
			i++
			continue
		}
		break
	}
	return path, toks[i:]
}

// indexTop finds the first punctuation p outside parentheses/brackets/braces.
func indexTop(toks []gtok, p string) int {
	depth := 0
	for i, t := range toks {
		if t.kind != gPunct {
			continue
		}
		switch t.text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		default:
			if depth == 0 && t.text == p {
				// "==", "!=", "<=", ">=" are comparisons, not assignments
				if p == "=" && (i+1 < len(toks) && toks[i+1].is(gPunct, "=") || i > 0 && strings.Contains("=!<>+-*/", toks[i-1].text) && toks[i-1].kind == gPunct) {
					return -1
				}
				return i
			}
		}
	}
	return -1
}

// splitTop splits toks at top-level occurrences of punctuation sep.
func splitTop(toks []gtok, sep string) [][]gtok {
	var out [][]gtok
	depth, start := 0, 0
	for i, t := range toks {
		if t.kind != gPunct {
			continue
		}
		switch t.text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		case sep:
			if depth == 0 {
				out = append(out, toks[start:i])
				start = i + 1
			}
		}
	}
	if start < len(toks) {
		out = append(out, toks[start:])
	}
	return out
}

func joinTop(parts [][]gtok) []gtok {
	var out []gtok
	for i, p := range parts {
		if i > 0 {
			out = append(out, gtok{kind: gPunct, text: ","})
		}
		out = append(out, p...)
	}
	return out
}

// stripParens removes one pair of parentheses enclosing all of toks.
func stripParens(toks []gtok) []gtok {
	if len(toks) >= 2 && toks[0].is(gPunct, "(") && toks[len(toks)-1].is(gPunct, ")") && matchParen(toks, 0) == len(toks)-1 {
		return toks[1 : len(toks)-1]
	}
	return toks
}

// matchParen returns the index of the parenthesis closing toks[open].
func matchParen(toks []gtok, open int) int {
	depth := 0
	for i := open; i < len(toks); i++ {
		switch {
		case toks[i].is(gPunct, "(") || toks[i].is(gPunct, "["):
			depth++
		case toks[i].is(gPunct, ")") || toks[i].is(gPunct, "]"):
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}
