// Package sqlclass classifies SQL text: is running the statement twice
// different from running it once?
//
// It is a pure string → verdict function over a small tokenizer (comments,
// quoted strings and identifiers, dollar quoting, parameters), not a SQL
// parser: it recognises the statement kind and the handful of constructs
// that decide idempotency — upsert clauses, relative updates
// (`n = n + 1`), sequence draws — and stays silent on anything it does not
// understand.
package sqlclass

import "strings"

// Result is the verdict on one SQL text.
type Result struct {
	// Stmt is the statement kind that decided: "INSERT", "UPDATE",
	// "DELETE", "SELECT", "REPLACE", "MERGE", "CREATE", …; "" when the text
	// is not understood.
	Stmt string
	// Table is the target table as written (quotes removed), if known.
	Table string
	// NonIdempotent: running the statement twice writes twice (a second
	// row, a doubled increment, a second sequence value).
	NonIdempotent bool
	// Reason explains the verdict in a few words.
	Reason string
}

// MaxLen bounds the text that is classified; longer texts are not
// understood (Stmt "").
const MaxLen = 1 << 20

// maxCTEDepth bounds the nesting of WITH clauses that are looked into.
const maxCTEDepth = 8

// Classify classifies sql, which may hold several statements separated by
// semicolons: it is non-idempotent if any statement is, and the first such
// statement is the one described.
func Classify(sql string) Result {
	if len(sql) > MaxLen {
		return Result{Reason: "statement too long to classify"}
	}
	toks := lex(sql)
	var first Result
	for i, stmt := range splitStatements(toks) {
		r := classifyStmt(stmt, 0)
		if r.NonIdempotent {
			return r
		}
		if i == 0 || first.Stmt == "" {
			first = r
		}
	}
	return first
}

// splitStatements splits at top-level semicolons, dropping empty statements.
func splitStatements(toks []token) [][]token {
	var out [][]token
	start := 0
	for i, t := range toks {
		if t.kind == tokPunct && t.text == ";" && t.depth == 0 {
			if i > start {
				out = append(out, toks[start:i])
			}
			start = i + 1
		}
	}
	if start < len(toks) {
		out = append(out, toks[start:])
	}
	return out
}

// classifyStmt classifies one statement (no top-level semicolons).
func classifyStmt(toks []token, cteDepth int) Result {
	// A statement wrapped in parentheses: look inside.
	for len(toks) >= 2 && isPunct(toks[0], "(") && isPunct(toks[len(toks)-1], ")") && toks[len(toks)-1].depth == toks[0].depth {
		toks = toks[1 : len(toks)-1]
	}
	if len(toks) == 0 || toks[0].kind != tokWord {
		return Result{}
	}
	base := toks[0].depth
	if r, ok := sequenceDraw(toks); ok {
		return r
	}
	switch toks[0].upper {
	case "WITH":
		return classifyWith(toks, base, cteDepth)
	case "INSERT":
		return classifyInsert(toks, base)
	case "REPLACE":
		return Result{Stmt: "REPLACE", Table: tableAfter(toks, 1), Reason: "REPLACE INTO is an upsert"}
	case "UPSERT":
		return Result{Stmt: "UPSERT", Table: tableAfter(toks, 1), Reason: "UPSERT is idempotent"}
	case "UPDATE":
		return classifyUpdate(toks, base)
	case "MERGE":
		return classifyMerge(toks, base)
	case "DELETE":
		return Result{Stmt: "DELETE", Table: tableAfter(toks, 1), Reason: "deleting twice deletes the same rows"}
	case "SELECT", "VALUES", "SHOW", "EXPLAIN", "TABLE":
		return Result{Stmt: toks[0].upper, Reason: "reads only"}
	case "CREATE":
		if hasWords(toks, "IF", "NOT", "EXISTS") {
			return Result{Stmt: "CREATE", Reason: "CREATE … IF NOT EXISTS is idempotent"}
		}
		return Result{Stmt: "CREATE", Reason: "a repeated CREATE fails rather than writing twice"}
	case "DROP", "TRUNCATE", "ALTER", "GRANT", "REVOKE", "SET", "BEGIN", "COMMIT", "ROLLBACK", "LOCK":
		return Result{Stmt: toks[0].upper, Reason: "not a row write that accumulates"}
	}
	return Result{}
}

// sequenceDraw reports a nextval( anywhere: every run draws a new value.
func sequenceDraw(toks []token) (Result, bool) {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].kind == tokWord && toks[i].upper == "NEXTVAL" && isPunct(toks[i+1], "(") {
			r := Result{Stmt: toks[0].upper, NonIdempotent: true, Reason: "nextval draws a new sequence value on every run"}
			if r.Stmt == "INSERT" {
				r.Table = insertTable(toks)
			}
			return r, true
		}
	}
	return Result{}, false
}

// classifyWith looks into the CTE bodies (a data-modifying CTE counts) and
// then classifies the main statement.
func classifyWith(toks []token, base, cteDepth int) Result {
	if cteDepth >= maxCTEDepth {
		return Result{}
	}
	i := 1
	if i < len(toks) && toks[i].kind == tokWord && toks[i].upper == "RECURSIVE" {
		i++
	}
	for i < len(toks) {
		// name [ (cols) ] AS [NOT] [MATERIALIZED] ( body )
		i++ // the name
		if i < len(toks) && isPunct(toks[i], "(") && toks[i].depth == base {
			i = skipParens(toks, i)
		}
		if i >= len(toks) || toks[i].kind != tokWord || toks[i].upper != "AS" {
			return Result{}
		}
		i++
		for i < len(toks) && toks[i].kind == tokWord && (toks[i].upper == "NOT" || toks[i].upper == "MATERIALIZED") {
			i++
		}
		if i >= len(toks) || !isPunct(toks[i], "(") {
			return Result{}
		}
		end := skipParens(toks, i)
		if end-1 <= i {
			return Result{} // unterminated body
		}
		if r := classifyStmt(toks[i+1:end-1], cteDepth+1); r.NonIdempotent {
			return r
		}
		i = end
		if i < len(toks) && isPunct(toks[i], ",") {
			i++
			continue
		}
		break
	}
	if i >= len(toks) {
		return Result{}
	}
	return classifyStmt(toks[i:], cteDepth+1)
}

// classifyInsert: an INSERT writes a new row on every run unless it is an
// upsert or guarded by NOT EXISTS.
func classifyInsert(toks []token, base int) Result {
	r := Result{Stmt: "INSERT", Table: insertTable(toks)}
	// INSERT IGNORE (MySQL), INSERT OR IGNORE / OR REPLACE (SQLite).
	for i := 1; i < len(toks) && i < 4; i++ {
		if toks[i].kind == tokWord && (toks[i].upper == "IGNORE" || toks[i].upper == "REPLACE") {
			r.Reason = "INSERT " + toks[i].upper + " does not duplicate"
			return r
		}
	}
	for i := 1; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tokWord || t.depth != base {
			continue
		}
		switch {
		case t.upper == "ON" && wordAt(toks, i+1, "CONFLICT"):
			if j := indexWords(toks, i, base, "DO", "UPDATE"); j >= 0 {
				if col, ok := relativeSet(toks, j+2, base); ok {
					r.NonIdempotent = true
					r.Reason = "the upsert's DO UPDATE increments " + col
					return r
				}
			}
			r.Reason = "ON CONFLICT makes it an upsert"
			return r
		case t.upper == "ON" && wordAt(toks, i+1, "DUPLICATE") && wordAt(toks, i+2, "KEY") && wordAt(toks, i+3, "UPDATE"):
			if col, ok := relativeAssignments(toks, i+4, base); ok {
				r.NonIdempotent = true
				r.Reason = "ON DUPLICATE KEY UPDATE increments " + col
				return r
			}
			r.Reason = "ON DUPLICATE KEY UPDATE makes it an upsert"
			return r
		}
	}
	if indexWordsAnyDepth(toks, "NOT", "EXISTS") >= 0 && indexWordsAnyDepth(toks, "SELECT") >= 0 {
		r.Reason = "INSERT … SELECT … WHERE NOT EXISTS inserts only once"
		return r
	}
	r.NonIdempotent = true
	r.Reason = "each run inserts another row"
	return r
}

// insertTable returns the table after INTO.
func insertTable(toks []token) string {
	for i := 1; i < len(toks); i++ {
		if toks[i].kind == tokWord && toks[i].upper == "INTO" {
			return tableAfter(toks, i+1)
		}
	}
	return ""
}

// tableAfter reads a possibly qualified, possibly quoted table name at
// toks[i] (skipping ONLY), without quotes.
func tableAfter(toks []token, i int) string {
	if wordAt(toks, i, "INTO") || wordAt(toks, i, "FROM") || wordAt(toks, i, "ONLY") {
		i++
	}
	var parts []string
	for i < len(toks) {
		t := toks[i]
		if t.kind != tokWord && t.kind != tokQuoted {
			break
		}
		if t.kind == tokWord && isKeyword(t.upper) {
			break
		}
		parts = append(parts, t.text)
		if i+1 < len(toks) && isPunct(toks[i+1], ".") {
			i += 2
			continue
		}
		break
	}
	return strings.Join(parts, ".")
}

// isKeyword lists the words that cannot be a table name where one is read.
func isKeyword(w string) bool {
	switch w {
	case "SET", "VALUES", "SELECT", "WHERE", "DEFAULT", "AS", "USING", "ON", "INTO", "FROM", "IGNORE", "OR", "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY":
		return true
	}
	return false
}

// lastName returns the column name of an assignment target such as
// `n`, `t.n`, `"n"`; "" for tuple targets.
func lastName(lhs []token) string {
	if len(lhs) == 0 {
		return ""
	}
	t := lhs[len(lhs)-1]
	if t.kind != tokWord && t.kind != tokQuoted {
		return ""
	}
	return t.text
}

func isPunct(t token, s string) bool { return t.kind == tokPunct && t.text == s }

func wordAt(toks []token, i int, w string) bool {
	return i >= 0 && i < len(toks) && toks[i].kind == tokWord && toks[i].upper == w
}

// indexWords finds the sequence of words at depth base from toks[i] on.
func indexWords(toks []token, i, base int, words ...string) int {
	for ; i+len(words) <= len(toks); i++ {
		if toks[i].depth != base {
			continue
		}
		match := true
		for k, w := range words {
			if !wordAt(toks, i+k, w) {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}

func indexWordsAnyDepth(toks []token, words ...string) int {
	for i := 0; i+len(words) <= len(toks); i++ {
		match := true
		for k, w := range words {
			if !wordAt(toks, i+k, w) {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}

func hasWords(toks []token, words ...string) bool { return indexWordsAnyDepth(toks, words...) >= 0 }

// skipParens returns the index just past the parenthesised group opening
// at toks[i].
func skipParens(toks []token, i int) int {
	d := toks[i].depth
	for j := i + 1; j < len(toks); j++ {
		if isPunct(toks[j], ")") && toks[j].depth == d {
			return j + 1
		}
	}
	return len(toks)
}
