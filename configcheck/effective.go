package configcheck

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/twice-lint/twice/configcheck/internal/budget"
	"github.com/twice-lint/twice/configcheck/source"
	"github.com/twice-lint/twice/configcheck/springconf"
)

// authKey is the server property this checker is about.
const authKey = "oms.auth.openapi.enable"

// Canonical forms of the keys the evaluation reads.
var (
	canonAuth           = springconf.CanonicalKey(authKey)
	canonProfilesActive = springconf.CanonicalKey("spring.profiles.active")
)

// sourceKind is the kind of a property source, highest precedence first.
type sourceKind int

const (
	srcArgs sourceKind = iota // --key=value command-line arguments (incl. Docker PARAMS)
	srcJVM                    // -Dkey=value JVM options
	srcEnv                    // environment variables
	srcFile                   // a config file
	srcJSON                   // SPRING_APPLICATION_JSON; ranks between srcArgs and srcJVM (layers are ordered by position, not by this value)
)

// setting is one key=value a server sees, with where it was written.
type setting struct {
	key     string // canonical key
	name    string // as written: "--oms.auth.openapi.enable", "OMS_AUTH_OPENAPI_ENABLE", "oms.auth.openapi.enable"
	value   string
	pos     source.Pos
	unknown bool   // the value cannot be known from the repository (k8s valueFrom, ${VAR} without default, @token@)
	via     string // for a key inside SPRING_APPLICATION_JSON: the variable or argument that holds the JSON
}

// layer is one property source after profile selection.
type layer struct {
	kind     sourceKind
	settings []setting // later entries win within a layer
	// wildcard marks a source whose content is unknown (e.g. a PARAMS
	// variable taken from the host environment): any key may be set there.
	wildcard string
}

// lookup returns the winning setting for a canonical key in this layer.
func (l *layer) lookup(key string) (setting, bool) {
	for i := len(l.settings) - 1; i >= 0; i-- {
		if l.settings[i].key == key {
			return l.settings[i], true
		}
	}
	return setting{}, false
}

// configFile is a Spring file as one server loads it, with its precedence.
type configFile struct {
	sf *springFile
	// outside: loaded from outside the jar (file:./, file:./config/, a
	// mounted file); inside: classpath. Outside beats inside.
	outside bool
	// configDir: from a config/ subdirectory, which beats the directory
	// itself at the same side of the jar.
	configDir bool
	// name decides role and profile (a mounted file takes the name of its
	// mount target).
	role    springRole
	profile string
	yaml    bool
	// importedBy is set for a file pulled in with spring.config.import; it
	// ranks directly above the importer.
	importedBy *configFile
	// remoteData: the data of a config center (a Nacos data-id served at
	// bootstrap) that is committed to the repository; it overrides every
	// local file.
	remoteData bool
	// failed is set when the file could not be parsed: its content is
	// unknown, and Spring would not start with it either.
	failed string
}

// state is the effective value of the auth setting.
type state int

const (
	stateDisabled state = iota
	stateEnabled
	stateUnknown
)

// effective is the evaluation result for one server.
type effective struct {
	state state
	// winner is the setting that decides; zero pos when the default applies.
	winner     setting
	winnerKind sourceKind
	overridden []setting // lower-precedence settings of the same key
	reason     string    // why the value is unknown
	// resolved is the winner's value after placeholder expansion when it
	// had placeholders, and resolvedVia the settings the placeholders read
	// (empty when their defaults applied).
	resolved    string
	resolvedVia []setting
}

// propertySet is a server's property sources before profile selection.
type propertySet struct {
	fixed  []layer      // args, JVM options, environment (highest first)
	files  []configFile // config files in any order; ranked at evaluation
	remote []string     // remote config imports whose data is not in the repository
}

// evaluate computes the effective oms.auth.openapi.enable of a server.
func (ps *propertySet) evaluate() effective {
	profiles, known := ps.activeProfiles()
	if reason := ps.failedReason(profiles, known); reason != "" {
		return effective{state: stateUnknown, reason: reason}
	}
	if !known {
		return ps.evaluateUnknownProfiles()
	}
	return ps.evaluateFor(profiles, true)
}

// evaluateFor computes the value for the given active profiles; with
// known=false only base files and documents without profile activation
// count.
func (ps *propertySet) evaluateFor(profiles []string, known bool) effective {
	layers := ps.layers(profiles, known)
	var hits []setting
	var kinds []sourceKind
	for _, l := range layers {
		if l.wildcard != "" && len(hits) == 0 {
			return effective{state: stateUnknown, reason: l.wildcard}
		}
		if s, ok := l.lookup(canonAuth); ok {
			hits = append(hits, s)
			kinds = append(kinds, l.kind)
		}
	}
	if len(hits) == 0 {
		if len(ps.remote) > 0 {
			return effective{state: stateUnknown, reason: "not set locally, and the server imports remote config whose data is not in the repository: " + strings.Join(ps.remote, ", ")}
		}
		return effective{state: stateDisabled}
	}
	e := effective{winner: hits[0], winnerKind: kinds[0], overridden: hits[1:]}
	e.state, e.reason, e.resolved, e.resolvedVia = judge(hits[0], layers)
	return e
}

// judge converts the winning setting to a state, expanding placeholders
// against the same sources. For a value with placeholders it also returns
// the expanded value and the settings the placeholders were resolved from.
func judge(s setting, layers []layer) (st state, reason, resolved string, via []setting) {
	if s.unknown {
		if s.value == "" {
			return stateUnknown, fmt.Sprintf("%s gets its value outside the repository (e.g. a Secret, valueFrom or a deploy-time variable)", s.name), "", nil
		}
		return stateUnknown, fmt.Sprintf("%s has a value that is only known at deploy or build time (%q)", s.name, s.value), "", nil
	}
	lookup := placeholderLookup(layers)
	bud := budget.New()
	v, ok := springconf.ExpandWithin(bud, s.value, func(name string) (string, bool, bool) {
		val, found, known := lookup(name)
		if found {
			if src, ok := findSetting(layers, name); ok {
				via = append(via, src)
			}
		}
		return val, found, known
	})
	if !ok && bud.Refused() > 0 {
		return stateUnknown, fmt.Sprintf("%s=%s has placeholders that expand past the expansion budget (%d bytes at most)", s.name, s.value, budget.MaxValue), "", nil
	}
	if !ok {
		return stateUnknown, fmt.Sprintf("%s=%s has a placeholder that cannot be resolved from the repository", s.name, s.value), "", nil
	}
	if v != s.value {
		resolved = v
	}
	b, ok := springconf.Truthy(v)
	if !ok {
		return stateUnknown, fmt.Sprintf("%s=%s is not a boolean", s.name, v), "", nil
	}
	if b {
		return stateEnabled, "", resolved, via
	}
	return stateDisabled, "", resolved, via
}

// findSetting returns the setting a placeholder name resolves to, the same
// way placeholderLookup finds it.
func findSetting(layers []layer, name string) (setting, bool) {
	key := springconf.CanonicalKey(name)
	for _, l := range layers {
		for i := len(l.settings) - 1; i >= 0; i-- {
			if s := l.settings[i]; s.key == key || (l.kind == srcEnv && s.name == name) {
				return s, true
			}
		}
	}
	return setting{}, false
}

// placeholderLookup resolves ${NAME} against the layers: by canonical key,
// and for the environment also by the variable's own name, as Spring's
// system-environment source does.
func placeholderLookup(layers []layer) func(string) (string, bool, bool) {
	return func(name string) (string, bool, bool) {
		key := springconf.CanonicalKey(name)
		for _, l := range layers {
			if l.wildcard != "" {
				return "", false, false
			}
			for i := len(l.settings) - 1; i >= 0; i-- {
				s := l.settings[i]
				if s.key == key || (l.kind == srcEnv && s.name == name) {
					return s.value, true, !s.unknown
				}
			}
		}
		return "", false, true
	}
}

// activeProfiles reads spring.profiles.active from the fixed sources and the
// base files (documents without profile activation). It returns known=false
// when the value cannot be known (an @token@, an unknown env value…): then
// the profile files are not guessed and the base files decide.
func (ps *propertySet) activeProfiles() ([]string, bool) {
	layers := append(slices.Clone(ps.fixed), ps.fileLayers(nil, false, true)...)
	// A source whose content is unknown above the one that sets the key may
	// set it too.
	for _, l := range layers {
		if l.wildcard != "" {
			return nil, false
		}
		if _, ok := profilesSetting(l); ok {
			break
		}
	}
	active, ok := listSetting(layers, canonProfilesActive)
	if !ok {
		return nil, false
	}
	return includeAndGroups(active, layers)
}

// profilesSetting returns the layer's spring.profiles.active: the plain
// key, or a YAML list (spring.profiles.active[0], [1]…) joined with commas,
// whichever is written last.
func profilesSetting(l layer) (setting, bool) { return listIn(l, canonProfilesActive) }

// layers returns every property source, highest precedence first.
func (ps *propertySet) layers(profiles []string, known bool) []layer {
	return append(slices.Clone(ps.fixed), ps.fileLayers(profiles, known, false)...)
}

// fileLayers ranks the files and flattens each to a layer. With baseOnly,
// only base files and their documents without profile activation are used
// (the sources that can set spring.profiles.active).
func (ps *propertySet) fileLayers(profiles []string, known, baseOnly bool) []layer {
	var chosen []configFile
	for _, f := range ps.files {
		if f.profile != "" && (baseOnly || !known || !slices.Contains(profiles, f.profile)) {
			continue
		}
		chosen = append(chosen, f)
	}
	ranked := rankFiles(chosen, profiles)
	out := make([]layer, 0, len(ranked))
	for _, f := range ranked {
		out = append(out, fileLayer(f.sf, profiles, known && !baseOnly))
	}
	return out
}

// fileLayer flattens the active documents of a file; later documents win.
func fileLayer(sf *springFile, profiles []string, profilesKnown bool) layer {
	l := layer{kind: srcFile}
	if sf.file == nil {
		return l
	}
	for _, d := range sf.file.Docs {
		active := d.OnProfile == ""
		if !active && profilesKnown {
			active = d.ActiveFor(profiles)
		}
		if !active {
			continue
		}
		for _, e := range d.Entries {
			l.settings = append(l.settings, setting{
				key: springconf.CanonicalKey(e.Key), name: e.Key, value: e.Value, pos: e.Pos, unknown: e.Opaque,
			})
		}
	}
	return l
}

// rankFiles orders files highest precedence first, following Spring Boot:
// outside the jar beats inside; profile-specific beats base on the same side
// (the last listed profile first); config/ beats its parent; .properties
// beats .yml beats .yaml in one location; application beats bootstrap; an
// imported file ranks directly above the file that imports it.
func rankFiles(files []configFile, profiles []string) []configFile {
	var roots, imported []configFile
	for _, f := range files {
		if f.importedBy != nil {
			imported = append(imported, f)
		} else {
			roots = append(roots, f)
		}
	}
	slices.SortStableFunc(roots, func(a, b configFile) int { return compareRank(a, b, profiles) })
	out := make([]configFile, 0, len(files))
	var place func(f configFile, depth int)
	place = func(f configFile, depth int) {
		if depth <= maxImportDepth {
			for _, imp := range imported {
				if imp.importedBy.sf == f.sf {
					place(imp, depth+1)
				}
			}
		}
		out = append(out, f)
	}
	for _, f := range roots {
		place(f, 0)
	}
	return out
}

func compareRank(a, b configFile, profiles []string) int {
	return cmp.Or(
		-cmp.Compare(boolRank(a.remoteData), boolRank(b.remoteData)),
		-cmp.Compare(boolRank(a.outside), boolRank(b.outside)),
		-cmp.Compare(boolRank(a.profile != ""), boolRank(b.profile != "")),
		-cmp.Compare(slices.Index(profiles, a.profile), slices.Index(profiles, b.profile)),
		-cmp.Compare(boolRank(a.configDir), boolRank(b.configDir)),
		cmp.Compare(boolRank(a.role == roleBootstrap), boolRank(b.role == roleBootstrap)),
		cmp.Compare(extRank(a.sf.path), extRank(b.sf.path)),
		cmp.Compare(a.sf.path, b.sf.path),
	)
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// extRank: .properties (0) beats .yml (1) beats .yaml (2) in one location.
func extRank(p string) int {
	switch {
	case strings.HasSuffix(p, ".properties"):
		return 0
	case strings.HasSuffix(p, ".yml"):
		return 1
	}
	return 2
}
