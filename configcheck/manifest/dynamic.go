package manifest

import (
	"strconv"
	"strings"
)

// Dynamic versions — Maven ranges ("[5.0,6.0)", "(,5.1.1]", "[1.0],[2.0,)"),
// Gradle's Maven-style and reversed-bracket ranges ("]1.0,2.0["), prefix
// selectors ("5.+", "5.1.+", "+") and latest.release / latest.integration
// — do not name one version, but they do say which versions they admit.
// A rule can judge them by that: a range that admits a 5.1.x client is a
// 5.1.x client as far as the server is concerned.

// IsDynamicVersion reports a version that is a range or a dynamic selector.
func IsDynamicVersion(v string) bool {
	return v != "" && !strings.Contains(v, "$") && isDynamicVersion(v)
}

// Admits reports whether the dynamic version sel admits some version v with
// lo <= v < hi (Maven version order). known is false when sel cannot be
// read as a range or a selector.
func Admits(sel, lo, hi string) (admits, known bool) {
	sel = strings.TrimSpace(sel)
	switch {
	case sel == "+" || sel == "latest.release" || sel == "latest.integration" || strings.HasPrefix(sel, "latest."):
		return true, true // the newest version, whatever it is: unbounded
	case strings.HasSuffix(sel, "+"):
		l, u, ok := prefixBounds(strings.TrimSuffix(sel, "+"))
		if !ok {
			return false, false
		}
		// "5.0.+" matches versions that start with "5.0.", which excludes the
		// pre-releases of 5.1 too: the upper bound is below 5.1-alpha.
		return overlaps(interval{lo: l, loIncl: true, hi: u + "-alpha"}, lo, hi), true
	}
	ivs, ok := parseRanges(sel)
	if !ok {
		return false, false
	}
	for _, iv := range ivs {
		if overlaps(iv, lo, hi) {
			return true, true
		}
	}
	return false, true
}

// interval is one restriction of a range; "" bounds are open ends.
type interval struct {
	lo, hi         string
	loIncl, hiIncl bool
}

// overlaps reports whether iv contains some v with lo <= v < hi.
func overlaps(iv interval, lo, hi string) bool {
	if iv.lo != "" {
		c := CompareVersions(iv.lo, hi)
		if c >= 0 {
			return false
		}
	}
	if iv.hi != "" {
		c := CompareVersions(iv.hi, lo)
		if c < 0 || c == 0 && !iv.hiIncl {
			return false
		}
	}
	return true
}

// prefixBounds turns the prefix of a "P+" selector into [P, next): "5." →
// [5, 6), "5.1." → [5.1, 5.2), "5.1" (as in "5.1+") → [5.1, 5.2).
func prefixBounds(p string) (lo, hi string, ok bool) {
	p = strings.TrimSuffix(p, ".")
	if p == "" {
		return "", "", false
	}
	parts := strings.Split(p, ".")
	last, err := strconv.Atoi(parts[len(parts)-1])
	if err != nil {
		return "", "", false
	}
	next := append(append([]string(nil), parts[:len(parts)-1]...), strconv.Itoa(last+1))
	return p, strings.Join(next, "."), true
}

// parseRanges reads comma-separated restrictions: [a,b] [a,b) (a,b] (a,b)
// [a] (,b] [a,) and Gradle's ]a,b[ forms for open ends.
func parseRanges(s string) ([]interval, bool) {
	var out []interval
	for s != "" {
		s = strings.TrimLeft(s, " ,")
		if s == "" {
			break
		}
		open := s[0]
		if open != '[' && open != '(' && open != ']' {
			return nil, false
		}
		end := strings.IndexAny(s[1:], "])[")
		if end < 0 {
			return nil, false
		}
		end++
		closing, body := s[end], s[1:end]
		s = s[end+1:]
		lo, hi, isPair := strings.Cut(body, ",")
		lo, hi = strings.TrimSpace(lo), strings.TrimSpace(hi)
		iv := interval{lo: lo, hi: hi, loIncl: open == '[', hiIncl: closing == ']'}
		if !isPair { // [1.0]: exactly that version
			if open != '[' || closing != ']' || lo == "" {
				return nil, false
			}
			iv = interval{lo: lo, hi: lo, loIncl: true, hiIncl: true}
		}
		out = append(out, iv)
	}
	return out, len(out) > 0
}

// ReleaseLine is the release a version is a build of: pre-release
// qualifiers (SNAPSHOT, alpha, beta, milestone, RC, CR, preview) and what
// follows them are dropped, so "5.1.0-SNAPSHOT" and "5.1.0-RC1" give
// "5.1.0". Other versions are returned as they are.
func ReleaseLine(v string) string {
	lower := strings.ToLower(v)
	cut := len(v)
	for i := 0; i < len(lower); i++ {
		if lower[i] != '-' && lower[i] != '.' {
			continue
		}
		rest := lower[i+1:]
		for _, q := range []string{"snapshot", "alpha", "beta", "milestone", "rc", "cr", "preview", "m"} {
			if strings.HasPrefix(rest, q) && (len(rest) == len(q) || !isLetter(rest[len(q)])) {
				cut = min(cut, i)
			}
		}
	}
	return v[:cut]
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }
