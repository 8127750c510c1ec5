package springconf

import (
	"strings"
	"testing"
)

// FuzzProfileExpr: a profile expression (spring.config.activate.on-profile,
// @Profile) evaluates without panic, deterministically, and its negation
// "!(expr)" is well formed exactly when expr is, with the opposite value.
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
		if !ok && nok && len(tokenizeProfileExpr(expr)) > 0 {
			t.Fatalf("%q is malformed but !(%s) is not", expr, expr)
		}
	})
}
