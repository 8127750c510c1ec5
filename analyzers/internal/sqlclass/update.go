package sqlclass

// UPDATE and MERGE: an assignment relative to the column's old value
// (balance = balance + ?) repeats its effect, unless a compare-and-set on a
// version column makes the repeat a no-op.

import "strings"

// classifyUpdate: an UPDATE is idempotent unless a SET assignment is
// relative to the column's old value, and even then a compare-and-swap
// WHERE on a version column makes the repeat a no-op.
func classifyUpdate(toks []token, base int) Result {
	i := 1
	if wordAt(toks, i, "ONLY") {
		i++
	}
	r := Result{Stmt: "UPDATE", Table: tableAfter(toks, i)}
	set := -1
	for j := i; j < len(toks); j++ {
		if toks[j].kind == tokWord && toks[j].depth == base && toks[j].upper == "SET" {
			set = j
			break
		}
	}
	if set < 0 {
		return Result{}
	}
	col, ok := relativeAssignments(toks, set+1, base)
	if !ok {
		r.Reason = "absolute SET: a repeat writes the same values"
		return r
	}
	if v := casColumn(toks, set, base); v != "" {
		r.Reason = "WHERE " + v + " = … makes the relative update a compare-and-swap"
		return r
	}
	r.NonIdempotent = true
	r.Reason = "SET " + col + " is relative to its old value"
	return r
}

// classifyMerge: MERGE is an upsert unless its WHEN MATCHED THEN UPDATE
// increments.
func classifyMerge(toks []token, base int) Result {
	r := Result{Stmt: "MERGE", Table: insertTableMerge(toks)}
	for j := 1; j+1 < len(toks); j++ {
		if toks[j].kind == tokWord && toks[j].upper == "UPDATE" && wordAt(toks, j+1, "SET") {
			if col, ok := relativeAssignments(toks, j+2, toks[j].depth); ok {
				r.NonIdempotent = true
				r.Reason = "MERGE's UPDATE SET " + col + " is relative to its old value"
				return r
			}
		}
	}
	r.Reason = "MERGE is an upsert"
	return r
}

func insertTableMerge(toks []token) string {
	if wordAt(toks, 1, "INTO") {
		return tableAfter(toks, 2)
	}
	return tableAfter(toks, 1)
}

// relativeSet checks the assignments after DO UPDATE SET.
func relativeSet(toks []token, i, base int) (string, bool) {
	if !wordAt(toks, i, "SET") {
		return "", false
	}
	return relativeAssignments(toks, i+1, base)
}

// clauseEnd are the keywords that end a SET list.
var clauseEnd = map[string]bool{"FROM": true, "WHERE": true, "RETURNING": true, "ORDER": true, "LIMIT": true, "WHEN": true, "ON": true, "OUTPUT": true}

// relativeAssignments scans the assignment list starting at toks[i] (at
// paren depth base) and returns the first column whose new value is
// computed from its old one by accumulation: `n = n + 1`, `n = n - $1`,
// `s = s || 'x'`, `a = array_append(a, $1)`, `n = COALESCE(n, 0) + 1`.
func relativeAssignments(toks []token, i, base int) (string, bool) {
	for i < len(toks) {
		if toks[i].depth == base && toks[i].kind == tokWord && clauseEnd[toks[i].upper] {
			return "", false
		}
		// Left-hand side: [qualifier.]column, up to "=".
		lhsStart := i
		for i < len(toks) && !(toks[i].depth == base && (isPunct(toks[i], "=") || isPunct(toks[i], ","))) {
			i++
		}
		if i >= len(toks) || !isPunct(toks[i], "=") {
			return "", false
		}
		col := lastName(toks[lhsStart:i])
		i++
		rhsStart := i
		for i < len(toks) && !(toks[i].depth == base && (isPunct(toks[i], ",") || toks[i].kind == tokWord && clauseEnd[toks[i].upper])) {
			i++
		}
		if col != "" && accumulates(toks[rhsStart:i], col) {
			return col, true
		}
		if i < len(toks) && isPunct(toks[i], ",") {
			i++
		}
	}
	return "", false
}

// accumulating functions whose first argument is the value being extended.
var accumulators = map[string]bool{
	"ARRAY_APPEND": true, "ARRAY_PREPEND": true, "ARRAY_CAT": true, "CONCAT": true, "CONCAT_WS": true,
	"JSON_ARRAY_APPEND": true, "JSONB_INSERT": true, "JSON_ARRAY_INSERT": true,
}

// accumulates reports whether rhs reads col and combines it with something
// by + - * / || or an appending function.
func accumulates(rhs []token, col string) bool {
	reads, combines := false, false
	for k, t := range rhs {
		switch t.kind {
		case tokWord, tokQuoted:
			if k+1 < len(rhs) && isPunct(rhs[k+1], "(") {
				if accumulators[strings.ToUpper(t.text)] {
					combines = true
				}
				continue // a function name, not a column
			}
			if k+1 < len(rhs) && isPunct(rhs[k+1], ".") {
				continue // a qualifier
			}
			if strings.EqualFold(t.text, col) && !isExcludedRef(rhs, k) {
				reads = true
			}
		case tokPunct:
			switch t.text {
			case "+", "*", "/", "||":
				combines = true
			case "-":
				// A leading minus or one after an operator is a sign.
				if k > 0 && !(rhs[k-1].kind == tokPunct && rhs[k-1].text != ")") {
					combines = true
				}
			}
		}
	}
	return reads && combines
}

// isExcludedRef: `EXCLUDED.n` and `VALUES(n)` name the proposed row, not
// the old value.
func isExcludedRef(rhs []token, k int) bool {
	if k >= 2 && isPunct(rhs[k-1], ".") && rhs[k-2].kind == tokWord && rhs[k-2].upper == "EXCLUDED" {
		return true
	}
	return k >= 2 && isPunct(rhs[k-1], "(") && rhs[k-2].kind == tokWord && rhs[k-2].upper == "VALUES"
}

// versionColumns are compared in a WHERE for optimistic locking.
var versionColumns = map[string]bool{
	"VERSION": true, "REVISION": true, "ETAG": true, "XMIN": true, "ROW_VERSION": true, "LOCK_VERSION": true,
	"ROWVERSION": true, "OPTLOCK": true,
}

// casColumn returns the version column compared with = in the WHERE clause
// after the SET at toks[set], or "".
func casColumn(toks []token, set, base int) string {
	where := -1
	for j := set; j < len(toks); j++ {
		if toks[j].kind == tokWord && toks[j].depth == base && toks[j].upper == "WHERE" {
			where = j
			break
		}
	}
	if where < 0 {
		return ""
	}
	for j := where + 1; j+1 < len(toks); j++ {
		t := toks[j]
		if (t.kind == tokWord || t.kind == tokQuoted) && versionColumns[strings.ToUpper(t.text)] && isPunct(toks[j+1], "=") {
			return t.text
		}
	}
	return ""
}
