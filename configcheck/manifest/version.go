package manifest

import "strings"

// This file implements Maven's ComparableVersion order (the order Maven uses
// to pick "newer" versions), so that a rule can say "5.1.0-bugfix or later"
// and mean exactly what Maven means.
//
// A version is split into items on '.', '-' and on transitions between
// digits and letters. Numbers compare numerically; qualifiers compare by
// their rank in alpha < beta < milestone < rc (= cr) < snapshot < "" (=
// ga = final = release) < sp, and any other qualifier sorts after sp,
// lexically. A '-' (and a digit/letter transition) opens a sub-list, and
// trailing "null" items (0, "", ga, final) are dropped, so "5.1" equals
// "5.1.0" and "5.1.0-ga".

// maxVersionLen bounds the part of a version string that is compared, so a
// hostile input cannot make the comparison arbitrarily deep. Real versions
// are far shorter.
const maxVersionLen = 256

// CompareVersions compares two versions in Maven's ComparableVersion order
// and returns -1 if a < b, 0 if they are equal, +1 if a > b. Comparison is
// case-insensitive. Only the first 256 bytes of each version are considered.
func CompareVersions(a, b string) int {
	return compareItem(parseVersion(a), parseVersion(b))
}

// itemKind distinguishes the three kinds of version items.
type itemKind int

const (
	intItem    itemKind = iota // a number, kept as a decimal string without leading zeros
	stringItem                 // a qualifier, kept as its comparable rank key
	listItem                   // a sub-list opened by '-' or a digit/letter transition
)

// versionItem is one parsed item; only the fields of its kind are used.
type versionItem struct {
	kind  itemKind
	num   string         // intItem: digits, no leading zeros ("" is zero)
	qual  string         // stringItem: comparable key (see qualifierKey)
	items []*versionItem // listItem
}

// releaseKey is the comparable key of the empty qualifier (a release).
const releaseKey = "5"

// qualifierRank orders the well-known qualifiers; the index is the key.
var qualifierRank = []string{"alpha", "beta", "milestone", "rc", "snapshot", "", "sp"}

// qualifierKey returns a string whose lexical order is the qualifier order:
// known qualifiers map to their one-digit rank, others to "7-" + name, which
// sorts after every known one and lexically among themselves.
func qualifierKey(q string) string {
	for i, known := range qualifierRank {
		if q == known {
			return string(rune('0' + i))
		}
	}
	return "7-" + q
}

// newQualifier builds a stringItem, applying Maven's aliases. A single
// letter directly followed by a digit abbreviates alpha/beta/milestone
// ("1.0a1" is "1.0-alpha-1").
func newQualifier(s string, followedByDigit bool) *versionItem {
	if followedByDigit && len(s) == 1 {
		switch s {
		case "a":
			s = "alpha"
		case "b":
			s = "beta"
		case "m":
			s = "milestone"
		}
	}
	switch s {
	case "ga", "final", "release":
		s = ""
	case "cr":
		s = "rc"
	}
	return &versionItem{kind: stringItem, qual: qualifierKey(s)}
}

func newNumber(s string) *versionItem {
	return &versionItem{kind: intItem, num: strings.TrimLeft(s, "0")}
}

func newToken(s string, isDigit bool) *versionItem {
	if isDigit {
		return newNumber(s)
	}
	return newQualifier(s, false)
}

// isNull reports whether the item is equivalent to "nothing" (and so can be
// dropped from the end of a list).
func (it *versionItem) isNull() bool {
	switch it.kind {
	case intItem:
		return it.num == ""
	case stringItem:
		return it.qual == releaseKey
	default:
		return len(it.items) == 0
	}
}

// normalize drops trailing null items, stopping at the first non-null
// non-list item (Maven's ListItem.normalize).
func (it *versionItem) normalize() {
	for i := len(it.items) - 1; i >= 0; i-- {
		last := it.items[i]
		if last.isNull() {
			it.items = append(it.items[:i], it.items[i+1:]...)
		} else if last.kind != listItem {
			break
		}
	}
}

// parseVersion splits a version into Maven's nested item list.
func parseVersion(v string) *versionItem {
	if len(v) > maxVersionLen {
		v = v[:maxVersionLen]
	}
	v = strings.ToLower(v)
	root := &versionItem{kind: listItem}
	list := root
	stack := []*versionItem{root}
	open := func() {
		sub := &versionItem{kind: listItem}
		list.items = append(list.items, sub)
		list = sub
		stack = append(stack, sub)
	}
	isDigit := false
	start := 0
	for i, c := range v {
		switch {
		case c == '.' || c == '-':
			if i == start {
				list.items = append(list.items, newNumber(""))
			} else {
				list.items = append(list.items, newToken(v[start:i], isDigit))
			}
			start = i + 1
			if c == '-' {
				open()
			}
		case c >= '0' && c <= '9':
			if !isDigit && i > start {
				list.items = append(list.items, newQualifier(v[start:i], true))
				start = i
				open()
			}
			isDigit = true
		default:
			if isDigit && i > start {
				list.items = append(list.items, newNumber(v[start:i]))
				start = i
				open()
			}
			isDigit = false
		}
	}
	if len(v) > start {
		list.items = append(list.items, newToken(v[start:], isDigit))
	}
	for i := len(stack) - 1; i >= 0; i-- {
		stack[i].normalize()
	}
	return root
}

// compareItem compares a to b, where b may be nil (a missing item, which
// behaves like a release: 0 / "" / empty list).
func compareItem(a, b *versionItem) int {
	switch a.kind {
	case intItem:
		if b == nil {
			return boolCmp(a.num != "")
		}
		switch b.kind {
		case intItem:
			return compareDecimal(a.num, b.num)
		default: // 1.1 > 1-sp and 1.1 > 1-1
			return 1
		}
	case stringItem:
		if b == nil {
			return strings.Compare(a.qual, releaseKey)
		}
		switch b.kind {
		case stringItem:
			return strings.Compare(a.qual, b.qual)
		default: // 1.any < 1.1 and 1.any < 1-1
			return -1
		}
	default:
		if b == nil {
			if len(a.items) == 0 {
				return 0
			}
			return compareItem(a.items[0], nil)
		}
		switch b.kind {
		case intItem:
			return -1
		case stringItem:
			return 1
		default:
			return compareLists(a.items, b.items)
		}
	}
}

func compareLists(a, b []*versionItem) int {
	for i := 0; i < len(a) || i < len(b); i++ {
		var r int
		switch {
		case i >= len(a):
			r = -compareItem(b[i], nil)
		case i >= len(b):
			r = compareItem(a[i], nil)
		default:
			r = compareItem(a[i], b[i])
		}
		if r != 0 {
			return r
		}
	}
	return 0
}

// compareDecimal compares two digit strings without leading zeros.
func compareDecimal(a, b string) int {
	if len(a) != len(b) {
		return boolCmp(len(a) > len(b)) - boolCmp(len(a) < len(b))
	}
	return strings.Compare(a, b)
}

func boolCmp(b bool) int {
	if b {
		return 1
	}
	return 0
}
