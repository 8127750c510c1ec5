package springconf

import "strings"

// Relaxed binding, after Spring Boot's ConfigurationPropertyName.
//
// Implemented:
//   - CanonicalKey: the "uniform" form Spring compares names in. Elements are
//     split on '.' (outside brackets); each element is lower-cased and keeps
//     only [a-z0-9], so `open-api`, `openApi`, `open_api` and `openapi` are
//     equal. Bracketed elements `[0]` and map keys `[a.b]` are kept verbatim;
//     an all-digit element `x.0` is written as the index `x[0]`, the form the
//     environment mapping produces for MY_LIST_0.
//   - EnvVarKey: SystemEnvironmentPropertyMapper's mapping from a variable
//     name to a property name: split on '_', empty elements (from `__`)
//     dropped, lower-cased, all-digit elements become indexes.
//   - EnvVarMatches: additionally the legacy mapping Spring Boot tries from
//     the property side, where a dash in the property name became '_'
//     (oms.auth.open-api.enable <- OMS_AUTH_OPEN_API_ENABLE).
//
// Not implemented: binding to map keys whose case or punctuation must be kept
// (Spring only keeps them inside brackets, which we keep verbatim too), and
// the rule that a variable name must be entirely upper or lower case for the
// property-side lookup to find it (any case is accepted here).

// CanonicalKey returns the relaxed-binding canonical form of a property name.
func CanonicalKey(key string) string {
	if isCanonical(key) {
		return key // most keys are written canonically: no allocation
	}
	return uniformKey(key)
}

// uniformKey builds the canonical form element by element.
func uniformKey(key string) string {
	var b strings.Builder
	for _, el := range splitKeyElements(key) {
		if strings.HasPrefix(el, "[") {
			b.WriteString(el)
			continue
		}
		u := uniformElement(el)
		if u == "" {
			continue
		}
		if isAllDigits(u) {
			b.WriteString("[" + u + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(u)
	}
	return b.String()
}

// isCanonical reports whether key is its own canonical form: only [a-z0-9]
// elements separated by single dots, none empty and none all digits (those
// are dropped or become indexes).
func isCanonical(key string) bool {
	start, digits := 0, true
	for i := 0; i <= len(key); i++ {
		if i == len(key) || key[i] == '.' {
			if i == start || digits {
				return false
			}
			start, digits = i+1, true
			continue
		}
		c := key[i]
		switch {
		case c >= 'a' && c <= 'z':
			digits = false
		case c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return true
}

// splitKeyElements splits a dotted key into elements: plain names and
// bracketed indexes/map keys (`a.b[0].c` -> a, b, [0], c). Dots inside
// brackets do not split; an unclosed bracket runs to the end.
func splitKeyElements(key string) []string {
	var els []string
	start := 0
	for i := 0; i < len(key); i++ {
		switch key[i] {
		case '.':
			els = append(els, key[start:i])
			start = i + 1
		case '[':
			els = append(els, key[start:i])
			end := strings.IndexByte(key[i:], ']')
			if end < 0 {
				end = len(key) - i - 1
			}
			els = append(els, key[i:i+end+1])
			i += end
			start = i + 1
		}
	}
	return append(els, key[start:])
}

// uniformElement lower-cases an element and keeps only letters and digits.
func uniformElement(el string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(el) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// EnvVarKey maps an environment variable name to the canonical key of the
// property it sets: OMS_AUTH_OPENAPI_ENABLE -> oms.auth.openapi.enable,
// SPRING_PROFILES_ACTIVE -> spring.profiles.active, MY_LIST_0_NAME ->
// my.list[0].name. A name containing '.' is a property name set verbatim in
// the environment (Spring's SystemEnvironmentPropertySource finds it as is).
// ok is false when nothing is left of the name.
func EnvVarKey(name string) (string, bool) {
	if strings.Contains(name, ".") {
		k := CanonicalKey(name)
		return k, k != ""
	}
	k := CanonicalKey(strings.ReplaceAll(name, "_", "."))
	return k, k != ""
}

// EnvVarMatches reports whether environment variable name sets the property
// key (any spelling): either through EnvVarKey or through Spring Boot's
// legacy form, in which each dash of the property name is an underscore.
func EnvVarMatches(name, key string) bool {
	got, ok := EnvVarKey(name)
	if !ok {
		return false
	}
	legacy := strings.ReplaceAll(legacyEnvName(key), "_", ".")
	return got == CanonicalKey(key) || got == CanonicalKey(legacy)
}

// legacyEnvName writes key the way Spring Boot's legacy environment form
// does: elements joined with '_' and dashes replaced by '_'.
func legacyEnvName(key string) string {
	return strings.ReplaceAll(strings.ReplaceAll(key, "-", "_"), ".", "_")
}
