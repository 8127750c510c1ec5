package springconf

import (
	"strings"
	"testing"
)

// FuzzProfileExpr: a profile expression (spring.config.activate.on-profile,
// @Profile) evaluates without panic, deterministically, and its negation
// "!(expr)" is well formed exactly when expr is, with the opposite value.
// One exception: when expr closes a parenthesis it never opened ("0)&(0"),
// the added "(" pairs with that ")" and the wrapped text can parse
// ("!(0)&(0)"), so "malformed stays malformed" is not asked of it.
// Seeds in testdata/fuzz/FuzzProfileExpr/ (deep parentheses among them).
func FuzzProfileExpr(f *testing.F) {
	for _, s := range []string{"prod", "!dev", "prod & (eu | us)", "a | b & c", "((((x))))", "!", "a &", "(a", "a b"} {
		f.Add(s, "prod,eu")
	}
	f.Fuzz(func(t *testing.T, expr, activeList string) {
		active := map[string]bool{}
		for _, p := range ParseProfiles(activeList) {
			active[p] = true
		}
		val, ok := evalProfileExpr(expr, active)
		if val2, ok2 := evalProfileExpr(expr, active); val2 != val || ok2 != ok {
			t.Fatalf("%q: not deterministic", expr)
		}
		if strings.Count(expr, "(")+strings.Count(expr, "!") >= maxProfileExprDepth/2 {
			return // the negation may pass the depth bound
		}
		nval, nok := evalProfileExpr("!("+expr+")", active)
		if ok && (!nok || nval == val) {
			t.Fatalf("%q = %v, but !(%s) = %v, ok %v", expr, val, expr, nval, nok)
		}
		if toks := tokenizeProfileExpr(expr); !ok && nok && len(toks) > 0 && !closesUnopened(toks) {
			t.Fatalf("%q is malformed but !(%s) is not", expr, expr)
		}
	})
}

// closesUnopened reports whether a ")" token closes more parentheses than
// the tokens before it opened.
func closesUnopened(toks []string) bool {
	depth := 0
	for _, t := range toks {
		switch t {
		case "(":
			depth++
		case ")":
			if depth--; depth < 0 {
				return true
			}
		}
	}
	return false
}
