package springconf

// Expand resolves ${NAME} / ${NAME:default} placeholders.
func Expand(value string, lookup func(key string) (val string, found bool, known bool)) (string, bool) {
	return value, false
}

// Truthy is Spring's boolean conversion.
func Truthy(v string) (val bool, ok bool) { return false, false }
