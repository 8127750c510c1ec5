package springconf

import (
	"strings"

	"github.com/twice-lint/twice/configcheck/source"
)

// Canonical forms of the keys that make a document profile-specific.
const (
	onProfileKey     = "spring.config.activate.onprofile" // Spring Boot 2.4+
	legacyProfileKey = "spring.profiles"                  // before 2.4, still honoured with a warning
)

// activation finds a document's profile condition among its entries:
// spring.config.activate.on-profile (a string or a list), else the legacy
// spring.profiles. Lists are joined with "," (any of them activates).
func activation(entries []Entry) (string, source.Pos) {
	if expr, pos, ok := collectProfileKey(entries, onProfileKey); ok {
		return expr, pos
	}
	expr, pos, _ := collectProfileKey(entries, legacyProfileKey)
	return expr, pos
}

// collectProfileKey gathers the values of key and key[N] in document order.
func collectProfileKey(entries []Entry, key string) (string, source.Pos, bool) {
	var parts []string
	var pos source.Pos
	for _, e := range entries {
		ck := CanonicalKey(e.Key)
		if ck != key && !isIndexOf(ck, key) {
			continue
		}
		if len(parts) == 0 {
			pos = e.Pos
		}
		parts = append(parts, e.Value)
	}
	return strings.Join(parts, ","), pos, len(parts) > 0
}

// isIndexOf reports whether ck is key followed by exactly one [N] index.
func isIndexOf(ck, key string) bool {
	rest, ok := strings.CutPrefix(ck, key)
	return ok && len(rest) > 2 && rest[0] == '[' && rest[len(rest)-1] == ']' &&
		!strings.ContainsAny(rest[1:len(rest)-1], "[].")
}

// ActiveFor reports whether the document is active when exactly the given
// profiles are active. A document without a condition is always active. The
// condition is a comma-separated list of profile expressions, any of which
// activates it; an expression is a name, `!e`, `e & e`, `e | e` or `(e)`
// (mixing & and | without parentheses is malformed, as in Spring). A
// malformed condition is never active: precision over guessing.
//
// Spring activates the "default" profile when no profile is active; callers
// that model that pass []string{"default"}.
func (d Document) ActiveFor(profiles []string) bool {
	if strings.TrimSpace(d.OnProfile) == "" {
		return d.OnProfile == ""
	}
	active := make(map[string]bool, len(profiles))
	for _, p := range profiles {
		active[strings.TrimSpace(p)] = true
	}
	matched, seen := false, false
	for _, expr := range strings.Split(d.OnProfile, ",") {
		if strings.TrimSpace(expr) == "" {
			continue // "prod," binds to [prod], as Spring's comma list does
		}
		seen = true
		v, ok := evalProfileExpr(expr, active)
		if !ok {
			return false
		}
		matched = matched || v
	}
	return seen && matched
}

// ParseProfiles splits a spring.profiles.active value: "prod, cloud" ->
// [prod cloud]. Blank items are dropped.
func ParseProfiles(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
