package configcheck

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/twice-lint/twice/configcheck/deploy"
	"github.com/twice-lint/twice/configcheck/manifest"
	"github.com/twice-lint/twice/configcheck/source"
	"github.com/twice-lint/twice/configcheck/springconf"
)

// maxImportDepth bounds chains of spring.config.import.
const maxImportDepth = 8

// server is one PowerJob server the repository configures: a config tree
// (a module's Spring files, possibly an embedded server) or a container
// running a server image.
type server struct {
	desc        string     // "server config app/src/main/resources/application.yml", "compose service powerjob (deploy/docker-compose.yml)"
	version     string     // PowerJob version when known
	versionFrom source.Pos // where the version is fixed
	// anchor is where a finding goes when no setting decides: the config
	// file (line 1), the container's image line, or the starter dependency.
	anchor source.Pos
	props  propertySet
	image  string // the container image, "" for a config tree
	// maybe is props with the settings that may or may not reach Spring
	// (an image whose entrypoint is unknown); when the two give different
	// answers the value is unknown, for the reason maybeWhy.
	maybe    *propertySet
	maybeWhy string
	// startRelated explains settings that do not reach Spring (command words
	// an entrypoint ignores, files mounted where Spring does not look).
	startRelated []Related
	// unsetNote, when the key is not set, says where it is written in vain
	// (e.g. a Kubernetes arg the entrypoint ignores).
	unsetNote string
	// winnerNote is added after the deciding setting when it is written in
	// winnerNoteFile (the compose .env values the file's text used).
	winnerNote, winnerNoteFile string
	// Where it runs, for pairing clients with it (pairing_sites.go): the
	// container, or the module whose config tree it is ("" for neither).
	container *deploy.Container
	module    string
}

// evaluate computes the server's effective setting.
func (s *server) evaluate() effective {
	e := s.props.evaluate()
	if s.maybe == nil {
		return e
	}
	m := s.maybe.evaluate()
	if m.state != e.state {
		return effective{state: stateUnknown, reason: s.maybeWhy}
	}
	return m
}

// buildServers finds every server in the inventory.
func buildServers(inv *inventory) []*server {
	consumed := map[*springFile]bool{} // files loaded by a container server
	var servers []*server
	servers = append(servers, containerServers(inv, consumed)...)
	servers = append(servers, treeServers(inv, consumed)...)
	servers = append(servers, helmServers(inv)...)
	return servers
}

// ---- config-tree servers ----

// configTree is the set of Spring files one module loads by name.
type configTree struct {
	module string
	files  []configFile
}

// locate maps a Spring file to the module that loads it and the location it
// is loaded from: src/main/resources[/config] are the classpath, the module
// directory and its config/ are file:./ and file:./config/. Test resources
// are not a deployed server's config.
func locate(p string) (module string, outside, configDir, ok bool) {
	dir := path.Dir(p)
	if strings.Contains("/"+dir+"/", "/src/test/") {
		return "", false, false, false
	}
	if m, found := cutSuffixDir(dir, "src/main/resources/config"); found {
		return m, false, true, true
	}
	if m, found := cutSuffixDir(dir, "src/main/resources"); found {
		return m, false, false, true
	}
	if path.Base(dir) == "config" {
		return path.Dir(dir), true, true, true
	}
	// file:./config/*/ (Spring Boot 2.4+): one directory below config/,
	// read after ./config/ itself (same rank here; path order decides).
	if parent := path.Dir(dir); path.Base(parent) == "config" && parent != dir {
		return path.Dir(parent), true, true, true
	}
	return dir, true, false, true
}

// cutSuffixDir removes a trailing directory path: "app/src/main/resources"
// minus "src/main/resources" is "app"; the whole path gives ".".
func cutSuffixDir(dir, suffix string) (string, bool) {
	if dir == suffix {
		return ".", true
	}
	if rest, ok := strings.CutSuffix(dir, "/"+suffix); ok {
		return rest, true
	}
	return "", false
}

func treeServers(inv *inventory, consumed map[*springFile]bool) []*server {
	trees := map[string]*configTree{}
	var order []string
	for _, sf := range inv.springFiles {
		if sf.cfgMap != "" || sf.role == roleOther {
			continue
		}
		module, outside, configDir, ok := locate(sf.path)
		if !ok {
			continue
		}
		t := trees[module]
		if t == nil {
			t = &configTree{module: module}
			trees[module] = t
			order = append(order, module)
		}
		t.files = append(t.files, configFile{sf: sf, outside: outside, configDir: configDir, role: sf.role, profile: sf.profile, yaml: sf.yaml, failed: inv.failed[sf]})
	}
	// Embedded servers whose module has no config files still run a server
	// with the default settings.
	for _, m := range inv.modules {
		if _, ok := serverStarter(m); ok && trees[path.Clean(m.Dir)] == nil {
			trees[path.Clean(m.Dir)] = &configTree{module: path.Clean(m.Dir)}
			order = append(order, path.Clean(m.Dir))
		}
	}
	slices.Sort(order)
	loaded := map[*springFile]bool{}
	var servers []*server
	for _, module := range order {
		if s := treeServer(inv, trees[module], consumed, loaded); s != nil {
			servers = append(servers, s)
		}
	}
	return append(servers, orphanServers(inv, consumed, loaded)...)
}

// treeServer turns a module's config files into a server when it is one:
// its config (or config it imports) sets keys only PowerJob servers use, or
// the module depends on powerjob-server-starter or is PowerJob's own server
// module. Generic oms. keys are not enough (see evidence.go).
// Files a container loads are that container's, not a second server.
func treeServer(inv *inventory, t *configTree, consumed, loaded map[*springFile]bool) *server {
	allConsumed := len(t.files) > 0
	for _, f := range t.files {
		allConsumed = allConsumed && consumed[f.sf]
	}
	if allConsumed {
		return nil
	}
	files, remote := resolveImports(inv, t.module, t.files)
	s := &server{props: propertySet{files: files, remote: remote}, module: t.module}
	isServer := false
	for _, f := range files {
		loaded[f.sf] = true
		isServer = isServer || hasServerKeys(f.sf)
	}
	if m, ok := inv.moduleAt(t.module); ok {
		if isPowerJobServerModule(m) {
			// PowerJob's own server module (a fork or the PowerJob
			// repository itself): its version is the server's.
			s.version, isServer = m.Version, true
		}
		if dep, ok := serverStarter(m); ok {
			isServer = true
			s.version, s.versionFrom = dep.Version, versionPos(dep)
			s.anchor = dep.Pos
		}
	}
	if !isServer {
		return nil
	}
	s.desc = "embedded server of module " + t.module
	if f, ok := anchorFile(files); ok {
		s.anchor = source.Pos{File: f.sf.path, Line: 1, Col: 1}
		s.desc = "server config " + s.anchor.File
	}
	return s
}

// anchorFile picks the file a "not set, default false" finding points at:
// the highest-ranked base application file holding oms. keys, else the
// highest-ranked base file, else any file.
func anchorFile(files []configFile) (configFile, bool) {
	ranked := rankFiles(files, nil)
	for _, pick := range []func(configFile) bool{
		func(f configFile) bool { return f.profile == "" && f.role != roleBootstrap && f.sf.hasOMS },
		func(f configFile) bool { return f.profile == "" && f.role != roleBootstrap },
		func(f configFile) bool { return true },
	} {
		// A file that does not parse is reported as an input error at its
		// own line; the finding stays at the server (its starter dependency).
		if i := slices.IndexFunc(ranked, func(f configFile) bool { return f.failed == "" && pick(f) }); i >= 0 {
			return ranked[i], true
		}
	}
	return configFile{}, false
}

// orphanServers are files holding PowerJob-server keys that no module or container
// loads by name (e.g. a committed Nacos data-id or a config kept for a
// server started elsewhere): each is taken as a server's external config.
func orphanServers(inv *inventory, consumed, loaded map[*springFile]bool) []*server {
	var out []*server
	for _, sf := range inv.springFiles {
		if (sf.role != roleOther && sf.cfgMap == "") || !hasServerKeys(sf) || consumed[sf] || loaded[sf] {
			continue
		}
		out = append(out, &server{
			desc:   "server config " + sf.path,
			anchor: source.Pos{File: sf.path, Line: 1, Col: 1},
			props:  propertySet{files: []configFile{{sf: sf, outside: true, role: roleApplication, yaml: sf.yaml}}},
		})
	}
	return out
}

// ---- imports and remote config ----

// resolveImports adds the files that spring.config.import pulls in (when
// they are in the repository) and lists remote config sources whose data is
// not: Nacos/Apollo/Config Server imports and bootstrap config-center
// settings.
func resolveImports(inv *inventory, module string, files []configFile) ([]configFile, []string) {
	out := slices.Clone(files)
	seen := map[*springFile]bool{}
	for _, f := range files {
		seen[f.sf] = true
	}
	var remote []string
	for i := 0; i < len(out); i++ {
		f := out[i]
		depth := importDepth(f)
		for _, e := range allEntries(f.sf) {
			switch key := springconf.CanonicalKey(e.Key); {
			case key == springconf.CanonicalKey("spring.config.import") || strings.HasPrefix(key, springconf.CanonicalKey("spring.config.import")+"["):
				for _, loc := range splitImport(expandFromFiles(e.Value, out)) {
					sf, remoteDesc := resolveImport(inv, module, f.sf.path, loc)
					if remoteDesc != "" {
						remote = append(remote, fmt.Sprintf("spring.config.import=%s (%s)", loc, e.Pos))
					}
					if sf != nil && !seen[sf] && depth < maxImportDepth {
						seen[sf] = true
						parent := f
						out = append(out, configFile{sf: sf, outside: f.outside, configDir: f.configDir, role: roleApplication, yaml: sf.yaml, importedBy: &parent, failed: inv.failed[sf]})
					}
				}
			default:
				if d := configCenter(key, e); d != "" {
					remote = append(remote, d)
				}
			}
		}
	}
	if slices.ContainsFunc(remote, isNacosCenter) {
		data, known := nacosBootstrapData(inv, out)
		out = append(out, data...)
		if known {
			remote = slices.DeleteFunc(remote, isNacosCenter)
		}
	}
	return out, remote
}

// expandFromFiles resolves ${name} placeholders in an import location
// against the config files' own entries (e.g.
// nacos:${spring.application.name}.yaml). A placeholder that cannot be
// resolved is left as written, so the location stays remote or missing.
func expandFromFiles(v string, files []configFile) string {
	if !strings.Contains(v, "${") {
		return v
	}
	out, _ := springconf.Expand(v, func(name string) (string, bool, bool) {
		want := springconf.CanonicalKey(name)
		for _, f := range files {
			for _, e := range allEntries(f.sf) {
				if springconf.CanonicalKey(e.Key) == want {
					return e.Value, true, !e.Opaque
				}
			}
		}
		return "", false, true
	})
	return out
}

func importDepth(f configFile) int {
	d := 0
	for p := f.importedBy; p != nil; p = p.importedBy {
		d++
	}
	return d
}

// allEntries lists every entry of a file regardless of profile activation:
// imports and config-center settings are looked for everywhere, since a
// remote source anywhere makes a locally absent value uncertain.
func allEntries(sf *springFile) []springconf.Entry {
	if sf.file == nil {
		return nil
	}
	var out []springconf.Entry
	for _, d := range sf.file.Docs {
		out = append(out, d.Entries...)
	}
	return out
}

func splitImport(v string) []string {
	var out []string
	for _, part := range strings.Split(v, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// resolveImport finds an imported location in the repository. It returns
// the file, or a non-empty description when the location is remote and its
// data is not committed, or the location is an absolute path on the
// server's machine. Missing relative files are ignored (Spring fails or,
// with optional:, skips them; neither sets the key).
func resolveImport(inv *inventory, module, importer, loc string) (*springFile, string) {
	loc = strings.TrimPrefix(strings.TrimSpace(loc), "optional:")
	scheme, rest, hasScheme := strings.Cut(loc, ":")
	if !hasScheme || len(scheme) == 1 { // no scheme (or a Windows drive letter): a file path
		scheme, rest = "file", loc
	}
	switch scheme {
	case "classpath":
		rest = strings.TrimPrefix(rest, "/")
		return firstFile(inv, path.Join(module, "src/main/resources", rest), path.Join(path.Dir(importer), rest)), ""
	case "file":
		if path.IsAbs(rest) {
			// A file on the machine that runs the server: its content is
			// not in the repository (an unevaluated source, not an absent
			// one).
			return nil, "file"
		}
		return firstFile(inv, path.Join(module, rest), path.Join(path.Dir(importer), rest)), ""
	case "nacos":
		dataID, _, _ := strings.Cut(rest, "?")
		if sf := committedDataID(inv, dataID); sf != nil {
			return sf, ""
		}
		return nil, "nacos"
	}
	return nil, scheme
}

func firstFile(inv *inventory, candidates ...string) *springFile {
	for _, c := range candidates {
		if sf := inv.byPath[path.Clean(c)]; sf != nil {
			return sf
		}
	}
	return nil
}

// committedDataID finds a config-center data-id committed to the
// repository (e.g. config/nacos/powerjob-server.properties): the file with
// that base name, the first in path order when there are several.
func committedDataID(inv *inventory, dataID string) *springFile {
	dataID = strings.TrimSpace(dataID)
	if dataID == "" {
		return nil
	}
	files := inv.byBase[path.Base(dataID)]
	if len(files) == 0 {
		return nil
	}
	return slices.MinFunc(files, func(a, b *springFile) int { return strings.Compare(a.path, b.path) })
}

// configCenter recognises bootstrap settings that load config from a config
// center at startup. Nacos/Apollo/Spring Cloud Config only pull remote data
// when these are set (and not switched off).
func configCenter(key string, e springconf.Entry) string {
	disabled := func() bool { b, ok := springconf.Truthy(e.Value); return ok && !b }
	switch {
	case key == springconf.CanonicalKey("spring.cloud.nacos.config.server-addr"):
		return fmt.Sprintf("%s %s (%s)", nacosCenterDesc, e.Key, e.Pos)
	case key == springconf.CanonicalKey("apollo.meta"):
		return fmt.Sprintf("Apollo config center %s (%s)", e.Key, e.Pos)
	case key == springconf.CanonicalKey("apollo.bootstrap.enabled") && !disabled() && e.Value != "":
		return fmt.Sprintf("Apollo config center %s (%s)", e.Key, e.Pos)
	case key == springconf.CanonicalKey("spring.cloud.config.uri"):
		return fmt.Sprintf("Spring Cloud Config server %s (%s)", e.Key, e.Pos)
	}
	return ""
}

const nacosCenterDesc = "Nacos config center"

func isNacosCenter(r string) bool { return strings.HasPrefix(r, nacosCenterDesc) }

// nacosBootstrapData loads the data-ids a Nacos config center (bootstrap
// settings spring.cloud.nacos.config.*) serves, when they are committed to
// the repository: ${prefix}.${file-extension} (prefix defaults to
// spring.application.name, the extension to properties), its
// ${prefix}-${profile} variants, and shared-configs / extension-configs
// data-ids. known is true when the center is switched off or its main
// data-id is committed: then a key absent from all of them is absent, not
// unknown. Remote data overrides the local files, so the files are marked
// remoteData (ranked first).
func nacosBootstrapData(inv *inventory, files []configFile) (data []configFile, known bool) {
	get := func(k string) string {
		want := springconf.CanonicalKey(k)
		for _, f := range files {
			for _, e := range allEntries(f.sf) {
				if springconf.CanonicalKey(e.Key) == want {
					return strings.TrimSpace(e.Value)
				}
			}
		}
		return ""
	}
	if b, ok := springconf.Truthy(get("spring.cloud.nacos.config.enabled")); ok && !b {
		return nil, true
	}
	loaded := map[*springFile]bool{}
	for _, f := range files {
		loaded[f.sf] = true
	}
	add := func(sf *springFile, profile string) {
		if sf == nil || loaded[sf] {
			return
		}
		loaded[sf] = true
		data = append(data, configFile{sf: sf, outside: true, remoteData: true, role: roleApplication, profile: profile, yaml: sf.yaml})
	}
	for _, id := range nacosListedDataIDs(files) {
		add(committedDataID(inv, id), "")
	}
	prefix := cmpOr(get("spring.cloud.nacos.config.prefix"), get("spring.application.name"))
	ext := cmpOr(get("spring.cloud.nacos.config.file-extension"), "properties")
	if prefix == "" || strings.Contains(prefix+ext, "${") {
		return data, false
	}
	main := committedDataID(inv, prefix+"."+ext)
	add(main, "")
	for base, sfs := range inv.byBase {
		rest, ok := strings.CutPrefix(base, prefix+"-")
		if profile, ok2 := strings.CutSuffix(rest, "."+ext); ok && ok2 && profile != "" {
			add(slices.MinFunc(sfs, func(a, b *springFile) int { return strings.Compare(a.path, b.path) }), profile)
		}
	}
	slices.SortStableFunc(data, func(a, b configFile) int { return strings.Compare(a.sf.path, b.sf.path) })
	return data, main != nil
}

// nacosListedDataIDs returns the data-ids named by
// spring.cloud.nacos.config.shared-configs[n].data-id and
// extension-configs[n].data-id (also the legacy shared-dataids list).
func nacosListedDataIDs(files []configFile) []string {
	base := springconf.CanonicalKey("spring.cloud.nacos.config")
	var out []string
	for _, f := range files {
		for _, e := range allEntries(f.sf) {
			rest, ok := strings.CutPrefix(springconf.CanonicalKey(e.Key), base+".")
			if !ok {
				continue
			}
			switch {
			case (strings.HasPrefix(rest, "sharedconfigs[") || strings.HasPrefix(rest, "extensionconfigs[")) && strings.HasSuffix(rest, "].dataid"):
				out = append(out, strings.TrimSpace(e.Value))
			case rest == "shareddataids":
				out = append(out, splitImport(e.Value)...)
			}
		}
	}
	return out
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// versionPos is where a dependency's version is fixed.
func versionPos(d manifest.Dependency) source.Pos {
	if d.VersionPos.IsValid() {
		return d.VersionPos
	}
	return d.Pos
}
