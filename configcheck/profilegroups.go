package configcheck

import (
	"slices"
	"strings"

	"github.com/twice-lint/twice/configcheck/springconf"
)

// Spring Boot 2.4+ activates, besides spring.profiles.active, the profiles
// of spring.profiles.include (ahead of the active ones, so an active
// profile's file wins over an included one's) and expands each profile into
// itself followed by the members of its spring.profiles.group.<name>,
// recursively. "default" is active only when nothing else is.

var (
	canonProfilesInclude = springconf.CanonicalKey("spring.profiles.include")
	canonProfilesGroup   = springconf.CanonicalKey("spring.profiles.group")
)

// maxProfiles bounds the expansion of (possibly cyclic) groups.
const maxProfiles = 64

// includeAndGroups completes the active profiles read from
// spring.profiles.active. known is false when an include or group value
// cannot be known.
func includeAndGroups(active []string, layers []layer) ([]string, bool) {
	include, ok := listSetting(layers, canonProfilesInclude)
	if !ok {
		return nil, false
	}
	groups, ok := profileGroups(layers)
	if !ok {
		return nil, false
	}
	var out []string
	var add func(p string, depth int)
	add = func(p string, depth int) {
		if p == "" || slices.Contains(out, p) || len(out) >= maxProfiles || depth > maxProfiles {
			return
		}
		out = append(out, p)
		for _, m := range groups[p] {
			add(m, depth+1)
		}
	}
	for _, p := range append(include, active...) {
		add(p, 0)
	}
	if len(out) == 0 {
		add("default", 0)
	}
	return out, true
}

// listSetting reads a comma-separated or indexed list key from the
// highest-precedence layer that sets it, placeholders expanded. ok is false
// when its value cannot be known.
func listSetting(layers []layer, key string) ([]string, bool) {
	for _, l := range layers {
		s, found := listIn(l, key)
		if !found {
			continue
		}
		if s.unknown {
			return nil, false
		}
		v, ok := springconf.Expand(s.value, placeholderLookup(layers))
		if !ok {
			return nil, false
		}
		return springconf.ParseProfiles(v), true
	}
	return nil, true
}

// listIn is profilesSetting for any key: the plain key or its [n] items,
// whichever is written last, joined with commas.
func listIn(l layer, key string) (setting, bool) {
	var list []setting
	lastPlain := -1
	for i, s := range l.settings {
		switch {
		case s.key == key:
			lastPlain, list = i, nil
		case strings.HasPrefix(s.key, key+"["):
			list = append(list, s)
		}
	}
	if len(list) == 0 {
		if lastPlain < 0 {
			return setting{}, false
		}
		return l.settings[lastPlain], true
	}
	joined := list[0]
	joined.key = key
	for _, s := range list[1:] {
		joined.value += "," + s.value
		joined.unknown = joined.unknown || s.unknown
	}
	return joined, true
}

// profileGroups reads spring.profiles.group.<name> from every layer; for
// each group the highest-precedence layer wins.
func profileGroups(layers []layer) (map[string][]string, bool) {
	// canonical group key -> the profile name as written (the canonical
	// form drops dashes and case, profile names keep them)
	names := map[string]string{}
	for _, l := range layers {
		for _, s := range l.settings {
			rest, ok := strings.CutPrefix(s.key, canonProfilesGroup+".")
			if !ok {
				continue
			}
			if i := strings.IndexByte(rest, '['); i >= 0 {
				rest = rest[:i]
			}
			if _, seen := names[rest]; !seen {
				names[rest] = groupName(s.name, rest)
			}
		}
	}
	out := map[string][]string{}
	for key, name := range names {
		members, ok := listSetting(layers, canonProfilesGroup+"."+key)
		if !ok {
			return nil, false
		}
		out[name] = members
	}
	return out, true
}

// groupName takes the group's profile name from the key as written
// (spring.profiles.group.prod-db[0] gives prod-db), else the canonical one.
func groupName(written, canonical string) string {
	const prefix = "spring.profiles.group."
	if len(written) > len(prefix) && strings.EqualFold(written[:len(prefix)], prefix) {
		name := written[len(prefix):]
		if i := strings.IndexByte(name, '['); i >= 0 {
			name = name[:i]
		}
		return name
	}
	return canonical
}
