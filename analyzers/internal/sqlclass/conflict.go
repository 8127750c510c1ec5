package sqlclass

import "strconv"

// An upsert is idempotent only if a repeat hits the same conflict key.
// When the key's value is a parameter, the caller decides: a value made
// anew on every call (a random id) lets every repeat insert another row.
// ConflictParams names those parameters so that the caller can look at the
// values it binds to them.

// ConflictParams returns the parameters bound to the conflict target of
// an INSERT … (cols) VALUES (…) ON CONFLICT (cols) statement: for each
// conflict column, the parameter number of its value in the first VALUES
// row ($n, or the position of a ? among the placeholders, from 1). nil
// when the statement is not of that shape or a conflict column's value is
// not a plain parameter.
func ConflictParams(sql string) []int {
	if len(sql) > MaxLen {
		return nil
	}
	toks := lex(sql)
	stmts := splitStatements(toks)
	if len(stmts) != 1 || len(stmts[0]) == 0 || stmts[0][0].kind != tokWord || stmts[0][0].upper != "INSERT" {
		return nil
	}
	toks = stmts[0]
	base := toks[0].depth
	into := indexWords(toks, 1, base, "INTO")
	values := indexWords(toks, 1, base, "VALUES")
	conflict := indexWords(toks, 1, base, "ON", "CONFLICT")
	if into < 0 || values < 0 || conflict < values {
		return nil
	}
	open := into + 2
	for open < values && !isPunct(toks[open], "(") {
		open++
	}
	cols := parenList(toks, open)
	vals := parenList(toks, values+1)
	keys := parenList(toks, conflict+2)
	if len(cols) == 0 || len(cols) != len(vals) || len(keys) == 0 {
		return nil
	}
	var out []int
	for _, k := range keys {
		if len(k) != 1 {
			return nil
		}
		n := -1
		for i, c := range cols {
			if len(c) == 1 && equalName(toks[c[0]], toks[k[0]]) && len(vals[i]) == 1 && toks[vals[i][0]].kind == tokParam {
				n = paramNumber(toks, vals[i][0])
			}
		}
		if n < 1 {
			return nil
		}
		out = append(out, n)
	}
	return out
}

// parenList splits the parenthesised list opening at toks[i] into its
// comma-separated items (token indexes); nil when toks[i] is not "(".
func parenList(toks []token, i int) [][]int {
	if i >= len(toks) || !isPunct(toks[i], "(") {
		return nil
	}
	d := toks[i].depth + 1
	var items [][]int
	var cur []int
	for j := i + 1; j < len(toks); j++ {
		t := toks[j]
		switch {
		case isPunct(t, ")") && t.depth == d-1:
			return append(items, cur)
		case isPunct(t, ",") && t.depth == d:
			items = append(items, cur)
			cur = nil
		default:
			cur = append(cur, j)
		}
	}
	return nil // unterminated
}

func equalName(a, b token) bool {
	return (a.kind == tokWord || a.kind == tokQuoted) && (b.kind == tokWord || b.kind == tokQuoted) &&
		(a.text == b.text || a.kind == tokWord && b.kind == tokWord && a.upper == b.upper)
}

// paramNumber is the number of the parameter at toks[at]: n for $n, its
// position among the statement's ? placeholders for ?, -1 otherwise.
func paramNumber(toks []token, at int) int {
	p := toks[at]
	if len(p.text) > 1 && p.text[0] == '$' {
		n, err := strconv.Atoi(p.text[1:])
		if err != nil {
			return -1
		}
		return n
	}
	if p.text != "?" {
		return -1
	}
	n := 0
	for _, t := range toks[:at+1] {
		if t.kind == tokParam && t.text == "?" {
			n++
		}
	}
	return n
}
