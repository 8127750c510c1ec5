package resend

import "go/token"

// statusSet is a set of HTTP status codes in [minStatus, maxStatus]. The
// analyzer computes, for the path that leads to a second send, which status
// codes of the first response can still be true there: re-sending only on
// 401/403/407/429 is fine, re-sending on a 5xx is not.
type statusSet [words]uint64

const (
	minStatus = 100
	maxStatus = 599
	words     = (maxStatus + 64) / 64
)

// allStatuses holds every valid status code: the set of a condition that
// says nothing about the status.
func allStatuses() statusSet {
	var s statusSet
	for c := minStatus; c <= maxStatus; c++ {
		s.add(c)
	}
	return s
}

// statusesWhere returns the codes c for which "c op v" holds.
func statusesWhere(op token.Token, v int) statusSet {
	var s statusSet
	for c := minStatus; c <= maxStatus; c++ {
		if compareInts(c, op, v) {
			s.add(c)
		}
	}
	return s
}

// statusRange returns the codes in [lo, hi].
func statusRange(lo, hi int) statusSet {
	var s statusSet
	for c := max(lo, minStatus); c <= min(hi, maxStatus); c++ {
		s.add(c)
	}
	return s
}

// statusesOf returns the set holding exactly codes (invalid ones are dropped).
func statusesOf(codes ...int) statusSet {
	var s statusSet
	for _, c := range codes {
		s.add(c)
	}
	return s
}

func compareInts(a int, op token.Token, b int) bool {
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
	return true // unknown operator: assume it can hold
}

func (s *statusSet) add(c int) {
	if c >= minStatus && c <= maxStatus {
		s[c/64] |= 1 << (c % 64)
	}
}

func (s statusSet) has(c int) bool {
	return c >= minStatus && c <= maxStatus && s[c/64]&(1<<(c%64)) != 0
}

func (s statusSet) and(t statusSet) statusSet {
	for i := range s {
		s[i] &= t[i]
	}
	return s
}

func (s statusSet) or(t statusSet) statusSet {
	for i := range s {
		s[i] |= t[i]
	}
	return s
}

// not returns the valid codes that are not in s.
func (s statusSet) not() statusSet {
	all := allStatuses()
	for i := range s {
		s[i] = ^s[i] & all[i]
	}
	return s
}

func (s statusSet) empty() bool { return s == statusSet{} }

// subsetOf reports whether every code of s is in t.
func (s statusSet) subsetOf(t statusSet) bool { return s.and(t.not()).empty() }

func (s statusSet) intersects(t statusSet) bool { return !s.and(t).empty() }

// codes returns the members of s in increasing order.
func (s statusSet) codes() []int {
	var out []int
	for c := minStatus; c <= maxStatus; c++ {
		if s.has(c) {
			out = append(out, c)
		}
	}
	return out
}

// refusals are the statuses with which a server refuses a request before
// executing it (authentication, authorization, proxy authentication, rate
// limit): re-sending after one of them does not duplicate anything.
var refusals = statusesOf(401, 403, 407, 429)

var (
	successes    = statusRange(200, 299)
	serverErrors = statusRange(500, 599)
)
