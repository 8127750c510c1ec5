package springconf

// CanonicalKey returns the relaxed-binding canonical form of a property name.
func CanonicalKey(key string) string { return key }

// EnvVarKey maps an environment variable name to a canonical property key.
func EnvVarKey(name string) (string, bool) { return "", false }
