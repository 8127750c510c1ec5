package springconf

// ActiveFor reports whether the document is active when profiles are active.
func (d Document) ActiveFor(profiles []string) bool { return d.OnProfile == "" }

// ParseProfiles splits a spring.profiles.active value: "prod, cloud" -> [prod cloud].
func ParseProfiles(v string) []string { return nil }
