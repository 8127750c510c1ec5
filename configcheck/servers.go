package configcheck

import (
	"path"
	"slices"
	"strings"

	"github.com/twice-lint/twice/configcheck/deploy"
	"github.com/twice-lint/twice/configcheck/manifest"
	"github.com/twice-lint/twice/configcheck/source"
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
