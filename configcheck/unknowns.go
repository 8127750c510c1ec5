package configcheck

import (
	"fmt"
	"slices"
	"strings"
)

// Unknown is a note, never a warning: a server config file that does not
// parse, and an active profile that cannot be known when the profile files
// would give different answers.

// failedReason returns why the value is unknown when a file the server
// loads for these profiles could not be parsed; "" when none. With unknown
// profiles every failed file may be loaded.
func (ps *propertySet) failedReason(profiles []string, known bool) string {
	for _, f := range ps.files {
		if f.failed == "" {
			continue
		}
		if f.profile == "" || !known || slices.Contains(profiles, f.profile) {
			return fmt.Sprintf("the server loads %s, which could not be parsed (%s); Spring would not start with it either, so what the deployed file says is unknown", f.sf.path, f.failed)
		}
	}
	return ""
}

// evaluateUnknownProfiles handles an active profile that cannot be known
// (an @token@, an unknown variable): each profile the files name is tried
// on its own; when they all agree with the base files, that answer stands,
// else the value is unknown and the reason lists which profiles enable and
// which disable.
func (ps *propertySet) evaluateUnknownProfiles() effective {
	base := ps.evaluateFor(nil, false)
	candidates := ps.profileCandidates()
	byState := map[state][]string{}
	agree := true
	for _, p := range candidates {
		e := ps.evaluateFor([]string{p}, true)
		byState[e.state] = append(byState[e.state], p)
		agree = agree && e.state == base.state
	}
	if agree {
		return base
	}
	var parts []string
	for _, g := range []struct {
		st   state
		verb string
	}{{stateEnabled, "enable"}, {stateDisabled, "disable"}, {stateUnknown, "leave unknown"}} {
		if ps := byState[g.st]; len(ps) > 0 {
			parts = append(parts, fmt.Sprintf("profile %s would %s OpenAPI auth", strings.Join(ps, ", "), g.verb))
		}
	}
	return effective{state: stateUnknown, reason: fmt.Sprintf("the active profile cannot be known from the repository (%s) and the profile files disagree: %s (without a profile: %s)",
		ps.profileUnknownWhy(), strings.Join(parts, "; "), stateWord(base.state))}
}

// profileUnknownWhy says where the unknown active profile comes from: the
// source whose content is unknown, or the spring.profiles.active setting.
func (ps *propertySet) profileUnknownWhy() string {
	for _, l := range append(slices.Clone(ps.fixed), ps.fileLayers(nil, false, true)...) {
		if l.wildcard != "" {
			return l.wildcard
		}
		if s, ok := profilesSetting(l); ok {
			return fmt.Sprintf("%s=%s at %s", s.name, s.value, posText(s.pos))
		}
	}
	return "spring.profiles.active"
}

// profileCandidates lists the profiles the server's files are written for:
// profile-specific file names and single-name document activations.
func (ps *propertySet) profileCandidates() []string {
	var out []string
	add := func(p string) {
		if p != "" && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	for _, f := range ps.files {
		add(f.profile)
		if f.sf.file == nil {
			continue
		}
		for _, d := range f.sf.file.Docs {
			if name := strings.TrimSpace(d.OnProfile); name != "" && !strings.ContainsAny(name, "!&|(), ") {
				add(name)
			}
		}
	}
	slices.Sort(out)
	return out
}

func stateWord(s state) string {
	switch s {
	case stateEnabled:
		return "enabled"
	case stateDisabled:
		return "disabled"
	}
	return "unknown"
}
