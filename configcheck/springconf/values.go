package springconf

import "strings"

// Truthy is Spring's String-to-Boolean conversion: true/on/yes/1 -> true,
// false/off/no/0 -> false, case-insensitive and trimmed. Anything else
// (including "") is not a boolean: ok is false.
func Truthy(v string) (val bool, ok bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "on", "yes", "1":
		return true, true
	case "false", "off", "no", "0":
		return false, true
	}
	return false, false
}
