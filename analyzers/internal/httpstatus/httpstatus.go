// Package httpstatus evaluates comparisons of HTTP status codes: the set of
// codes for which `resp.StatusCode op c` holds, and the classes that decide
// whether a request was executed (2xx, 5xx) or refused before it ran
// (401/403/407/429). The retry-loop recogniser and the resend analyzer both
// judge status tests with it, so they agree on what a test selects.
package httpstatus

import "go/token"

// Set is a set of HTTP status codes in [Min, Max]. It is a value: the
// operations return new sets.
type Set [words]uint64

const (
	// Min and Max bound the valid status codes.
	Min   = 100
	Max   = 599
	words = (Max + 64) / 64
)

// All holds every valid status code: the set of a condition that says
// nothing about the status.
func All() Set { return Range(Min, Max) }

// Where returns the codes c for which "c op v" holds. An operator that is
// not a comparison may hold for any code.
func Where(op token.Token, v int) Set { return WhereScaled(op, v, 1) }

// WhereScaled returns the codes c for which "c/divisor op v" holds
// (resp.StatusCode/100 == 5); a divisor below 1 counts as 1.
func WhereScaled(op token.Token, v, divisor int) Set {
	if divisor < 1 {
		divisor = 1
	}
	var s Set
	for c := Min; c <= Max; c++ {
		if Compare(c/divisor, op, v) {
			s.Add(c)
		}
	}
	return s
}

// Range returns the codes in [lo, hi].
func Range(lo, hi int) Set {
	var s Set
	for c := max(lo, Min); c <= min(hi, Max); c++ {
		s.Add(c)
	}
	return s
}

// Of returns the set holding exactly codes (invalid ones are dropped).
func Of(codes ...int) Set {
	var s Set
	for _, c := range codes {
		s.Add(c)
	}
	return s
}

// Refusals are the statuses with which a server refuses a request before
// executing it (authentication, authorization, proxy authentication, rate
// limit): sending again after one of them does not duplicate anything.
func Refusals() Set { return Of(401, 403, 407, 429) }

// Successes are the 2xx statuses: the server executed the request.
func Successes() Set { return Range(200, 299) }

// ServerErrors are the 5xx statuses: the server failed, possibly after
// executing the request.
func ServerErrors() Set { return Range(500, 599) }

// Compare evaluates "a op b" for integers. An operator that is not a
// comparison is assumed to be able to hold.
func Compare(a int, op token.Token, b int) bool {
	switch op {
	case token.EQL:
		return a == b
	case token.NEQ:
		return a != b
	case token.LSS:
		return a < b
	case token.LEQ:
		return a <= b
	case token.GTR:
		return a > b
	case token.GEQ:
		return a >= b
	}
	return true
}

// Mirror turns "c op x" into "x op' c".
func Mirror(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.LEQ:
		return token.GEQ
	case token.GTR:
		return token.LSS
	case token.GEQ:
		return token.LEQ
	}
	return op
}

// Add puts c into s (an invalid code is ignored).
func (s *Set) Add(c int) {
	if c >= Min && c <= Max {
		s[c/64] |= 1 << (c % 64)
	}
}

// Has reports whether c is in s.
func (s Set) Has(c int) bool {
	return c >= Min && c <= Max && s[c/64]&(1<<(c%64)) != 0
}

// And is the intersection of s and t.
func (s Set) And(t Set) Set {
	for i := range s {
		s[i] &= t[i]
	}
	return s
}

// Or is the union of s and t.
func (s Set) Or(t Set) Set {
	for i := range s {
		s[i] |= t[i]
	}
	return s
}

// Not returns the valid codes that are not in s.
func (s Set) Not() Set {
	all := All()
	for i := range s {
		s[i] = ^s[i] & all[i]
	}
	return s
}

// Empty reports whether s holds no code.
func (s Set) Empty() bool { return s == Set{} }

// SubsetOf reports whether every code of s is in t.
func (s Set) SubsetOf(t Set) bool { return s.And(t.Not()).Empty() }

// Intersects reports whether s and t share a code.
func (s Set) Intersects(t Set) bool { return !s.And(t).Empty() }

// Codes returns the members of s in increasing order.
func (s Set) Codes() []int {
	var out []int
	for c := Min; c <= Max; c++ {
		if s.Has(c) {
			out = append(out, c)
		}
	}
	return out
}

// Test is what a status comparison says about the request.
type Test uint8

const (
	// Other: not a useful test (it selects both executed and failed
	// requests, or neither).
	Other Test = iota
	// Done holds for some 2xx and no 5xx: the request went through.
	Done
	// Retry holds for some 5xx and not for every 2xx: a server failure.
	Retry
)

// Classify says what the codes selected by a test (a Set from Where) mean
// for a request: executed (Done), failed on the server (Retry), or neither.
func Classify(yes Set) Test {
	ok, failed := Successes(), ServerErrors()
	switch {
	case yes.Intersects(ok) && !yes.Intersects(failed):
		return Done
	case yes.Intersects(failed) && !ok.SubsetOf(yes):
		return Retry
	}
	return Other
}
